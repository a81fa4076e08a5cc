// Word lists for generated drug rows (1301 西药/中成药, 1303 制剂, 1304 民族药, 1320 配方颗粒).
// Generic names and ATC groups are real public facts; the companies the generator builds from
// the syllables below are fictional (training data).

/** [generic name, ATC level-4 group, form family] */
export const WESTERN_GENERICS: readonly (readonly [string, string, FormFamily])[] = [
  ['阿莫西林', 'J01CA', 'oral'], ['头孢呋辛酯', 'J01DC', 'oral'], ['头孢克肟', 'J01DD', 'oral'], ['左氧氟沙星', 'J01MA', 'oral'],
  ['阿奇霉素', 'J01FA', 'oral'], ['克拉霉素', 'J01FA', 'oral'], ['甲硝唑', 'P01AB', 'oral'], ['头孢曲松钠', 'J01DD', 'injection'],
  ['注射用青霉素钠', 'J01CE', 'injection'], ['哌拉西林他唑巴坦', 'J01CR', 'injection'], ['万古霉素', 'J01XA', 'injection'], ['氟康唑', 'J02AC', 'oral'],
  ['奥司他韦', 'J05AH', 'oral'], ['阿昔洛韦', 'J05AB', 'oral'], ['恩替卡韦', 'J05AF', 'oral'], ['替诺福韦', 'J05AF', 'oral'],
  ['硝苯地平', 'C08CA', 'oral'], ['氨氯地平', 'C08CA', 'oral'], ['厄贝沙坦', 'C09CA', 'oral'], ['缬沙坦', 'C09CA', 'oral'],
  ['氯沙坦钾', 'C09CA', 'oral'], ['依那普利', 'C09AA', 'oral'], ['贝那普利', 'C09AA', 'oral'], ['美托洛尔', 'C07AB', 'oral'],
  ['比索洛尔', 'C07AB', 'oral'], ['氢氯噻嗪', 'C03AA', 'oral'], ['螺内酯', 'C03DA', 'oral'], ['呋塞米', 'C03CA', 'oral'],
  ['阿托伐他汀钙', 'C10AA', 'oral'], ['瑞舒伐他汀钙', 'C10AA', 'oral'], ['辛伐他汀', 'C10AA', 'oral'], ['阿司匹林', 'B01AC', 'oral'],
  ['氯吡格雷', 'B01AC', 'oral'], ['华法林钠', 'B01AA', 'oral'], ['利伐沙班', 'B01AF', 'oral'], ['低分子肝素钙', 'B01AB', 'injection'],
  ['二甲双胍', 'A10BA', 'oral'], ['格列美脲', 'A10BB', 'oral'], ['格列齐特', 'A10BB', 'oral'], ['阿卡波糖', 'A10BF', 'oral'],
  ['西格列汀', 'A10BH', 'oral'], ['达格列净', 'A10BK', 'oral'], ['门冬胰岛素', 'A10AB', 'injection'], ['甘精胰岛素', 'A10AE', 'injection'],
  ['奥美拉唑', 'A02BC', 'oral'], ['泮托拉唑', 'A02BC', 'oral'], ['雷贝拉唑钠', 'A02BC', 'oral'], ['铝碳酸镁', 'A02AD', 'oral'],
  ['莫沙必利', 'A03FA', 'oral'], ['多潘立酮', 'A03FA', 'oral'], ['蒙脱石', 'A07BC', 'oral'], ['乳果糖', 'A06AD', 'oral'],
  ['布洛芬', 'M01AE', 'oral'], ['双氯芬酸钠', 'M01AB', 'oral'], ['塞来昔布', 'M01AH', 'oral'], ['对乙酰氨基酚', 'N02BE', 'oral'],
  ['曲马多', 'N02AX', 'oral'], ['氨溴索', 'R05CB', 'oral'], ['孟鲁司特钠', 'R03DC', 'oral'], ['沙丁胺醇', 'R03AC', 'inhalation'],
  ['布地奈德', 'R03BA', 'inhalation'], ['氯雷他定', 'R06AX', 'oral'], ['西替利嗪', 'R06AE', 'oral'], ['地塞米松磷酸钠', 'H02AB', 'injection'],
  ['泼尼松', 'H02AB', 'oral'], ['左甲状腺素钠', 'H03AA', 'oral'], ['甲巯咪唑', 'H03BB', 'oral'], ['阿仑膦酸钠', 'M05BA', 'oral'],
  ['碳酸钙D3', 'A12AX', 'oral'], ['骨化三醇', 'A11CC', 'oral'], ['叶酸', 'B03BB', 'oral'], ['琥珀酸亚铁', 'B03AA', 'oral'],
  ['艾司唑仑', 'N05CD', 'oral'], ['阿普唑仑', 'N05BA', 'oral'], ['舍曲林', 'N06AB', 'oral'], ['帕罗西汀', 'N06AB', 'oral'],
  ['奥氮平', 'N05AH', 'oral'], ['丙戊酸钠', 'N03AG', 'oral'], ['左乙拉西坦', 'N03AX', 'oral'], ['多奈哌齐', 'N06DA', 'oral'],
  ['他克莫司', 'L04AD', 'oral'], ['吗替麦考酚酯', 'L04AA', 'oral'], ['环孢素', 'L04AD', 'oral'], ['卡培他滨', 'L01BC', 'oral'],
  ['奥沙利铂', 'L01XA', 'injection'], ['紫杉醇', 'L01CD', 'injection'], ['吉西他滨', 'L01BC', 'injection'], ['来曲唑', 'L02BG', 'oral'],
  ['重组人促红素', 'B03XA', 'injection'], ['蔗糖铁', 'B03AC', 'injection'], ['氯化钠', 'B05XA', 'infusion'], ['葡萄糖', 'B05BA', 'infusion'],
  ['复方氯化钠', 'B05BB', 'infusion'], ['甘露醇', 'B05BC', 'infusion'], ['人血白蛋白', 'B05AA', 'infusion'], ['维生素C', 'A11GA', 'injection'],
  ['利多卡因', 'N01BB', 'injection'], ['丙泊酚', 'N01AX', 'injection'], ['硝酸甘油', 'C01DA', 'oral'], ['单硝酸异山梨酯', 'C01DA', 'oral'],
  ['红霉素', 'D06AX', 'topical'], ['莫匹罗星', 'D06AX', 'topical'], ['糠酸莫米松', 'D07AC', 'topical'], ['左氧氟沙星滴眼', 'S01AE', 'eye'],
];

