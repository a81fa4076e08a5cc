// Small code tables served as catalogue files (1307–1315) and used by the training hub's rules.
//
// 1307/1308 normally come from the real ICD-10/ICD-9-CM-3 医保版 2.0 tables when a copy is given
// (see icd-source.ts); the built-in lists below are common codes of those same tables, so the
// training hub works on any machine. The chronic-disease codes (1309) are training codes in the
// national "M" + 5 digits shape; the five pilot diseases of cross-province outpatient chronic-
// disease settlement are the real policy.

export type ChronicDiseaseKey = 'hypertension' | 'diabetes' | 'cancerTherapy' | 'dialysis' | 'transplantAntiRejection';

export interface ChronicDiseaseDef {
  key: ChronicDiseaseKey;
  /** opsp_dise_code (门慢门特病种目录代码), training code. */
  code: string;
  /** opsp_dise_name */
  name: string;
  /** ICD-10 category prefixes that count as this disease when a visit is coded by diagnosis. */
  icdPrefixes: readonly string[];
}

/** The five pilot diseases of cross-province outpatient chronic-disease direct settlement. */
export const PILOT_CHRONIC_DISEASES: readonly ChronicDiseaseDef[] = [
  { key: 'hypertension', code: 'M03900', name: '高血压', icdPrefixes: ['I10', 'I11', 'I12', 'I13', 'I15'] },
  { key: 'diabetes', code: 'M01600', name: '糖尿病', icdPrefixes: ['E10', 'E11', 'E12', 'E13', 'E14'] },
  { key: 'cancerTherapy', code: 'M00500', name: '恶性肿瘤门诊放化疗', icdPrefixes: ['C', 'Z51.0', 'Z51.1', 'Z51.2'] },
  { key: 'dialysis', code: 'M07800', name: '尿毒症透析', icdPrefixes: ['N18.5', 'N18.9', 'Z49'] },
  { key: 'transplantAntiRejection', code: 'M08300', name: '器官移植术后抗排异治疗', icdPrefixes: ['Z94'] },
];

export function chronicDiseaseByKey(key: ChronicDiseaseKey): ChronicDiseaseDef {
  const d = PILOT_CHRONIC_DISEASES.find((x) => x.key === key);
  if (!d) throw new RangeError(`unknown chronic disease ${key}`);
  return d;
}

/** The pilot disease a chronic code or an ICD-10 diagnosis code stands for, if any. */
export function chronicDiseaseOfCode(code: string): ChronicDiseaseDef | undefined {
  const c = code.trim().toUpperCase();
  const byCode = PILOT_CHRONIC_DISEASES.find((d) => d.code === c);
  if (byCode) return byCode;
  return PILOT_CHRONIC_DISEASES.find((d) => d.icdPrefixes.some((p) => c.startsWith(p)));
}

/** Other outpatient chronic/special diseases in the training 1309 list (local, not cross-province pilots). */
export const OTHER_CHRONIC_DISEASES: readonly (readonly [string, string])[] = [
  ['M00100', '结核病'], ['M01200', '甲状腺功能亢进症'], ['M02200', '帕金森病'], ['M02300', '阿尔茨海默病'], ['M02500', '癫痫'],
  ['M03500', '慢性心力衰竭'], ['M03600', '冠心病'], ['M04100', '脑卒中后遗症'], ['M04800', '慢性阻塞性肺疾病'], ['M04900', '支气管哮喘'],
  ['M05300', '肝硬化'], ['M06200', '类风湿关节炎'], ['M06400', '系统性红斑狼疮'], ['M07200', '慢性肾功能不全（非透析）'], ['M09100', '精神分裂症'],
  ['M09300', '双相情感障碍'], ['M09900', '再生障碍性贫血'], ['M10000', '血友病'], ['M10200', '骨质疏松症'], ['M10500', '银屑病'],
];

