import { writeFileSync } from 'node:fs';
import type { configMethods } from '@src/contract/methods/config';
import { maskSecrets } from '@src/config/config-store';
import { launchFile } from '@src/platform/paths';
import { sessionOf, type DomainHandlers } from '../handler';

export function configHandlers(): DomainHandlers<typeof configMethods> {
  return {
    'config.get': (_input, { services }) => ({ config: maskSecrets(services.config.get()), mode: services.mode }),
    'config.update': (input, ctx) => {
      const by = sessionOf(ctx).operator.username;
      const { config, changed } = ctx.services.config.update(input.patch, by);
      if (changed.length) ctx.services.audit.append({ action: 'config.changed', operator: by, details: { paths: changed } });
      return { config: maskSecrets(config), changed };
    },
    'config.setMode': (input, ctx) => {
      const by = sessionOf(ctx).operator.username;
      writeFileSync(launchFile(ctx.services.paths.root), JSON.stringify({ mode: input.mode }, null, 2));
      ctx.services.audit.append({ action: 'config.modeChanged', operator: by, details: { from: ctx.services.mode, to: input.mode } });
      return { mode: input.mode, restartRequired: input.mode !== ctx.services.mode };
    },
  };
}