/** [name, national group (中成药 classification letter + digits), form family] */
export const PATENT_MEDICINES: readonly (readonly [string, string, FormFamily])[] = [
  ['复方丹参', 'ZA12B', 'pill'], ['速效救心', 'ZA12B', 'pill'], ['麝香保心', 'ZA12B', 'pill'], ['血塞通', 'ZA12C', 'oral'],
  ['银杏叶', 'ZA12C', 'oral'], ['脑心通', 'ZA12C', 'oral'], ['通心络', 'ZA12C', 'oral'], ['稳心', 'ZA12E', 'granule'],
  ['连花清瘟', 'ZA01B', 'oral'], ['感冒清热', 'ZA01A', 'granule'], ['板蓝根', 'ZA01B', 'granule'], ['双黄连', 'ZA01B', 'oral'],
  ['蒲地蓝消炎', 'ZA01B', 'oral'], ['清开灵', 'ZA01B', 'oral'], ['急支糖浆', 'ZA04B', 'syrup'], ['川贝枇杷', 'ZA04B', 'syrup'],
  ['蛇胆川贝', 'ZA04B', 'oral'], ['六味地黄', 'ZA09F', 'pill'], ['金匮肾气', 'ZA09E', 'pill'], ['补中益气', 'ZA09A', 'pill'],
  ['逍遥', 'ZA05A', 'pill'], ['香砂养胃', 'ZA06A', 'pill'], ['保和', 'ZA08A', 'pill'], ['藿香正气', 'ZA02A', 'oral'],
  ['牛黄解毒', 'ZA01C', 'oral'], ['黄连上清', 'ZA01C', 'oral'], ['云南白药', 'ZA13A', 'oral'], ['活血止痛', 'ZA13A', 'oral'],
  ['颈复康', 'ZA13B', 'granule'], ['仙灵骨葆', 'ZA13C', 'oral'], ['消渴', 'ZA10A', 'pill'], ['津力达', 'ZA10A', 'granule'],
  ['百令', 'ZA09G', 'oral'], ['金水宝', 'ZA09G', 'oral'], ['前列康', 'ZA11A', 'oral'], ['妇科千金', 'ZA14A', 'oral'],
  ['乌鸡白凤', 'ZA14B', 'pill'], ['小儿豉翘清热', 'ZA15A', 'granule'], ['小儿肺热咳喘', 'ZA15A', 'oral'], ['马应龙麝香痔疮', 'ZA16A', 'topical'],
];

