// A transport failure in words a cashier or IT staff member understands (Chinese), for the status
// bar's tooltip and `yikatong doctor`. The system error code decides; the English text stays in logs.
import { TransportFailure } from './http-transport';

const BY_ERRNO: Record<string, string> = {
  ECONNREFUSED: '连接被拒绝（对方未在该端口提供服务）',
  ECONNRESET: '连接被对方重置',
  ENOTFOUND: '域名无法解析',
  EAI_AGAIN: '域名解析暂时失败',
  EHOSTUNREACH: '主机不可达',
  ENETUNREACH: '网络不可达',
  EADDRNOTAVAIL: '地址不可用（请核对中心地址和端口）',
  ETIMEDOUT: '连接超时',
  CERT_HAS_EXPIRED: '服务器证书已过期',
  DEPTH_ZERO_SELF_SIGNED_CERT: '服务器证书不受信任（自签名）',
  SELF_SIGNED_CERT_IN_CHAIN: '服务器证书不受信任（自签名）',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: '服务器证书无法验证',
  ERR_TLS_CERT_ALTNAME_INVALID: '服务器证书与域名不符',
};

export function describeTransportProblem(e: unknown): string {
  if (e instanceof TransportFailure) {
    if (e.errno && BY_ERRNO[e.errno]) return BY_ERRNO[e.errno]!;
    switch (e.kind) {
      case 'not_sent':
        return e.phase === 'connect' && /within|ms/.test(e.message) ? '连接超时' : '无法建立连接';
      case 'timeout':
        return '等待答复超时';
      case 'connection_lost':
        return '连接中断';
      case 'too_large':
        return '答复过大';
    }
  }
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return (code && BY_ERRNO[code]) || '无法建立连接';
}
