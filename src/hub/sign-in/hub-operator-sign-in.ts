// The hub side of an operator's sign-in (the HubSignIn of src/operators/operator-sessions.ts):
// 9001 with the operator's code gives a sign_no, kept by the client for that operator and put in
// every later envelope made for them; 9002 signs out. Sign-in has its own short deadline so a
// hub that does not answer delays the counter's login by seconds, not minutes.
import type { Operator } from '@src/contract/methods/session';
import type { HubSignIn } from '@src/operators/operator-sessions';
import { Budget } from '../budget';
import type { HubClient } from '../client/hub-client';
import type { TerminalConfig } from '@src/contract/config';

export const SIGN_IN_BUDGET_MS = 5000;

export class HubOperatorSignIn implements HubSignIn {
  constructor(
    private readonly client: HubClient,
    private readonly config: () => TerminalConfig,
  ) {}

  async signIn(operator: Operator): Promise<{ signNo: string }> {
    const t = this.config().terminal;
    const r = await this.client.call(
      '9001',
      { signIn: { opter_no: operator.username, mac: t.mac || undefined, ip: t.ip || undefined } },
      { operator: { code: operator.username, name: operator.displayName, signNo: '' }, budget: this.budget() },
    );
    const signNo = r.output.signinoutb.sign_no;
    this.client.rememberSignIn(operator.username, signNo);
    return { signNo };
  }

  async signOut(operator: Operator, signNo: string): Promise<void> {
    try {
      await this.client.call('9002', { signOut: { sign_no: signNo, opter_no: operator.username } }, { operator: { code: operator.username, name: operator.displayName, signNo }, budget: this.budget() });
    } finally {
      this.client.forgetSignIn(operator.username, signNo);
    }
  }

  private budget(): Budget {
    return Budget.start(Math.min(SIGN_IN_BUDGET_MS, this.config().timeouts.callTimeoutMs));
  }
}
