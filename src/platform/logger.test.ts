import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { configureFileLogging, logger, setRootLogger } from './logger';

describe('logging', () => {
  afterEach(() => setRootLogger(pino({ level: 'silent' })));

  it('writes rotated files under the data folder with patient data masked', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'yk-log-'));
    const close = configureFileLogging({ dir, level: 'info' });
    const log = logger('test');
    log.info({ psn_name: '张伟', certno: '320501197203150018', setl_id: 'S1' }, 'settled for 320501197203150018');
    await close();
    const files = readdirSync(dir).filter((f) => f.startsWith('terminal'));
    expect(files.length).toBe(1);
    const text = readFileSync(path.join(dir, files[0]!), 'utf8');
    expect(text).toContain('"component":"test"');
    expect(text).toContain('S1');
    expect(text).not.toContain('320501197203150018');
    expect(text).not.toContain('张伟');
  });
});
