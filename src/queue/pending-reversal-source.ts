// Settlement's pending-reversal hook (docs/settlement.md, src/settlement/store/pending-reversals.ts)
// as a side source of the drainer: 2601s that could not be delivered within the settlement budget
// are sent under the queue's lease, by settlement's own deliver() (which reverses through the hub
// resolver, marks the settlement reversed and audits). 2601 is idempotent at the hub, so a
// delivery repeated after a crash is harmless.
import type { PendingReversals } from '@src/settlement/store/pending-reversals';
import type { SideSource } from './queue-drainer';

export function pendingReversalSource(pending: PendingReversals): SideSource {
  return {
    name: 'pending-reversal',
    due: () => pending.listDue().map((p) => p.id),
    async deliver(id) {
      const r = await pending.deliver(id);
      if (r === 'reversed' || r === 'alreadyResolved') return 'done';
      if (r === 'failed') return 'dead';
      // stillPending: not delivered (network, sign-in): try again on the next flush.
      return 'unreachable';
    },
  };
}
