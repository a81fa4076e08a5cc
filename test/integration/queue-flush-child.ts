// Child process for queue-faults.test.ts: a second terminal process (the app or the CLI) that
// flushes the shared offline queue until it is empty, waiting while another process holds the
// lease. Prints one JSON line per flush it ran. The test may SIGKILL it at any moment.
import { isAppError } from '@src/common/errors';
import { queueTerminal } from './queue-test-kit';

const [url, dir, concurrencyText] = process.argv.slice(2) as [string, string, string | undefined];
const term = queueTerminal(url, dir);
const drainer = term.drainer({ concurrency: Number(concurrencyText ?? 3) });

async function main(): Promise<void> {
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    if (term.store.summary().depth === 0) break;
    try {
      const r = await drainer.flush();
      process.stdout.write(JSON.stringify({ owner: drainer.owner, succeeded: r.succeeded, failed: r.failed, dead: r.dead, remaining: r.remaining, stoppedBecause: r.stoppedBecause }) + '\n');
    } catch (e) {
      if (!isAppError(e) || e.code !== 'QUEUE_BUSY') throw e;
      process.stdout.write(JSON.stringify({ owner: drainer.owner, busy: true }) + '\n');
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  term.close();
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(String((e as Error).stack ?? e) + '\n');
    process.exit(1);
  },
);
