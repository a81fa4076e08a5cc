// Floor limits of offline settlement: past any of them only self-pay is offered, with the reason.
import { formatYuan } from '@src/common/money';
import type { OfflinePolicy } from './offline-policy';

export interface Outstanding {
  count: number;
  amountFen: number;
}

export type LimitCheck = { allowed: true } | { allowed: false; limit: 'disabled' | 'perSettlement' | 'outstandingAmount' | 'outstandingCount'; reason: string };

export function checkOfflineLimits(policy: OfflinePolicy, medfeeFen: number, outstanding: Outstanding): LimitCheck {
  const l = policy.limits;
  if (!policy.enabled) return { allowed: false, limit: 'disabled', reason: '本院未开通延时结算（离线结算），医保中心恢复前只能按自费收费' };
  if (medfeeFen > l.perSettlementFen) {
    return { allowed: false, limit: 'perSettlement', reason: `本次费用 ${formatYuan(medfeeFen)} 元超过单笔延时结算限额 ${formatYuan(l.perSettlementFen)} 元，只能按自费收费` };
  }
  if (outstanding.count + 1 > l.outstandingCount) {
    return { allowed: false, limit: 'outstandingCount', reason: `待上传的延时结算已有 ${outstanding.count} 笔，达到上限 ${l.outstandingCount} 笔，只能按自费收费` };
  }
  if (outstanding.amountFen + medfeeFen > l.outstandingAmountFen) {
    return {
      allowed: false,
      limit: 'outstandingAmount',
      reason: `待上传的延时结算合计 ${formatYuan(outstanding.amountFen)} 元，加上本次将超过上限 ${formatYuan(l.outstandingAmountFen)} 元，只能按自费收费`,
    };
  }
  return { allowed: true };
}
