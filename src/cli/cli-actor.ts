import os from 'node:os';

/** How CLI actions appear in the audit trail: the OS account that ran them. */
export function cliActor(): string {
  try {
    return `cli:${os.userInfo().username}`;
  } catch {
    return 'cli';
  }
}