export type FormFamily = 'oral' | 'injection' | 'infusion' | 'inhalation' | 'topical' | 'eye' | 'pill' | 'granule' | 'syrup';

export interface DosageForm {
  /** 剂型 */
  form: string;
  /** Appended to the generic name: 阿莫西林 + 胶囊. */
  suffix: string;
  /** 规格 choices. */
  specs: readonly string[];
  /** 最小包装 choices. */
  packs: readonly string[];
  /** 最小计价单位 */
  unit: string;
  /** One-letter form code used in the national code. */
  code: string;
}

export const FORMS: Readonly<Record<FormFamily, readonly DosageForm[]>> = {
  oral: [
    { form: '片剂', suffix: '片', specs: ['5mg', '10mg', '20mg', '25mg', '50mg', '0.1g', '0.25g', '0.5g'], packs: ['7片/盒', '14片/盒', '24片/盒', '28片/盒', '30片/瓶'], unit: '片', code: 'A' },
    { form: '胶囊剂', suffix: '胶囊', specs: ['0.125g', '0.25g', '0.5g', '10mg', '20mg'], packs: ['12粒/盒', '24粒/盒', '36粒/盒'], unit: '粒', code: 'B' },
    { form: '缓释片', suffix: '缓释片', specs: ['30mg', '47.5mg', '0.5g'], packs: ['7片/盒', '14片/盒', '30片/盒'], unit: '片', code: 'C' },
    { form: '颗粒剂', suffix: '颗粒', specs: ['0.125g', '0.25g', '1g'], packs: ['6袋/盒', '10袋/盒', '12袋/盒'], unit: '袋', code: 'D' },
  ],
  injection: [
    { form: '注射剂', suffix: '注射液', specs: ['1ml:5mg', '2ml:10mg', '2ml:0.1g', '5ml:0.25g'], packs: ['5支/盒', '10支/盒'], unit: '支', code: 'E' },
    { form: '注射用无菌粉末', suffix: '（粉针）', specs: ['0.5g', '1.0g', '2.0g', '0.25g'], packs: ['1瓶/盒', '10瓶/盒'], unit: '瓶', code: 'F' },
  ],
  infusion: [{ form: '大容量注射剂', suffix: '注射液', specs: ['100ml:0.9g', '250ml:2.25g', '500ml:4.5g', '250ml:12.5g'], packs: ['1袋', '1瓶'], unit: '袋', code: 'G' }],
  inhalation: [{ form: '吸入剂', suffix: '吸入气雾剂', specs: ['100μg×200揿', '200μg×100揿'], packs: ['1瓶/盒'], unit: '瓶', code: 'H' }],
  topical: [{ form: '软膏剂', suffix: '软膏', specs: ['10g:0.1g', '15g', '20g'], packs: ['1支/盒'], unit: '支', code: 'J' }],
  eye: [{ form: '滴眼剂', suffix: '液', specs: ['5ml:15mg', '8ml:24mg'], packs: ['1瓶/盒'], unit: '瓶', code: 'K' }],
  pill: [
    { form: '滴丸剂', suffix: '滴丸', specs: ['27mg', '40mg', '每丸重25mg'], packs: ['180丸/瓶', '60丸/瓶'], unit: '丸', code: 'L' },
    { form: '丸剂', suffix: '丸', specs: ['每8丸相当于原药材3g', '每丸重9g'], packs: ['200丸/瓶', '10丸/盒'], unit: '丸', code: 'M' },
  ],
  granule: [{ form: '颗粒剂', suffix: '颗粒', specs: ['每袋装5g', '每袋装10g', '每袋装3g'], packs: ['9袋/盒', '10袋/盒', '20袋/盒'], unit: '袋', code: 'D' }],
  syrup: [{ form: '糖浆剂', suffix: '糖浆', specs: ['100ml', '150ml', '200ml'], packs: ['1瓶/盒'], unit: '瓶', code: 'N' }],
};

