// The key that protects patient data at rest (offline queue, settlement records, journal inputs).
//
// One random 256-bit data key per data folder, in a key file readable only by the service user
// (mode 0600). In the desktop shell the key file's content is additionally wrapped by the OS key
// store (Electron safeStorage: DPAPI on Windows, libsecret/kwallet on Linux), passed in as a
// `KeyWrapper`; elsewhere the file permission is the protection. Losing the key file makes the
// protected fields unreadable, so `yikatong doctor` checks it and backups must include it.
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { AppError } from '@src/common/errors';

/** Wraps the data key with an OS key store (Electron safeStorage). */
export interface KeyWrapper {
  /** A short name for logs and doctor: 'electron-safeStorage'. */
  readonly name: string;
  wrap(key: Buffer): Buffer;
  unwrap(wrapped: Buffer): Buffer;
}

interface KeyFile {
  version: 1;
  /** 'plain' (file permission only) or the wrapper's name. */
  protection: string;
  key: string;
}

export interface DataKeyInfo {
  key: Buffer;
  protection: string;
  file: string;
}

/** Loads the data key, creating it on first use. */
export function loadDataKey(file: string, wrapper?: KeyWrapper): DataKeyInfo {
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    const key = randomBytes(32);
    const content: KeyFile = { version: 1, protection: wrapper?.name ?? 'plain', key: (wrapper ? wrapper.wrap(key) : key).toString('base64') };
    writeFileSync(file, JSON.stringify(content), { mode: 0o600, flag: 'wx' });
    return { key, protection: content.protection, file };
  }
  if (process.platform !== 'win32') {
    const mode = statSync(file).mode & 0o777;
    if (mode & 0o077) chmodSync(file, 0o600);
  }
  let content: KeyFile;
  try {
    content = JSON.parse(readFileSync(file, 'utf8')) as KeyFile;
  } catch (e) {
    throw new AppError({ code: 'DATA_KEY_UNREADABLE', message: '数据密钥文件已损坏，无法读取加密的患者数据', hint: `请从备份恢复 ${file}，然后重新启动终端。`, cause: e });
  }
  const raw = Buffer.from(content.key, 'base64');
  if (content.protection === 'plain') return { key: raw, protection: 'plain', file };
  if (!wrapper || wrapper.name !== content.protection) {
    throw new AppError({
      code: 'DATA_KEY_LOCKED',
      message: '数据密钥受系统密钥库保护，当前程序无法解开',
      hint: '请用安装版终端程序（桌面外壳）启动，或以同一系统账号登录后再试。',
    });
  }
  return { key: wrapper.unwrap(raw), protection: content.protection, file };
}
