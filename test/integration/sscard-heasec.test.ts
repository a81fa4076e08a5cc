// The koffi driver for the national card-reading library, against a small C library compiled
// here with gcc that implements HeaSecReadInfo's signatures (Init, ReadCardBas, ReadSFZ) and plays
// scenarios chosen through the Init JSON. Without gcc the tests print why and skip.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DevicesConfigSchema } from '@src/contract/devices-config';
import type { Medium } from '@src/contract/methods/devices';
import { DeviceService } from '@src/devices/device-service';
import { registerSscardDriver } from '@src/devices/sscard/sscard-driver';
import { waitUntil } from '@native/transport/wait-until';
import { HeaSecLibrary } from '@native/readers/heasec/heasec-library';
import { parseSfzOutput } from '@native/readers/heasec/heasec-output';
import { HeaSecSscardSource } from '@native/readers/heasec/heasec-sscard-source';

const gcc = spawnSync('gcc', ['--version'], { stdio: 'ignore' });
const skipReason = process.platform !== 'linux' ? 'the fake library is built as a Linux .so' : gcc.status !== 0 ? 'gcc is not installed (apt-get install gcc)' : null;
if (skipReason) console.warn(`[sscard-heasec] SKIPPED: ${skipReason}`);

// GBK bytes: 张伟 = D5C5 CEB0, 无卡 = CEDE BFA8, 初始化失败 = B3F5 CABC BBAF CAA7 B0DC, 男 = C4D0, 汉 = BABA.
const SOURCE = String.raw`
#include <string.h>
#include <unistd.h>
static char scenario[64] = "";
int Init(char *json, char *err) {
  const char *p = strstr(json, "\"SCENARIO\":\"");
  scenario[0] = 0;
  if (p) { size_t i = 0; p += 12; while (p[i] && p[i] != '"' && i < 63) { scenario[i] = p[i]; i++; } scenario[i] = 0; }
  if (!strcmp(scenario, "badinit")) { strcpy(err, "\xB3\xF5\xCA\xBC\xBB\xAF\xCA\xA7\xB0\xDC"); return -1; }
  return 0;
}
int ReadCardBas(char *out, char *busi) {
  if (!strcmp(scenario, "nocard")) { strcpy(out, "\xCE\xDE\xBF\xA8"); return -2; }
  if (!strcmp(scenario, "nopsam")) { strcpy(out, "411600|||411600D156000005C38275EEFC9B9648||008C544CB386844116018593CA|3.00|20211203|20311202|||"); return 0; }
  if (!strcmp(scenario, "filenotfound")) { out[0] = 0; return -27266; }
  if (!strcmp(scenario, "slow")) sleep(1);
  if (!strcmp(scenario, "utf8")) {
    strcpy(out, "320500|320501197203150018|E32050001|320500D1560000050A1B2C3D4E5F6071|\xE5\xBC\xA0\xE4\xBC\x9F|0081|3.00|20210601|20310601|000000000001|DEV01|");
  } else {
    strcpy(out, "320500|320501197203150018|E32050001|320500D1560000050A1B2C3D4E5F6071|\xD5\xC5\xCE\xB0|0081|3.00|20210601|20310601|000000000001|DEV01|");
  }
  strcpy(busi, "{}");
  return 0;
}
int ReadSFZ(char *photo, char *out, char *busi) {
  strcpy(out, "\xD5\xC5\xCE\xB0|\xC4\xD0|\xBA\xBA|19720315|ADDR|320501197203150018|20120510|20320510|AUTH|");
  busi[0] = 0;
  return 0;
}
`;

let dir = '';
let libPath = '';
let copies = 0;

/** A fresh copy per test: dlopen of another path gives the library fresh static state. */
function freshLibrary(): string {
  const p = path.join(dir, `libHeaSecReadInfo-${copies++}.so`);
  copyFileSync(libPath, p);
  return p;
}

