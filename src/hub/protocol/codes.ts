// Code tables the terminal and the training hub both use (interface.md §4). Local extensions
// exist for several of them; these are the national values.

/** 就诊凭证类型 */
export const MDTRT_CERT_TYPE = { ecToken: '01', idNumber: '02', socialSecurityCard: '03' } as const;

/** 险种类型 */
export const INSUTYPE = {
  '310': '职工基本医疗保险',
  '320': '公务员医疗补助',
  '330': '大额医疗费用补助',
  '340': '离休人员医疗保障',
  '390': '城乡居民基本医疗保险',
  '510': '生育保险',
} as const;

/** 医疗类别 */
export const MED_TYPE = {
  '11': '普通门诊',
  '12': '门诊挂号',
  '13': '急诊',
  '14': '门诊慢特病',
  '15': '特药',
  '16': '中医特色门诊',
  '21': '普通住院',
  '22': '外伤住院',
  '23': '转外诊治住院',
  '24': '急诊转住院',
  '25': '异地住院',
  '26': '单病种住院',
  '27': '自主就医',
  '28': '日间手术',
  '41': '定点药店购药',
  '51': '生育门诊',
  '52': '生育住院',
} as const;

/** 收费项目等级 and the self-pay ratio real 2204 outputs show for each. */
export const CHRGITM_LV = { classA: '01', classB: '02', classC: '03' } as const;

/** 清算类别 */
export const CLR_TYPE = { outpatient: '11', inpatient: '21', pharmacy: '41', other: '99' } as const;

/** 个人结算方式 */
export const PSN_SETLWAY = { byItem: '01', byQuota: '02' } as const;

/** 目录类别 (list_type) */
export const LIST_TYPE = {
  '101': '西药',
  '102': '中成药',
  '103': '中药饮片',
  '104': '自制剂',
  '105': '民族药',
  '201': '服务项目',
  '301': '医用材料',
} as const;

/**
 * 基金支付类型 (setldetail.fund_pay_type) seen in real outputs: 330101 (职工大额, hifob), 310201
 * (account), 310200 (城镇职工基本医疗保险个人账户基金), 999996 (医院负担). The rest follow the same
 * numbering (insutype + fund) and are the training hub's choice.
 */
export const FUND_PAY_TYPE_SEEN = { employeeLargeAmount: '330101', account: '310201', accountFund: '310200', hospital: '999996' } as const;
