// What every `yikatong` command gets: where the data is, how to start the services, how to print.
import type { Command } from 'commander';
import type { Mode } from '@src/contract/methods/system';
import type { ClientContext } from '@src/host/dispatch';
import { startHost, type Host } from '@src/host/host';
import { defaultDataDir, readLaunchMode } from '@src/platform/paths';

export interface CliContext {
  dataRoot(): string;
  mode(): Mode;
  /** Starts the services beside a running app (no single-instance lock, no embedded UI). */
  openHost(): Promise<Host>;
  /** The CLI's own bridge identity, for calling contract methods through the dispatcher. */
  client: ClientContext;
  print(text: string): void;
  printJson(value: unknown): void;
  /** Stops the services if a command started them. */
  close(): Promise<void>;
}

export function createCliContext(program: Command): CliContext {
  const opts = (): { dataDir?: string; mode?: string } => program.opts();
  const dataRoot = (): string => opts().dataDir ?? defaultDataDir();
  const mode = (): Mode => (opts().mode === 'live' ? 'live' : opts().mode === 'training' ? 'training' : readLaunchMode(dataRoot()));
  let host: Host | undefined;
  return {
    dataRoot,
    mode,
    async openHost() {
      host ??= await startHost({ dataRoot: dataRoot(), mode: mode(), role: 'tool' });
      return host;
    },
    client: { clientId: 'cli', shell: 'cli' },
    print: (text) => process.stdout.write(text.endsWith('\n') ? text : text + '\n'),
    printJson: (value) => process.stdout.write(JSON.stringify(value) + '\n'),
    async close() {
      await host?.close();
      host = undefined;
    },
  };
}