/** Provinces/cities of the fictional manufacturers. */
export const MAKER_PLACES = ['上海', '北京', '江苏', '浙江', '广东', '山东', '四川', '湖北', '河北', '吉林', '天津', '重庆', '安徽', '云南', '江西', '辽宁', '陕西', '福建'] as const;
/** Two syllables make a fictional brand: 康瑞, 华源, … */
export const MAKER_SYLLABLES = ['康', '华', '瑞', '泰', '源', '信', '达', '联', '海', '正', '恒', '健', '民', '仁', '和', '济', '益', '安', '德', '新', '盛', '宁', '通', '元'] as const;
export const DRUG_MAKER_SUFFIXES = ['制药有限公司', '药业股份有限公司', '药业有限公司', '制药厂', '医药集团有限公司'] as const;
export const DEVICE_MAKER_SUFFIXES = ['医疗器械有限公司', '医疗用品有限公司', '生物科技股份有限公司', '医用材料有限公司'] as const;

/** Chinese herbal slices (中药饮片): the herb and how it is processed. */
export const HERBS = [
  '黄芪', '当归', '党参', '白术', '茯苓', '甘草', '川芎', '白芍', '熟地黄', '生地黄', '丹参', '红花', '桃仁', '柴胡', '黄芩', '黄连',
  '金银花', '连翘', '板蓝根', '菊花', '枸杞子', '山药', '山茱萸', '牡丹皮', '泽泻', '陈皮', '半夏', '厚朴', '枳壳', '木香', '砂仁', '薏苡仁',
  '麦冬', '天冬', '五味子', '酸枣仁', '远志', '石菖蒲', '天麻', '钩藤', '杜仲', '牛膝', '续断', '桑寄生', '独活', '羌活', '防风', '荆芥',
  '葛根', '升麻', '桔梗', '杏仁', '紫苏叶', '薄荷', '蒲公英', '鱼腥草', '夏枯草', '决明子', '三七', '川贝母', '浙贝母', '太子参', '西洋参', '人参',
  '鸡内金', '山楂', '神曲', '麦芽', '女贞子', '墨旱莲', '何首乌', '黄精', '玉竹', '百合', '知母', '玄参', '赤芍', '郁金', '延胡索', '益母草',
] as const;
export const HERB_PROCESSING = ['', '炙', '炒', '酒', '醋', '麸炒', '盐', '蜜炙', '姜', '焦'] as const;
export const HERB_SPECS = ['净制', '切片', '切段', '粉碎', '10g/袋', '500g/袋', '1kg/袋'] as const;

/** Hospital preparations (医疗机构制剂). */
export const PREPARATIONS = [
  '复方薄荷脑软膏', '复方樟脑乳膏', '止咳合剂', '清热解毒合剂', '健脾消食口服液', '活血通络胶囊', '养阴清肺糖浆', '硼酸洗液',
  '复方甘草合剂', '氧化锌软膏', '维生素E乳膏', '尿素乳膏', '炉甘石洗剂', '复方黄连素片', '益气养血颗粒', '祛湿止痒洗剂',
  '补肾壮骨胶囊', '清咽利喉含片', '通便合剂', '消肿止痛酊',
] as const;

/** Ethnic medicines (民族药). */
export const ETHNIC_MEDICINES = [
  '如意珍宝丸', '二十五味珍珠丸', '十味龙胆花颗粒', '七十味珍珠丸', '仁青芒觉', '洁白丸', '扎冲十三味丸', '珍宝丸',
  '复方木尼孜其颗粒', '益心巴迪然吉布亚颗粒', '寒喘祖帕颗粒', '苗药金骨莲胶囊', '彝药肿痛气雾剂', '傣药雅解片', '蒙药那如三味丸', '壮药三七伤药片',
] as const;

/** Restricted-use descriptions (限制使用范围) for 乙类 items. */
export const RESTRICTIONS = [
  '限二级及以上医疗机构使用',
  '限门诊慢特病使用',
  '限有明确病原学诊断的重症感染',
  '限儿童',
  '限住院使用',
  '限工伤保险',
  '限恶性肿瘤放化疗患者',
  '限器官移植术后抗排异治疗',
] as const;
