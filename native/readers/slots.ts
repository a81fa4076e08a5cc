// Card slots of an APDU reader. Counter readers have a contact slot, often a contactless field and
// one to four PSAM sockets; composite PC/SC readers expose each as a separate PC/SC reader, serial
// and HID readers switch between them with a command (devices.md §3).

export const SLOT_IDS = ['contact', 'contactless', 'psam1', 'psam2', 'psam3', 'psam4'] as const;
export type SlotId = (typeof SLOT_IDS)[number];

export function isSlotId(s: string): s is SlotId {
  return (SLOT_IDS as readonly string[]).includes(s);
}

export function isPsamSlot(slot: SlotId): boolean {
  return slot.startsWith('psam');
}

/** Chinese name for messages. */
export function slotLabel(slot: SlotId): string {
  switch (slot) {
    case 'contact':
      return '接触式卡座';
    case 'contactless':
      return '非接触感应区';
    default:
      return `PSAM 卡座 ${slot.slice(4)}`;
  }
}
