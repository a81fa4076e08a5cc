// The API contract between the renderer and the host, defined once.
//
// Adding an operation: declare it in src/contract/methods/<domain>.ts, add the domain object below,
// implement it in src/host/handlers/<domain>.ts (the compiler insists), call it from the renderer
// as `api.<domain>.<name>(input)`. Nothing else: both shells pick it up from `methods`.
import type { z } from 'zod';
import type { CallResult, MethodSpec } from './define';
import { auditMethods } from './methods/audit';
import { catalogMethods } from './methods/catalog';
import { configMethods } from './methods/config';
import { devicesMethods } from './methods/devices';
import { operatorsMethods } from './methods/operators';
import { offlineMethods } from './methods/offline';
import { queueMethods } from './methods/queue';
import { reconcileMethods } from './methods/reconcile';
import { reportsMethods } from './methods/reports';
import { sessionMethods } from './methods/session';
import { settlementMethods } from './methods/settlement';
import { systemMethods } from './methods/system';
import type { EventName, EventPayload } from './events';

export const methods = {
  ...sessionMethods,
  ...systemMethods,
  ...configMethods,
  ...operatorsMethods,
  ...queueMethods,
  ...offlineMethods,
  ...auditMethods,
  ...devicesMethods,
  ...catalogMethods,
  ...reconcileMethods,
  ...reportsMethods,
  ...settlementMethods,
} satisfies Record<string, MethodSpec>;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export const methodNames = Object.keys(methods) as MethodName[];

export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Methods[M]['output']>;
/** What a handler may return: the output schema's input side (defaults filled in by parsing). */
export type HandlerOutput<M extends MethodName> = z.input<Methods[M]['output']>;

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(methods, name);
}

type DomainOf<M> = M extends `${infer D}.${string}` ? D : never;
export type Domain = DomainOf<MethodName>;

/** `api.session.login(input)`: the typed API the renderer uses, grouped by domain. */
export type Api = {
  [D in Domain]: {
    [M in MethodName as M extends `${D}.${infer A}` ? A : never]: (input: MethodInput<M>) => Promise<MethodOutput<M>>;
  };
};

/** What a shell exposes on `window.yikatong`: one function per method, returning an envelope. */
export type Bridge = {
  [D in Domain]: {
    [M in MethodName as M extends `${D}.${infer A}` ? A : never]: (input: MethodInput<M>) => Promise<CallResult<MethodOutput<M>>>;
  };
} & {
  subscribe<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};

/** Splits 'session.login' into ['session', 'login']. */
export function splitMethodName(name: string): [string, string] {
  const dot = name.indexOf('.');
  return [name.slice(0, dot), name.slice(dot + 1)];
}

export * from './define';
export * from './events';
