// Terminal configuration (IT admin).
import { z } from 'zod';
import { Empty, method } from '../define';
import { ConfigPatchSchema, TerminalConfigSchema } from '../config';
import { ModeSchema } from './system';

export const configMethods = {
  'config.get': method({ summary: 'The configuration, secrets masked', input: Empty, output: z.object({ config: TerminalConfigSchema, mode: ModeSchema }), access: ['it_admin'] }),
  'config.update': method({
    summary: 'Apply a partial update; refused whole with a clear message when any value is invalid',
    input: z.object({ patch: ConfigPatchSchema }).strict(),
    output: z.object({ config: TerminalConfigSchema, changed: z.array(z.string()) }),
    access: ['it_admin'],
  }),
  'config.setMode': method({
    summary: 'Choose training or live mode for the next start',
    input: z.object({ mode: ModeSchema }).strict(),
    output: z.object({ mode: ModeSchema, restartRequired: z.boolean() }),
    access: ['it_admin'],
  }),
};
