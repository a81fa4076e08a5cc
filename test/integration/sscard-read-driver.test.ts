// The `devices read --driver sscard` driver in-process (sourceFromArgs → reader → one read) over a
// socat pty pair with the virtual reader firmware on the other end, plus its argument checks.
// The same command as a child process is test/integration/sscard-cli.test.ts.
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRAINING_PATIENTS } from '@src/training/fixtures/training-patients';
import { sscardProfileOf } from '@src/training/devices/training-sscards';
import { readDrivers } from '@src/devices/read-drivers';
import { findSocat } from '@native/transport/pty-pair';
import type { VirtualCardReader } from '@native/virtual/sscard/virtual-card-reader';
import { startPtyCounterReader, type PtyCounterReader } from '@native/virtual/sscard/pty-counter-reader';
import { VirtualSscard } from '@native/virtual/sscard/virtual-sscard';

const socat = findSocat();
if (!socat) console.warn('[sscard-read-driver] pty cases SKIPPED: socat is not installed (apt-get install socat)');

const driver = readDrivers.sscard!;
const gen3 = TRAINING_PATIENTS.find((p) => p.card.specVersion === '3.00')!;

describe('devices read --driver sscard: arguments', () => {
  it('is registered and explains missing or wrong arguments in Chinese', async () => {
    expect(driver.description).toContain('社会保障卡');
    await expect(driver.read({})).rejects.toMatchObject({ message: expect.stringContaining('--transport') });
    await expect(driver.read({ transport: 'bluetooth' })).rejects.toMatchObject({ message: expect.stringContaining('bluetooth') });
    await expect(driver.read({ transport: 'serial' })).rejects.toMatchObject({ message: expect.stringContaining('--port') });
    await expect(driver.read({ transport: 'hid' })).rejects.toMatchObject({ message: expect.stringContaining('--reader') });
    await expect(driver.read({ transport: 'serial', port: '/dev/null', dialect: 'decard-x' })).rejects.toMatchObject({ code: 'SSCARD_CONFIG_INVALID' });
    await expect(driver.read({ transport: 'heasec', library: path.join(os.tmpdir(), 'no-such-libHeaSecReadInfo.so') })).rejects.toMatchObject({ code: 'SSCARD_LIBRARY_MISSING' });
  });

  it('describes a card in Chinese lines, saying which fields the source could not know', () => {
    const lines = driver.describe({ name: '张伟', ssn: '320501197203150018', gender: '1', nation: '01', birthDate: null, birthPlace: null, cardNumber: 'E32050001', cardIdCode: 'X', cardType: null, specVersion: '3.00', issuer: null, issueDate: '2021-06-01', expiryDate: '2031-06-01' });
    expect(lines).toContain('姓名：张伟');
    expect(lines).toContain('性别：男（1）');
    expect(lines).toContain('出生地：（卡内无此项）');
  });
});

describe.skipIf(!socat)('devices read --driver sscard over a pty', () => {
  let counter: PtyCounterReader;
  let virtual: VirtualCardReader;

  beforeAll(async () => {
    counter = await startPtyCounterReader('ykt-sscard-read-');
    virtual = counter.virtual;
  });

  afterAll(() => counter?.close());

  it('reads a 3.00 card and returns the 13 fields in order', async () => {
    virtual.insert('contact', new VirtualSscard(sscardProfileOf(gen3)));
    const r = await driver.read({ transport: 'serial', port: counter.port });
    expect(Object.keys(r)).toEqual(['cardIdCode', 'cardType', 'specVersion', 'issuer', 'issueDate', 'expiryDate', 'cardNumber', 'ssn', 'name', 'gender', 'nation', 'birthPlace', 'birthDate']);
    expect(r).toMatchObject({ name: gen3.name, ssn: gen3.idNumber, cardNumber: gen3.card.cardNumber, cardIdCode: gen3.card.cardIdCode, specVersion: '3.00' });
    virtual.remove('contact');
  });

  it('--wait: waits for the card to be inserted', async () => {
    setTimeout(() => virtual.insert('contact', new VirtualSscard(sscardProfileOf(gen3))), 400);
    const r = await driver.read({ transport: 'serial', port: counter.port, waitSeconds: 5 });
    expect(r.name).toBe(gen3.name);
    virtual.remove('contact');
  });

  it('no card and no wait: the clear "no card" error', async () => {
    await expect(driver.read({ transport: 'serial', port: counter.port })).rejects.toMatchObject({ code: 'READER_NO_CARD' });
  });

  it('--psam-slot none: a 3.00 card cannot be read, and says why', async () => {
    virtual.insert('contact', new VirtualSscard(sscardProfileOf(gen3)));
    await expect(driver.read({ transport: 'serial', port: counter.port, psamSlot: 'none' })).rejects.toMatchObject({ code: 'SSCARD_PSAM_MISSING' });
    virtual.remove('contact');
  });
});