/** Built-in ICD-10 医保版 2.0 diagnoses (common codes) used when the full table is not supplied. */
export const BUILTIN_DIAGNOSES: readonly (readonly [string, string])[] = [
  ['A09.900', '胃肠炎和结肠炎'], ['C16.900', '胃恶性肿瘤'], ['C18.900', '结肠恶性肿瘤'], ['C22.000', '肝细胞癌'], ['C34.900', '支气管或肺恶性肿瘤'],
  ['C50.900', '乳房恶性肿瘤'], ['E03.900', '甲状腺功能减退症'], ['E10.900', '1型糖尿病'], ['E11.200', '2型糖尿病伴有肾的并发症'], ['E11.900', '2型糖尿病'],
  ['E14.900', '糖尿病不伴有并发症'], ['E78.200', '混合性高脂血症'], ['E78.500', '高脂血症'], ['F32.900', '抑郁发作'], ['G43.900', '偏头痛'],
  ['H25.900', '老年性白内障'], ['I10.x00', '特发性（原发性）高血压'], ['I10.x03', '高血压1级'], ['I10.x04', '高血压2级'], ['I10.x05', '高血压3级'],
  ['I11.900', '高血压心脏病不伴有（充血性）心力衰竭'], ['I12.900', '高血压肾脏病不伴有肾衰竭'], ['I20.000', '不稳定型心绞痛'], ['I25.103', '冠状动脉粥样硬化性心脏病'],
  ['I50.900', '心力衰竭'], ['I63.900', '脑梗死'], ['J02.900', '急性咽炎'], ['J06.900', '急性上呼吸道感染'], ['J18.900', '肺炎'], ['J20.900', '急性支气管炎'],
  ['J44.900', '慢性阻塞性肺病'], ['J45.900', '哮喘'], ['K21.900', '胃-食管反流性疾病不伴有食管炎'], ['K29.700', '胃炎'], ['K35.800', '急性阑尾炎，其他未特指'],
  ['K59.000', '便秘'], ['K80.200', '胆囊结石不伴有胆囊炎'], ['L30.900', '皮炎'], ['M17.900', '膝关节病'], ['M81.000', '绝经后骨质疏松'], ['M81.900', '骨质疏松'],
  ['N18.500', '慢性肾脏病5期'], ['N18.900', '慢性肾脏病，未特指'], ['N20.000', '肾结石'], ['N39.000', '泌尿道感染'], ['O80.900', '单胎顺产'], ['R50.900', '发热'],
  ['S72.000', '股骨颈骨折'], ['Z49.100', '体外透析'], ['Z51.000', '放射治疗疗程'], ['Z51.100', '为肿瘤化学治疗疗程'], ['Z94.000', '肾移植状态'], ['Z94.400', '肝移植状态'],
];

/** Built-in ICD-9-CM-3 医保版 2.0 procedures (common codes). */
export const BUILTIN_PROCEDURES: readonly (readonly [string, string])[] = [
  ['00.6600', '经皮冠状动脉腔内血管成形术[PTCA]'], ['13.4100', '白内障晶状体乳化和抽吸'], ['36.0600', '非-药物洗脱冠状动脉支架置入'], ['36.0700', '药物洗脱冠状动脉支架置入'],
  ['39.9500', '血液透析'], ['44.1300', '其他胃镜检查'], ['45.2300', '结肠镜检查'], ['47.0100', '腹腔镜下阑尾切除术'], ['47.0900', '其他阑尾切除术'],
  ['51.2300', '腹腔镜下胆囊切除术'], ['81.5100', '全髋关节置换'], ['81.5400', '全部膝关节置换'], ['86.5900', '其他部位的皮肤和皮下组织闭合术'], ['87.4400', '常规胸部X线'],
  ['88.0100', '腹部计算机轴向断层照相术'], ['88.3800', '其他计算机轴向断层照相术'], ['89.5200', '心电图'], ['92.2400', '光子远距离放射疗法'], ['93.3900', '其他物理治疗'],
  ['99.1800', '注射或输注电解质'], ['99.2500', '注射或输注癌瘤化学治疗药物'],
];