describe.skipIf(skipReason !== null)('HeaSecReadInfo through koffi', () => {
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'ykt-heasec-'));
    writeFileSync(path.join(dir, 'heasec.c'), SOURCE);
    libPath = path.join(dir, 'libHeaSecReadInfo.so');
    const cc = spawnSync('gcc', ['-shared', '-fPIC', '-O1', '-o', libPath, path.join(dir, 'heasec.c')], { encoding: 'utf8' });
    if (cc.status !== 0) throw new Error(`gcc failed: ${cc.stderr}`);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the card and parses the 11 fields, the GBK name decoded', async () => {
    const source = new HeaSecSscardSource({ path: freshLibrary() });
    const read = await source.read();
    await source.close();
    expect(read.card).toMatchObject({ name: '张伟', ssn: '320501197203150018', cardNumber: 'E32050001', cardIdCode: '320500D1560000050A1B2C3D4E5F6071', specVersion: '3.00', issueDate: '2021-06-01', gender: '1', birthDate: '1972-03-15', nation: null });
    expect(read).toMatchObject({ driver: 'heasec', authentication: 'library', terminalNumber: '000000000001', terminalDevice: 'DEV01', regionCode: '320500' });
  });

  it('decodes UTF-8 output too (encoding auto)', async () => {
    const source = new HeaSecSscardSource({ path: freshLibrary(), init: { SCENARIO: 'utf8' } });
    expect((await source.read()).card.name).toBe('张伟');
    await source.close();
  });

  it('turns return code −2 into "no card", with the library\'s own words appended', async () => {
    const source = new HeaSecSscardSource({ path: freshLibrary(), init: { SCENARIO: 'nocard' } });
    await expect(source.read()).rejects.toMatchObject({ code: 'READER_NO_CARD', message: '读社保卡失败：读卡器中没有卡（无卡）', data: { returnCode: -2 } });
    await source.close();
  });

  it('turns a negated status word (−27266) into the 6A82 error', async () => {
    const source = new HeaSecSscardSource({ path: freshLibrary(), init: { SCENARIO: 'filenotfound' } });
    await expect(source.read()).rejects.toMatchObject({ code: 'SSCARD_FILE_NOT_FOUND', data: { returnCode: -27266 } });
    await source.close();
  });

  it('refuses the empty personal fields of a 3.00 card read without PSAM', async () => {
    const source = new HeaSecSscardSource({ path: freshLibrary(), init: { SCENARIO: 'nopsam' } });
    await expect(source.read()).rejects.toMatchObject({ code: 'SSCARD_INCOMPLETE' });
    await source.close();
  });

  it('reports a failed Init with the library\'s message', async () => {
    const source = new HeaSecSscardSource({ path: freshLibrary(), init: { SCENARIO: 'badinit' } });
    await expect(source.open()).rejects.toMatchObject({ code: 'SSCARD_LIBRARY_INIT', message: '医保读卡组件初始化失败：初始化失败' });
  });

  it('times out a hung call without blocking the event loop; close waits for the call to return', async () => {
    const loaded = HeaSecLibrary.tryLoad({ path: freshLibrary(), init: { SCENARIO: 'slow' }, timeoutMs: 200 });
    if (!('library' in loaded)) throw loaded.missing;
    const lib = loaded.library;
    let ticks = 0;
    const timer = setInterval(() => ticks++, 20);
    await expect(lib.readCardBas()).rejects.toMatchObject({ code: 'READER_TIMEOUT' });
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(3);
    await lib.close();
  });

  it('reads the ID card through ReadSFZ', async () => {
    const source = new HeaSecSscardSource({ path: freshLibrary() });
    expect(parseSfzOutput(await source.readIdCardText())).toMatchObject({ name: '张伟', gender: '1', nation: '01', idNumber: '320501197203150018' });
    await source.close();
  });

  it('as a configured reader (transport heasec): the device service reports the card once as a medium for 1101', async () => {
    registerSscardDriver();
    const config = DevicesConfigSchema.parse({ wedge: { enabled: false }, readers: [{ driver: 'sscard', id: 'ss-lib', transport: 'heasec', options: { path: freshLibrary(), pollMs: 300, encoding: 'gbk', callingConvention: 'cdecl' } }] });
    const service = new DeviceService({ config: () => config, institutionKind: () => 'hospital', operator: () => undefined, sources: [] });
    const media: Medium[] = [];
    service.onMedium((m) => media.push(m));
    service.start();
    try {
      await waitUntil(() => media.length === 1, { timeoutMs: 8000 });
      expect(media[0]).toMatchObject({ kind: 'ssCard', deviceId: 'ss-lib', mdtrtCertType: '03', mdtrtCertNo: 'E32050001', cardSn: '320500D1560000050A1B2C3D4E5F6071', card: { name: '张伟' } });
      // The card stays in place: later rounds read it again but do not report it again.
      await new Promise((r) => setTimeout(r, 800));
      expect(media).toHaveLength(1);
    } finally {
      await service.stop();
    }
  });

  it('says clearly when the library is not installed', async () => {
    const source = new HeaSecSscardSource({ path: path.join(dir, 'absent', 'libHeaSecReadInfo.so') });
    await expect(source.read()).rejects.toMatchObject({ code: 'SSCARD_LIBRARY_MISSING', message: '未找到医保读卡组件（HeaSecReadInfo）' });
  });
});
