// Chinese names of configuration fields, for validation messages and the settings screen.
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
};

export function labelOf(path: string): string {
  return CONFIG_LABELS[path] ?? path;
}