/** 1310 按病种付费病种 (training list). */
export const DRG_DISEASES: readonly (readonly [string, string])[] = [
  ['BZ0001', '急性阑尾炎（腹腔镜阑尾切除术）'], ['BZ0002', '胆囊结石伴慢性胆囊炎（腹腔镜胆囊切除术）'], ['BZ0003', '老年性白内障（超声乳化摘除+人工晶体植入）'],
  ['BZ0004', '腹股沟疝（疝修补术）'], ['BZ0005', '股骨颈骨折（髋关节置换术）'], ['BZ0006', '单胎顺产'], ['BZ0007', '剖宫产'], ['BZ0008', '甲状腺良性肿瘤（甲状腺部分切除术）'],
  ['BZ0009', '乳腺良性肿瘤（肿物切除术）'], ['BZ0010', '肾结石（体外冲击波碎石）'], ['BZ0011', '痔（痔切除术）'], ['BZ0012', '下肢静脉曲张（大隐静脉高位结扎）'],
];

/** 1311 日间手术病种 (training list). */
export const DAY_SURGERIES: readonly (readonly [string, string])[] = [
  ['RJ0001', '白内障超声乳化吸除+人工晶体植入术'], ['RJ0002', '经尿道膀胱肿瘤电切术'], ['RJ0003', '腹腔镜胆囊切除术'], ['RJ0004', '乳腺肿物切除术'],
  ['RJ0005', '内镜下结肠息肉切除术'], ['RJ0006', '腹股沟疝修补术'], ['RJ0007', '输尿管镜碎石取石术'], ['RJ0008', '关节镜下半月板成形术'],
  ['RJ0009', '宫腔镜下子宫内膜息肉切除术'], ['RJ0010', '鼻内镜下鼻窦开放术'],
];

/** 1313 肿瘤形态学 (ICD-O-3 morphology, common codes). */
export const TUMOUR_MORPHOLOGY: readonly (readonly [string, string])[] = [
  ['M8000/0', '良性肿瘤'], ['M8000/1', '肿瘤，良性或恶性未肯定'], ['M8000/3', '恶性肿瘤'], ['M8010/3', '癌'], ['M8070/3', '鳞状细胞癌'],
  ['M8140/0', '腺瘤'], ['M8140/3', '腺癌'], ['M8170/3', '肝细胞癌'], ['M8500/3', '浸润性导管癌'], ['M8720/3', '恶性黑色素瘤'],
  ['M9590/3', '恶性淋巴瘤'], ['M9861/3', '急性髓样白血病'],
];

/** 1314 中医疾病 (training list in the national TCM disease code shape). */
export const TCM_DISEASES: readonly (readonly [string, string])[] = [
  ['A01.01.01', '感冒'], ['A01.03.01', '咳嗽'], ['A02.01.02', '心悸'], ['A02.01.04', '胸痹'], ['A03.06.01', '胃痛'], ['A03.06.06', '泄泻'],
  ['A04.04.01', '头痛'], ['A04.04.02', '眩晕'], ['A04.01.01', '中风'], ['A05.01.01', '消渴'], ['A07.01.01', '痹病'], ['A08.01.01', '腰痛'],
  ['A17.04.01', '不寐'], ['A06.01.01', '水肿'],
];

/** 1315 中医证候 (training list in the national TCM syndrome code shape). */
export const TCM_SYNDROMES: readonly (readonly [string, string])[] = [
  ['B01.01.01', '风寒束表证'], ['B01.01.02', '风热犯表证'], ['B02.01.01', '气虚证'], ['B02.02.01', '血虚证'], ['B02.03.01', '阴虚证'],
  ['B02.04.01', '阳虚证'], ['B03.01.01', '肝阳上亢证'], ['B03.02.01', '肝郁脾虚证'], ['B04.01.01', '痰湿阻肺证'], ['B05.01.01', '心血瘀阻证'],
  ['B06.01.01', '脾胃虚弱证'], ['B07.01.01', '肾阴虚证'], ['B07.02.01', '肾阳虚证'],
];
