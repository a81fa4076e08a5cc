// Where the Electron binary is, if one is installed. The npm package is always present (for its
// types); its binary is downloaded by a postinstall script that this project does not run on
// machines without internet access (package.json "allowScripts": { "electron": false }).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

export function electronBinary() {
  if (process.env.YIKATONG_ELECTRON && existsSync(process.env.YIKATONG_ELECTRON)) return process.env.YIKATONG_ELECTRON;
  try {
    const p = createRequire(import.meta.url)('electron');
    return typeof p === 'string' && existsSync(p) ? p : undefined;
  } catch {
    return undefined;
  }
}
