import { afterEach, describe, expect, it } from 'vitest';
import { byteTransportPair } from '@native/transport/fake-byte-transport';
import { waitUntil } from '@native/transport/wait-until';
import { SamvFrameAssembler } from '@native/idcard/samv-assembler';
import { decodeFrame, encodeRequest } from '@native/idcard/samv-frame';
import { syntheticPhoto, VirtualSamvReader } from './virtual-samv-reader';

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const s of stops.splice(0)) await s();
});

async function raw() {
  const { host, device } = byteTransportPair();
  const v = new VirtualSamvReader(device, { paceBaud: 115200 });
  await v.start();
  await host.open();
  const a = new SamvFrameAssembler();
  const answers: Uint8Array[] = [];
  host.onData((c) => {
    for (const e of a.push(c)) if (e.type === 'frame') answers.push(e.body);
  });
  stops.push(() => v.stop());
  return { host, v, answers };
}

describe('the virtual SAM_V reader answers like a real one', () => {
  it('answers a request with a bad checksum with SW3 10 and an unknown command with 21', async () => {
    const { host, answers } = await raw();
    const bad = encodeRequest(0x20, 0x01);
    bad[bad.length - 1] = 0x21;
    await host.write(bad);
    await host.write(encodeRequest(0x77, 0x00));
    await waitUntil(() => answers.length === 2);
    expect(answers.map((a) => a[2])).toEqual([0x10, 0x21]);
  });

  it('paces its output at the configured baud rate', async () => {
    const { host, v, answers } = await raw();
    v.placeCard({ text: { name: '张伟', gender: '1', nation: '01', birthDate: '1972-03-15', address: '江苏省苏州市姑苏区人民路100号', idNumber: '320501197203150018', authority: '苏州市公安局姑苏分局', validFrom: '2012-05-10', validTo: '2032-05-10' } });
    await host.write(encodeRequest(0x20, 0x01));
    await host.write(encodeRequest(0x20, 0x02));
    await waitUntil(() => answers.length === 2);
    const started = performance.now();
    await host.write(encodeRequest(0x30, 0x01));
    await waitUntil(() => answers.length === 3);
    const elapsed = performance.now() - started;
    // 1295 bytes at 115200 baud, 10 bits each: 112 ms on the wire.
    expect(elapsed).toBeGreaterThanOrEqual(105);
    expect(answers[2]!.length).toBe(3 + 4 + 256 + 1024);
  });

  it('refuses card data that cannot be encoded', () => {
    const { device } = byteTransportPair();
    const v = new VirtualSamvReader(device);
    expect(() => v.placeCard({ text: { name: 'x'.repeat(16), gender: '1', nation: '01', birthDate: '1972-03-15', address: 'a', idNumber: '320501197203150018', authority: 'b', validFrom: '2012-05-10', validTo: '长期' } })).toThrow(RangeError);
  });

  it('makes a deterministic stand-in photo per card', () => {
    expect(syntheticPhoto('a')).toEqual(syntheticPhoto('a'));
    expect(syntheticPhoto('a')).not.toEqual(syntheticPhoto('b'));
    expect(decodeFrame).toBeTypeOf('function');
  });
});
