// A TCP port on 127.0.0.1 that was free a moment ago: bound to port 0, read, released.
//
// Why: a training hub started as a child process must be told its port up front (the benchmark
// then polls /admin/health on it), and the hub client's fault tests need an address where nothing
// listens (connection refused). Both ask the OS rather than pick a number, so parallel runs never
// collide; the small race (another process binding it in between) is acceptable for tests.
import net from 'node:net';

export async function freeLoopbackPort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}
