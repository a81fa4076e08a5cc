// SAM_V commands (CMD, PARA). Frames are built by encodeRequest; the table in devices.md §1 lists
// the complete frames, which the tests check byte for byte.
export const CMD = {
  resetSam: [0x10, 0xff],
  samStatus: [0x11, 0xff],
  /** 管理信息: the SAM id. */
  samId: [0x12, 0xff],
  findCard: [0x20, 0x01],
  selectCard: [0x20, 0x02],
  /** Text + photo. */
  readText: [0x30, 0x01],
  /** Text + photo + fingerprint. */
  readWithFingerprint: [0x30, 0x10],
  /** 追加住址 (appended address). One library uses 30 02 instead (uncertain; see docs/devices.md). */
  readAppendedAddress: [0x30, 0x03],
} as const satisfies Record<string, readonly [number, number]>;

/** 60 xx: switch the reader's UART speed. */
export const BAUD_PARA: Readonly<Record<number, number>> = { 115200: 0x00, 57600: 0x01, 38400: 0x02, 19200: 0x03, 9600: 0x04 };
export const CMD_SET_BAUD = 0x60;
/** 61 FF n: maximum bytes per SAM↔RF frame. */
export const CMD_SET_RF_FRAME = [0x61, 0xff] as const;
