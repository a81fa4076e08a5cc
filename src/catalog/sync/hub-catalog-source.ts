// Catalogue files from the hub (services.hub, docs/hub-client.md): 13xx with `ver` = the local
// version prepares a file of newer rows and answers its file_qury_no and row count (data_cnt);
// 9102 streams it.
//
// The calls are made as the terminal itself (opter = terminalId), not as an operator: a sync runs
// in the background, from the CLI, or at start before anyone signs in. The hub accepts no call
// without a sign_no from 9001 (the training hub refuses it too), so each sync signs the terminal
// in at its first request and out at its end (close).
//
// A full download sends ver "0": the interface does not say what the first ver is [uncertain,
// interface.md §2]; the training hub, like the public implementations, returns every row for "0".
import type { Readable } from 'node:stream';
import type { TerminalConfig } from '@src/contract/config';
import { Budget } from '@src/hub/budget';
import type { HubOperator } from '@src/hub/client/call-options';
import type { Hub } from '@src/hub/hub';
import { CATALOG_DOWNLOAD_FILENAME } from '@src/hub/protocol/transactions/catalog';
import { logger } from '@src/platform/logger';
import type { CatalogInfno } from '../catalog-kinds';
import type { CatalogSource, PreparedFile } from './catalog-source';

const log = logger('catalog-sync');

/** A catalogue file can take minutes over a slow line; the client's idle timeout still catches a stalled one. */
const CATALOG_CALL_MS = 120_000;
const SIGN_IN_MS = 10_000;
export const FIRST_VERSION = '0';

export type HubForCatalog = Pick<Hub, 'catalogFile' | 'download'> & { client: Pick<Hub['client'], 'call'> };

export class HubCatalogSource implements CatalogSource {
  private operator: HubOperator | undefined;

  constructor(
    private readonly hub: HubForCatalog,
    private readonly config: () => Pick<TerminalConfig, 'terminal' | 'institution'>,
  ) {}

  /** The terminal as the envelope's operator (opter = terminalId). */
  private terminalOperator(signNo: string): HubOperator {
    const id = this.config().terminal.terminalId;
    return { code: id, name: `终端${id}`, signNo };
  }

  private async signIn(): Promise<void> {
    const t = this.config().terminal;
    const r = await this.hub.client.call('9001', { signIn: { opter_no: t.terminalId, mac: t.mac || undefined, ip: t.ip || undefined } }, { operator: this.terminalOperator(''), budget: Budget.start(SIGN_IN_MS) });
    this.operator = this.terminalOperator(r.output.signinoutb.sign_no);
  }

  async close(): Promise<void> {
    const op = this.operator;
    this.operator = undefined;
    if (!op?.signNo) return;
    try {
      await this.hub.client.call('9002', { signOut: { sign_no: op.signNo, opter_no: op.code } }, { operator: op, budget: Budget.start(SIGN_IN_MS) });
    } catch (e) {
      // The sign-in lapses by itself at the hub; nothing depends on the sign-out.
      log.warn({ err: e }, 'terminal sign-out after the catalogue sync failed');
    }
  }

  private async signedIn(): Promise<HubOperator> {
    if (!this.operator) await this.signIn();
    return this.operator!;
  }

  async prepare(infno: CatalogInfno, version: string): Promise<PreparedFile> {
    const operator = await this.signedIn();
    const r = await this.hub.catalogFile(infno, version === '' ? FIRST_VERSION : version, { operator, budget: Budget.start(CATALOG_CALL_MS) });
    return { fileQueryNo: r.output.file_qury_no, filename: r.output.filename, rows: r.output.data_cnt ?? null };
  }

  async download(_infno: CatalogInfno, file: PreparedFile): Promise<Readable> {
    const operator = await this.signedIn();
    const d = await this.hub.download({ fsDownloadIn: { file_qury_no: file.fileQueryNo, filename: CATALOG_DOWNLOAD_FILENAME, fixmedins_code: this.config().institution.code } }, { operator, budget: Budget.start(CATALOG_CALL_MS) });
    return d.stream as Readable;
  }
}
