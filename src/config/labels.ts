// Chinese names of configuration fields, for validation messages and the settings screen.
//
// Paths are dotted zod issue paths. Inside an array an index stands where the key has '*'
// ('devices.readers.*.id'), and labelOf names the element by its position the way IT staff count:
// 'devices.readers.0.id' → '第1个设备的设备编号'.
export const CONFIG_LABELS: Record<string, string> = {
  'institution.code': '定点医药机构编号',
  'institution.name': '定点医药机构名称',
  'institution.kind': '机构类型',
  'institution.level': '医院等级',
  mdtrtareaAdmvs: '就医地医保区划',
  'hub.url': '中心地址',
  'hub.recerSysCode': '接收方系统代码',
  'hub.infver': '接口版本号',
  'hub.signtype': '签名类型',
  'hub.cainfo': '数字签名信息',
  'hub.gateway.scheme': '网关认证方式',
  'hub.gateway.paasId': '网关 paasid',
  'hub.gateway.paasToken': '网关 paas token',
  'hub.gateway.apiName': '网关接口名称（api name）',
  'hub.gateway.apiVersion': '网关接口版本（api version）',
  'hub.gateway.accessKey': '网关 access key',
  'hub.gateway.secretKey': '网关 secret key',
  'hub.ecUrl': '电子凭证查询地址',
  'timeouts.settlementBudgetMs': '结算总时限（毫秒）',
  'timeouts.callTimeoutMs': '单次调用超时（毫秒）',
  'timeouts.probeIntervalMs': '联网探测间隔（毫秒）',
  'terminal.terminalId': '终端编号',
  'terminal.devNo': '设备编号',
  'terminal.mac': '终端MAC地址',
  'terminal.ip': '终端IP地址',
  'terminal.msgidSlot': '报文号终端位',
  'security.idleLockMinutes': '空闲锁屏（分钟）',
  'security.maxFailedLogins': '连续登录失败锁定次数',
  'security.lockoutMinutes': '锁定时长（分钟）',
  'ui.locale': '界面语言',
  'printing.printer': '票据打印机',
  'printing.paper': '票据纸张（58mm/80mm/A5）',
  'printing.copies': '票据打印份数',
  // src/contract/devices-config.ts
  'devices.pollMs': '设备检测间隔（毫秒）',
  'devices.readers': '设备列表',
  'devices.readers.*.driver': '设备类型',
  'devices.readers.*.id': '设备编号',
  'devices.readers.*.label': '设备名称',
  'devices.readers.*.enabled': '是否启用',
  'devices.readers.*.serial': '串口位置',
  'devices.readers.*.serial.path': '串口路径',
  'devices.readers.*.serial.vendorId': 'USB 厂商编号（vendorId）',
  'devices.readers.*.serial.productId': 'USB 产品编号（productId）',
  'devices.readers.*.serial.serialNumber': 'USB 序列号',
  'devices.readers.*.hid': 'HID 设备位置',
  'devices.readers.*.hid.path': 'HID 设备路径',
  'devices.readers.*.hid.vendorId': 'USB 厂商编号（vendorId）',
  'devices.readers.*.hid.productId': 'USB 产品编号（productId）',
  'devices.readers.*.hid.serialNumber': 'USB 序列号',
  'devices.readers.*.hid.usagePage': 'HID 用途页（usagePage）',
  'devices.readers.*.baudRate': '波特率',
  'devices.readers.*.fingerprint': '读取指纹',
  'devices.readers.*.pollMs': '寻卡间隔（毫秒）',
  'devices.readers.*.suffix': '扫码后缀',
  'devices.readers.*.encoding': '扫码字符编码',
  'devices.readers.*.enableHidPos': '连接时切换到 HID-POS 模式',
  'devices.readers.*.transport': '社保卡读卡器连接方式',
  'devices.readers.*.options': '社保卡读卡器选项',
  'devices.wedge': '键盘式扫码枪识别',
  'devices.wedge.enabled': '识别键盘式扫码枪',
  'devices.wedge.minLength': '扫码最短长度',
  'devices.wedge.maxGapMs': '扫码最大按键间隔（毫秒）',
  'devices.wedge.maxMedianGapMs': '扫码按键间隔中位数上限（毫秒）',
  'devices.wedge.terminators': '扫码结束键',
  'devices.wedge.allowUnterminated': '允许无结束键的扫码',
  'devices.eVoucherPattern': '电子凭证格式（正则表达式）',
  'devices.ecBusinessType': '电子凭证业务类型',
};

/** What one element of an array field is called ('第1个设备'); '项' when not listed. */
const ELEMENT_NAMES: Record<string, string> = {
  'devices.readers': '设备',
  'devices.wedge.terminators': '结束键',
};

const INDEX = /^\d+$/;

export function labelOf(path: string): string {
  const exact = CONFIG_LABELS[path];
  if (exact !== undefined) return exact;
  const segments = path.split('.');
  const pattern = segments.map((s) => (INDEX.test(s) ? '*' : s));
  const parts: string[] = [];
  let rest = 0; // first segment not yet named
  segments.forEach((s, i) => {
    if (!INDEX.test(s)) return;
    const arrayKey = pattern.slice(0, i).join('.');
    const n = Number(s) + 1;
    const element = ELEMENT_NAMES[arrayKey];
    parts.push(element ? `第${n}个${element}` : `${CONFIG_LABELS[arrayKey] ?? segments.slice(rest, i).join('.')}第${n}项`);
    rest = i + 1;
  });
  if (parts.length === 0) return path;
  if (rest < segments.length) {
    // The element's field by its '*' key; the raw rest when it has no name, so nothing is hidden.
    parts.push(CONFIG_LABELS[pattern.join('.')] ?? segments.slice(rest).join('.'));
  }
  return parts.join('的');
}
