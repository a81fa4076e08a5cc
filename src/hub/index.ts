// The terminal's hub client. Start at hub.ts (services.hub) and docs/hub-client.md.
export { Budget } from './budget';
export type { CallObservation, CallOptions, CallResult, HubOperator } from './client/call-options';
export { HubClient, type DownloadResult } from './client/hub-client';
export * from './errors';
export { Hub, insuplcAdmdvsOf, type HubDeps } from './hub';
export type { JournalEntry, JournalSealer, JournalState, JournalResolution, ResolutionAttempt } from './journal/hub-journal';
export { HubMonitor } from './monitor/hub-monitor';
export { msgidSlotOf } from './msgid/msgid-slot';
export type { ResolutionReport, ResolveOptions } from './resolution/outcome-resolver';
export { sm3DigestSigner, staticSigner, type EnvelopeSigner } from './signing/envelope-signer';
