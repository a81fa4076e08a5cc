import http from 'node:http';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { HttpTransport, TransportFailure } from './http-transport';

const closers: (() => void)[] = [];
afterEach(() => {
  while (closers.length) closers.pop()!();
});

async function server(handler: http.RequestListener): Promise<{ url: string; connections: () => number }> {
  let connections = 0;
  const sockets = new Set<net.Socket>();
  const s = http.createServer(handler);
  s.on('connection', (c) => {
    connections++;
    sockets.add(c);
  });
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  closers.push(() => {
    for (const c of sockets) c.destroy();
    s.close();
  });
  return { url: `http://127.0.0.1:${(s.address() as net.AddressInfo).port}/x`, connections: () => connections };
}

function transport(options = {}): HttpTransport {
  const t = new HttpTransport(options);
  closers.push(() => t.close());
  return t;
}

async function failure(p: Promise<unknown>): Promise<TransportFailure> {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(TransportFailure);
  return e as TransportFailure;
}

describe('HTTP transport to the hub', () => {
  it('posts JSON and reads the whole answer, reusing the connection', async () => {
    const s = await server((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end(`{"echo":${body},"ct":"${req.headers['content-type']}"}`));
    });
    const t = transport();
    const a = await t.post({ url: s.url, body: '{"n":1}', headers: { 'x-tif-paasid': 'p' }, timeoutMs: 2000 });
    expect(a.status).toBe(200);
    expect(JSON.parse(a.body.toString())).toEqual({ echo: { n: 1 }, ct: 'application/json;charset=utf-8' });
    await t.post({ url: s.url, body: '{}', headers: {}, timeoutMs: 2000 });
    expect(s.connections()).toBe(1);
  });

  it('says not_sent when nothing could be connected', async () => {
    const probe = net.createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const port = (probe.address() as net.AddressInfo).port;
    await new Promise<void>((r) => probe.close(() => r()));
    const f = await failure(transport().post({ url: `http://127.0.0.1:${port}/x`, body: '{}', headers: {}, timeoutMs: 2000 }));
    expect(f).toMatchObject({ kind: 'not_sent', phase: 'connect', errno: 'ECONNREFUSED' });
    expect((await failure(transport().post({ url: 'ftp://x/y', body: '', headers: {}, timeoutMs: 100 }))).kind).toBe('not_sent');
  });

  it('says timeout once the request was sent and no answer came', async () => {
    const s = await server(() => {});
    const f = await failure(transport().post({ url: s.url, body: '{}', headers: {}, timeoutMs: 300 }));
    expect(f).toMatchObject({ kind: 'timeout', phase: 'wait' });
  });

  it('says connection_lost when the server drops the connection after receiving', async () => {
    const s = await server((req) => req.socket.destroy());
    expect((await failure(transport().post({ url: s.url, body: '{}', headers: {}, timeoutMs: 2000 }))).kind).toBe('connection_lost');
  });

  it('says timeout when the body stalls, connection_lost when it is cut', async () => {
    const slow = await server((_req, res) => {
      res.writeHead(200, { 'content-length': '100' });
      res.write('{"partial":');
    });
    expect(await failure(transport().post({ url: slow.url, body: '{}', headers: {}, timeoutMs: 300 }))).toMatchObject({ kind: 'timeout', phase: 'body' });
    const cut = await server((_req, res) => {
      res.writeHead(200, { 'content-length': '100' });
      res.write('{"partial":', () => res.socket?.destroy());
    });
    expect(await failure(transport().post({ url: cut.url, body: '{}', headers: {}, timeoutMs: 2000 }))).toMatchObject({ kind: 'connection_lost', phase: 'body' });
  });

  it('refuses an answer larger than the limit', async () => {
    const s = await server((_req, res) => res.end('x'.repeat(5000)));
    expect((await failure(transport({ maxBodyBytes: 1000 }).post({ url: s.url, body: '{}', headers: {}, timeoutMs: 2000 }))).kind).toBe('too_large');
  });

  it('streams a file and fails the stream when it stalls', async () => {
    const s = await server((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.write(Buffer.from([0x50, 0x4b, 3, 4]));
    });
    const a = await transport().postForStream({ url: s.url, body: '{}', headers: {}, timeoutMs: 2000, idleTimeoutMs: 200 });
    expect(a.status).toBe(200);
    const chunks: Buffer[] = [];
    const err = await new Promise<unknown>((resolve) => {
      a.stream.on('data', (c: Buffer) => chunks.push(c));
      a.stream.on('error', resolve);
    });
    expect(Buffer.concat(chunks)).toEqual(Buffer.from([0x50, 0x4b, 3, 4]));
    expect(err).toMatchObject({ kind: 'timeout', phase: 'body' });
  });

  it('many downloads over one kept-alive connection leave no idle-timeout listener behind on its socket', async () => {
    const s = await server((req, res) => {
      req.resume();
      req.on('end', () => res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(Buffer.from([0x50, 0x4b, 5, 6])));
    });
    const warnings: Error[] = [];
    const onWarning = (w: Error): void => void warnings.push(w);
    process.on('warning', onWarning);
    try {
      const t = transport();
      const counts: number[] = [];
      for (let i = 0; i < 12; i++) {
        const a = await t.postForStream({ url: s.url, body: '{}', headers: {}, timeoutMs: 2000, idleTimeoutMs: 500 });
        const socket = (a.stream as http.IncomingMessage).socket;
        for await (const chunk of a.stream) expect(chunk).toEqual(Buffer.from([0x50, 0x4b, 5, 6]));
        await new Promise((r) => setImmediate(r));
        counts.push(socket?.listenerCount('timeout') ?? -1);
      }
      expect(s.connections()).toBe(1);
      // The agent's own idle listener only, the same after the 12th download as after the 1st.
      expect(new Set(counts).size).toBe(1);
      expect(counts[0]).toBeLessThanOrEqual(1);
      await new Promise((r) => setImmediate(r));
      expect(warnings.filter((w) => w.name === 'MaxListenersExceededWarning')).toEqual([]);
    } finally {
      process.off('warning', onWarning);
    }
  });

  it('probes reachability by connecting only', async () => {
    let requests = 0;
    const s = await server(() => requests++);
    const t = transport();
    expect(await t.probe(s.url, 1000)).toBeGreaterThanOrEqual(0);
    await new Promise((r) => setTimeout(r, 50));
    expect(requests).toBe(0);
    const closed = net.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as net.AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    await expect(t.probe(`http://127.0.0.1:${port}/`, 1000)).rejects.toMatchObject({ kind: 'not_sent' });
  });
});
