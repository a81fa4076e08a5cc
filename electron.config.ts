// Packaging (electron-builder): `npm run dist` builds Windows (NSIS) and Linux (AppImage, deb)
// installers from dist/. Native modules (better-sqlite3, serialport, node-hid, smartcard, koffi)
// are rebuilt for Electron's ABI by electron-builder and unpacked from the asar so they can load.
import type { Configuration } from 'electron-builder';

const config: Configuration = {
  appId: 'cn.yikatong.terminal',
  productName: '一卡通结算终端',
  copyright: 'Yikatong Terminal',
  directories: { output: 'release', buildResources: 'build-resources' },
  files: ['dist/**/*', '!dist/**/*.map', 'package.json', 'node_modules/**/*'],
  extraMetadata: { main: 'dist/main/main.cjs' },
  asar: true,
  asarUnpack: ['**/*.node', 'node_modules/koffi/**', 'node_modules/pino*/**', 'node_modules/thread-stream/**'],
  npmRebuild: true,
  buildDependenciesFromSource: false,
  electronLanguages: ['zh-CN', 'en-US'],
  win: {
    target: [{ target: 'nsis', arch: ['x64', 'ia32'] }],
    artifactName: 'yikatong-terminal-${version}-setup-${arch}.${ext}',
  },
  nsis: { oneClick: false, perMachine: true, allowToChangeInstallationDirectory: true, language: '2052' },
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Office',
    maintainer: 'Yikatong Terminal',
    artifactName: 'yikatong-terminal-${version}-${arch}.${ext}',
  },
  deb: { depends: ['libusb-1.0-0', 'libpcsclite1', 'udev'] },
};

export default config;
