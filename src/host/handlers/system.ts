import type { systemMethods } from '@src/contract/methods/system';
import { APP_NAME, APP_VERSION } from '@src/platform/version';
import type { DomainHandlers } from '../handler';
import { TRAINING_ACCOUNTS } from '../training-seed';

export function systemHandlers(): DomainHandlers<typeof systemMethods> {
  return {
    'system.info': (_input, { services }) => {
      const config = services.config.get();
      return {
        appName: APP_NAME,
        version: APP_VERSION,
        mode: services.mode,
        institutionName: config.institution.name,
        institutionCode: config.institution.code,
        institutionKind: config.institution.kind,
        terminalId: config.terminal.terminalId,
        locale: config.ui.locale,
        missing: services.missing,
        trainingAccounts: services.mode === 'training' ? TRAINING_ACCOUNTS.map(({ username, password, roleLabel }) => ({ username, password, role: roleLabel })) : [],
      };
    },
    'system.status': (_input, { services }) => services.status.get(),
  };
}
