// The hospital's offline-settlement policy, set by an IT admin: whether 延时结算 is offered at all,
// what is collected at the counter now, and the limits past which only self-pay is offered (like a
// card terminal's floor limits: the hospital carries the risk of what the hub may later refuse).

export type CollectRule = 'full' | 'estimated_share';

export interface OfflinePolicy {
  enabled: boolean;
  /** full: the whole bill now, the fund's part refunded after forwarding; estimated_share: the estimated own share now. */
  collect: CollectRule;
  limits: {
    /** One offline settlement's bill at most (fen). */
    perSettlementFen: number;
    /** All offline settlements not yet forwarded, together (fen). */
    outstandingAmountFen: number;
    /** How many offline settlements may wait for forwarding. */
    outstandingCount: number;
  };
}

/** Off until IT enables it; conservative limits once it is. */
export const DEFAULT_OFFLINE_POLICY: OfflinePolicy = {
  enabled: false,
  collect: 'full',
  limits: { perSettlementFen: 100_000, outstandingAmountFen: 1_000_000, outstandingCount: 50 },
};

/** The estimate's parameters for one insured area and insutype. */
export interface AreaParams {
  admdvs: string;
  insutype: '310' | '390';
  name: string;
  /** 门诊起付线 (fen, yearly: the estimate assumes none of it is met yet). */
  deductibleFen: number;
  /** 统筹比例 ×10⁴ by institution level 1/2/3. */
  ratioByLevel: { '1': number; '2': number; '3': number };
  /** Where they came from: 'training-hub-policy', 'it-admin' … */
  source: string;
}
