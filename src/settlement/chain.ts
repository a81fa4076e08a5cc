// One automatic chain (docs/settlement.md, "The budget"): the calls one key press triggers share
// one Budget, and each step is announced with the time left (settlement.progress event).
import type { SettlementProgress } from '@src/contract/methods/settlement';
import { Budget } from '@src/hub/budget';
import type { HubOperator } from '@src/hub/client/call-options';

export type ProgressSink = (p: SettlementProgress) => void;

export const STEP_LABELS: Record<string, string> = {
  person: '读取参保信息（1101）',
  filings: '查询备案（5301/5304）',
  register: '门诊挂号（2201）',
  visit: '上传就诊信息（2203）',
  uploadFees: '上传费用明细',
  cancelFees: '撤销费用明细',
  preSettle: '预结算',
  settle: '结算',
  resend: '结果未知：按原报文重发',
  query: '结果未知：查询结算结果（5203）',
  reverse: '结果未知：冲正（2601）',
  cancelRegister: '撤销挂号（2202）',
  admit: '入院办理（2401）',
  discharge: '出院办理（2402）',
  cancelAdmission: '撤销入院（2404）',
  cancelDischarge: '撤销出院（2405）',
  refund: '退费',
  done: '完成',
};

export class Chain {
  readonly budget: Budget;

  constructor(
    readonly flow: string,
    readonly operationId: string,
    readonly operator: HubOperator,
    budgetMs: number,
    private readonly sink: ProgressSink,
  ) {
    this.budget = Budget.start(budgetMs);
  }

  step(step: string, detail?: string): void {
    const base = STEP_LABELS[step] ?? step;
    this.sink({
      operationId: this.operationId,
      flow: this.flow,
      step,
      label: detail ? `${base}：${detail}` : base,
      budgetMs: this.budget.totalMs,
      remainingMs: Math.round(this.budget.remainingMs()),
      done: step === 'done',
    });
  }

  done(): void {
    this.step('done');
  }

  remainingMs(): number {
    return Math.round(this.budget.remainingMs());
  }
}
