// The national card-reading library hospitals install (HeaSecReadInfo: HeaSecReadInfo.dll on
// Windows, libHeaSecReadInfo.so on Linux), loaded through koffi when present.
//
//   int Init(char *pInitInfoJSON, char *pErrMsg)
//   int ReadCardBas(char *pCardInfo, char *pBusiCardInfo)
//   int ReadSFZ(char *pPhotoPath, char *pOutInfo, char *pBusiInfo)
//
// Calls run on koffi's worker threads (`.async`), one at a time (the library is not known to be
// re-entrant), with a timeout so a hung library cannot freeze the counter. Output buffers are NUL-
// terminated text in GBK (Windows builds) or UTF-8; `encoding: 'auto'` takes UTF-8 when the bytes
// are valid UTF-8 and GBK otherwise (docs/sscard.md).
import { existsSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import koffi, { type LibraryHandle } from 'koffi';
import { AppError } from '@src/common/errors';
import { logger } from '@src/platform/logger';
import { nationalReturnCodeError } from '@native/sscard/national-return-codes';
import { readerTimeout } from '../reader-errors';

const log = logger('heasec');

/** Output buffers: the 11 fields fit in well under 1 KiB; vendors' business info can be larger. */
const OUT_BUFFER = 8192;

export type LibraryEncoding = 'auto' | 'gbk' | 'utf8';

export interface HeaSecOptions {
  /** Full path, or a bare file name for the OS search path. Default: see defaultLibraryCandidates. */
  path?: string;
  /** What Init receives (IP, PORT, TIMEOUT, LOG_PATH, EC_URL, CARD_PASSTYPE, …, AREA_CODE). */
  init?: Record<string, unknown>;
  encoding?: LibraryEncoding;
  /** 32-bit Windows DLLs: stdcall (WINAPI) unless the vendor says cdecl. Ignored on 64-bit. */
  callingConvention?: 'stdcall' | 'cdecl';
  /** Per call (default 20 s: the library may wait for the card or the network). */
  timeoutMs?: number;
}

/** Where the library is looked for when no path is configured. */
export function defaultLibraryCandidates(platform = process.platform, appDir = path.dirname(process.execPath)): string[] {
  if (platform === 'win32') return [path.join(appDir, 'HeaSecReadInfo.dll'), 'C:\\HeaSecReadInfo\\HeaSecReadInfo.dll', 'HeaSecReadInfo.dll'];
  return [path.join(appDir, 'libHeaSecReadInfo.so'), '/usr/local/lib/libHeaSecReadInfo.so', '/usr/lib/libHeaSecReadInfo.so', '/opt/HeaSecReadInfo/libHeaSecReadInfo.so'];
}

export function libraryMissing(tried: string[]): AppError {
  return new AppError({
    code: 'SSCARD_LIBRARY_MISSING',
    message: '未找到医保读卡组件（HeaSecReadInfo）',
    hint: '请信息科安装当地医保部门提供的读卡组件，或在"设置 → 设备"中填写其路径；也可改用 PC/SC 或串口读卡器直接读卡。',
    detail: `tried: ${tried.join(', ')}`,
    data: { returnCode: -5 },
  });
}

type AsyncFn = ReturnType<LibraryHandle['func']>;

export function decodeLibraryText(buffer: Uint8Array, encoding: LibraryEncoding): string {
  const end = buffer.indexOf(0);
  const bytes = buffer.subarray(0, end < 0 ? buffer.length : end);
  if (encoding === 'gbk') return iconv.decode(Buffer.from(bytes), 'gbk');
  if (encoding === 'utf8') return new TextDecoder('utf-8').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return iconv.decode(Buffer.from(bytes), 'gbk');
  }
}

function encodeLibraryText(text: string, encoding: LibraryEncoding): Buffer {
  const body = encoding === 'gbk' || (encoding === 'auto' && process.platform === 'win32') ? iconv.encode(text, 'gbk') : Buffer.from(text, 'utf8');
  return Buffer.concat([body, Buffer.alloc(1)]);
}

export class HeaSecLibrary {
  private readonly lib: LibraryHandle;
  private readonly fns: { Init: AsyncFn; ReadCardBas: AsyncFn; ReadSFZ: AsyncFn | null };
  private readonly encoding: LibraryEncoding;
  private readonly timeoutMs: number;
  private queue: Promise<unknown> = Promise.resolve();
  private initialised = false;

  private constructor(
    readonly path: string,
    lib: LibraryHandle,
    private readonly options: HeaSecOptions,
  ) {
    this.lib = lib;
    this.encoding = options.encoding ?? 'auto';
    this.timeoutMs = options.timeoutMs ?? 20_000;
    const cc = options.callingConvention === 'cdecl' ? '' : '__stdcall ';
    const bind = (proto: string): AsyncFn => lib.func(proto.replace('int ', `int ${cc}`));
    this.fns = {
      Init: bind('int Init(uint8_t *pInitInfo, _Inout_ uint8_t *pErrMsg)'),
      ReadCardBas: bind('int ReadCardBas(_Inout_ uint8_t *pCardInfo, _Inout_ uint8_t *pBusiCardInfo)'),
      // Older builds lack ReadSFZ; the social security card path does not need it.
      ReadSFZ: optional(() => bind('int ReadSFZ(uint8_t *pPath, _Inout_ uint8_t *pOutInfo, _Inout_ uint8_t *pBusiInfo)')),
    };
  }

