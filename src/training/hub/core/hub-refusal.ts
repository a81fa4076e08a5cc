// A business refusal: the hub answers infcode -1 with this err_msg (Chinese, shown to the cashier
// as is). Anything else thrown by a handler is a hub bug and is answered as a system error.
export class HubRefusal extends Error {
  constructor(readonly errMsg: string) {
    super(errMsg);
    this.name = 'HubRefusal';
  }
}

export function refuse(errMsg: string): never {
  throw new HubRefusal(errMsg);
}
