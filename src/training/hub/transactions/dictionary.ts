// 1901 字典表查询: the code tables the terminal shows labels for. Training dictionary; national
// codes where the interface notes give them, the training hub's own psn_type values otherwise.
import { INSUTYPE, LIST_TYPE, MED_TYPE } from '@src/hub/protocol/codes';
import { refuse } from '../core/hub-refusal';
import type { HandlerMap } from './handler';

const DICTIONARIES: Readonly<Record<string, readonly (readonly [string, string])[]>> = {
  insutype: Object.entries(INSUTYPE),
  med_type: Object.entries(MED_TYPE),
  list_type: Object.entries(LIST_TYPE),
  psn_type: [['1101', '在职职工'], ['1102', '退休人员'], ['1501', '城乡居民'], ['1502', '城乡居民（学生儿童）']],
  mdtrt_cert_type: [['01', '电子凭证令牌'], ['02', '居民身份证'], ['03', '社会保障卡']],
  psn_cert_type: [['01', '居民身份证（户口簿）'], ['02', '中国人民解放军军官证'], ['06', '港澳居民来往内地通行证'], ['99', '其他身份证件']],
  chrgitm_lv: [['01', '甲类'], ['02', '乙类'], ['03', '丙类']],
  clr_type: [['11', '门诊'], ['21', '住院'], ['41', '药店购药'], ['99', '其他']],
  psn_setlway: [['01', '按项目结算'], ['02', '按定额结算']],
  gend: [['0', '未知的性别'], ['1', '男'], ['2', '女'], ['9', '未说明的性别']],
  psn_insu_stas: [['1', '正常参保'], ['2', '暂停参保'], ['4', '终止参保']],
  dscg_way: [['1', '医嘱离院'], ['2', '医嘱转院'], ['3', '医嘱转社区卫生服务机构/乡镇卫生院'], ['4', '非医嘱离院'], ['5', '死亡'], ['9', '其他']],
  fund_pay_type: [
    ['310100', '职工基本医疗保险统筹基金'], ['310200', '城镇职工基本医疗保险个人账户基金'], ['330101', '职工大额医疗费用补助基金'],
    ['390100', '城乡居民基本医疗保险基金'], ['390200', '城乡居民大病医疗保险资金'], ['999996', '医院负担'],
  ],
  med_chrgitm_type: [
    ['01', '床位费'], ['02', '诊察费'], ['03', '检查费'], ['04', '化验费'], ['05', '治疗费'], ['06', '手术费'], ['07', '护理费'], ['08', '卫生材料费'],
    ['09', '西药费'], ['10', '中成药费'], ['11', '中药饮片费'], ['12', '一般诊疗费'], ['13', '挂号费'], ['14', '其他费'],
  ],
  naty: [['01', '汉族'], ['02', '蒙古族'], ['03', '回族'], ['04', '藏族'], ['05', '维吾尔族'], ['06', '苗族'], ['07', '彝族'], ['08', '壮族']],
};

export const DICTIONARY_TYPES = Object.keys(DICTIONARIES);

export const dictionaryHandlers: HandlerMap = {
  '1901': (ctx, input) => {
    const type = input.data.type.trim();
    const entries = DICTIONARIES[type];
    if (!entries) refuse(`字典类型${type}不存在，可查询：${DICTIONARY_TYPES.join('、')}`);
    return {
      list: entries.map(([value, label], i) => ({ type, label, value, parentValue: input.data.parentValue, sort: i + 1, valiFlag: '1', createUser: 'training', createDate: '2025-01-01 00:00:00', version: '1' })),
    };
  },
};