  /** Loads the library from the configured path or the default places; null with the reason when absent. */
  static tryLoad(options: HeaSecOptions = {}): { library: HeaSecLibrary } | { missing: AppError } {
    const candidates = options.path ? [options.path] : defaultLibraryCandidates();
    const tried: string[] = [];
    for (const candidate of candidates) {
      // A bare name goes to the OS loader (PATH / ld.so); a path must exist.
      if (path.isAbsolute(candidate) && !existsSync(candidate)) {
        tried.push(candidate);
        continue;
      }
      try {
        const lib = koffi.load(candidate);
        log.info({ path: candidate }, 'HeaSecReadInfo loaded');
        return { library: new HeaSecLibrary(candidate, lib, options) };
      } catch (e) {
        tried.push(`${candidate} (${e instanceof Error ? e.message.slice(0, 120) : String(e)})`);
      }
    }
    return { missing: libraryMissing(tried) };
  }

  /** Init once (the JSON from options.init); a failure keeps the library unusable with the library's message. */
  async init(): Promise<void> {
    if (this.initialised) return;
    const input = encodeLibraryText(JSON.stringify(this.options.init ?? {}), this.encoding);
    const err = Buffer.alloc(OUT_BUFFER);
    const rc = await this.call('Init', this.fns.Init, [input, err]);
    if (rc !== 0) {
      const message = decodeLibraryText(err, this.encoding);
      throw new AppError({
        code: 'SSCARD_LIBRARY_INIT',
        message: `医保读卡组件初始化失败${message ? `：${message.slice(0, 80)}` : ''}`,
        hint: '请信息科核对读卡组件的初始化参数（地址、端口、区划等）。',
        detail: `Init returned ${rc}`,
        data: { returnCode: rc },
      });
    }
    this.initialised = true;
  }

  /** ReadCardBas: the raw text of the card-info buffer (parse with parseCardBasOutput). */
  async readCardBas(): Promise<string> {
    await this.init();
    const card = Buffer.alloc(OUT_BUFFER);
    const busi = Buffer.alloc(OUT_BUFFER);
    const rc = await this.call('ReadCardBas', this.fns.ReadCardBas, [card, busi]);
    const text = decodeLibraryText(card, this.encoding);
    if (rc !== 0) throw nationalReturnCodeError(rc, text, 'ReadCardBas');
    return text;
  }

  /** ReadSFZ: the raw text of the ID-card buffer (parse with parseSfzOutput). */
  async readSfz(photoPath = ''): Promise<string> {
    const fn = this.fns.ReadSFZ;
    if (!fn) throw nationalReturnCodeError(-13, '', 'ReadSFZ');
    await this.init();
    const out = Buffer.alloc(OUT_BUFFER);
    const busi = Buffer.alloc(OUT_BUFFER);
    const rc = await this.call('ReadSFZ', fn, [encodeLibraryText(photoPath, this.encoding), out, busi]);
    const text = decodeLibraryText(out, this.encoding);
    if (rc !== 0) throw nationalReturnCodeError(rc, text, 'ReadSFZ');
    return text;
  }

  /** Waits for calls in flight, then unloads. */
  async close(): Promise<void> {
    await this.queue.catch(() => undefined);
    this.lib.unload();
  }

  /**
   * One library call at a time. The native call cannot be cancelled: on timeout the counter gets
   * its answer at once, but the next call still waits until this one has returned.
   */
  private call(name: string, fn: AsyncFn, args: unknown[]): Promise<number> {
    let release!: () => void;
    const returned = new Promise<void>((r) => (release = r));
    const answer = this.queue.then(
      () =>
        new Promise<number>((resolve, reject) => {
          let settled = false;
          const timer = setTimeout(() => {
            if (settled) return;
            settled = true;
            reject(readerTimeout('HeaSecReadInfo', `${name} took longer than ${this.timeoutMs} ms`));
          }, this.timeoutMs);
          const callback = (err: unknown, rc: number): void => {
            release();
            clearTimeout(timer);
            if (settled) return void log.warn({ fn: name, rc }, 'library call returned after its timeout');
            settled = true;
            if (err) reject(new AppError({ code: 'SSCARD_LIBRARY_ERROR', message: '医保读卡组件调用失败', hint: '请重新读卡；仍失败请联系信息科。', detail: `${name}: ${String(err)}`, cause: err }));
            else resolve(rc);
          };
          try {
            fn.async(...args, callback);
          } catch (e) {
            callback(e, -1);
          }
        }),
    );
    this.queue = this.queue.then(() => returned);
    return answer;
  }
}

function optional<T>(fn: () => T): T | null {
  try {
    return fn();
  } catch {
    return null;
  }
}
