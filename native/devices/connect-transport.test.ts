import { describe, expect, it } from 'vitest';
import { FakeByteTransport } from '@native/transport/fake-byte-transport';
import { connectTransport } from './connect-transport';

describe('connectTransport: open, probe, report loss once', () => {
  it('closes the transport when the probe fails', async () => {
    const t = new FakeByteTransport();
    await expect(
      connectTransport(t, () => {
        throw new Error('not a SAM_V reader');
      }),
    ).rejects.toThrow('not a SAM_V reader');
    expect(t.isOpen).toBe(false);
  });

  it('reports a loss once, and detaches the driver; a deliberate close is not a loss', async () => {
    const t = new FakeByteTransport();
    let detached = 0;
    const c = await connectTransport(t, () => ({ handle: 1, detach: () => detached++ }));
    const lost: Error[] = [];
    c.onLost((e) => lost.push(e));
    t.unplug();
    expect(lost).toHaveLength(1);
    expect(detached).toBe(1);

    const t2 = new FakeByteTransport();
    const c2 = await connectTransport(t2, () => ({ handle: 2 }));
    const lost2: Error[] = [];
    c2.onLost((e) => lost2.push(e));
    await c2.close();
    expect(lost2).toEqual([]);
  });

  it('a device unplugged during the probe is a failed connect, not a zombie connection', async () => {
    const t = new FakeByteTransport();
    await expect(
      connectTransport(t, () => {
        t.unplug();
        return { handle: 1 };
      }),
    ).rejects.toMatchObject({ code: 'DEVICE_LOST' });
  });
});
