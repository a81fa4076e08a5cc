// Logging: pino, to daily/size-rotated files (pino-roll), with patient data redacted (rule 5).
//
// Modules call `logger('hub')` once at import time; the returned object always writes through the
// current root, so the host can configure files after modules are loaded. Until configured, logs
// are dropped unless YIKATONG_LOG_LEVEL is set (then they go to stderr), which keeps tests quiet.
import path from 'node:path';
import { mkdirSync } from 'node:fs';
import pino from 'pino';
import { maskIdNumbersInText } from '@src/common/mask';
import { redactDeep } from '@src/common/redact';

export interface Logger {
  trace(obj: object | string, msg?: string): void;
  debug(obj: object | string, msg?: string): void;
  info(obj: object | string, msg?: string): void;
  warn(obj: object | string, msg?: string): void;
  error(obj: object | string, msg?: string): void;
  fatal(obj: object | string, msg?: string): void;
}

const baseOptions: pino.LoggerOptions = {
  base: { pid: process.pid },
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: {
    log: (obj) => redactDeep(obj) as Record<string, unknown>,
  },
  hooks: {
    // Messages are free text: mask anything shaped like an ID number.
    logMethod(args, method) {
      const masked = args.map((a) => (typeof a === 'string' ? maskIdNumbersInText(a) : a));
      return method.apply(this, masked as Parameters<typeof method>);
    },
  },
};

function defaultRoot(): pino.Logger {
  const level = process.env.YIKATONG_LOG_LEVEL;
  return level ? pino({ ...baseOptions, level }, pino.destination(2)) : pino({ ...baseOptions, level: 'silent' });
}

let root: pino.Logger = defaultRoot();
let generation = 0;

export interface FileLoggingOptions {
  /** Folder for the rotated files (terminal.N.log). */
  dir: string;
  level?: pino.Level;
  /** Also echo warnings and errors to stderr (interactive starts). */
  echoWarnings?: boolean;
}

/** Routes all loggers to rotating files under `dir`. Returns a function that flushes and closes. */
export function configureFileLogging(options: FileLoggingOptions): () => Promise<void> {
  mkdirSync(options.dir, { recursive: true });
  const level = options.level ?? (process.env.YIKATONG_LOG_LEVEL as pino.Level | undefined) ?? 'info';
  const targets: pino.TransportTargetOptions[] = [
    {
      target: 'pino-roll',
      level,
      options: { file: path.join(options.dir, 'terminal'), extension: '.log', frequency: 'daily', size: '20m', mkdir: true, limit: { count: 14 } },
    },
  ];
  if (options.echoWarnings) targets.push({ target: 'pino/file', level: 'warn', options: { destination: 2 } });
  const transport = pino.transport({ targets });
  root = pino({ ...baseOptions, level }, transport);
  generation++;
  return () =>
    new Promise<void>((resolve) => {
      root.flush();
      transport.once('close', () => resolve());
      transport.end();
      setTimeout(resolve, 2000).unref();
    });
}

/** Replaces the root logger (tests capture output this way). */
export function setRootLogger(logger: pino.Logger): void {
  root = logger;
  generation++;
}

export function rootLoggerOptions(): pino.LoggerOptions {
  return baseOptions;
}

/** A logger for one component; cheap to create at module load. */
export function logger(component: string): Logger {
  let cached: pino.Logger | undefined;
  let seen = -1;
  const current = (): pino.Logger => {
    if (seen !== generation || !cached) {
      cached = root.child({ component });
      seen = generation;
    }
    return cached;
  };
  const at =
    (level: pino.Level) =>
    (obj: object | string, msg?: string): void => {
      const l = current();
      if (typeof obj === 'string') l[level](obj);
      else l[level](obj, msg);
    };
  return { trace: at('trace'), debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error'), fatal: at('fatal') };
}
