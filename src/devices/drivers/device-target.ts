// Configuration location (path, or USB vendor/product ids as hex text) → device-manager target.
import { parseUsbId } from '@native/transport/discovery';
import type { DeviceTarget } from '@native/devices/locators';

export function targetOf(location: { path?: string | undefined; vendorId?: string | undefined; productId?: string | undefined; serialNumber?: string | undefined; usagePage?: number | undefined }): DeviceTarget {
  if (location.path) return { path: location.path };
  const vendorId = parseUsbId(location.vendorId);
  const productId = parseUsbId(location.productId);
  if (vendorId === undefined || productId === undefined) throw new RangeError('device location needs a path or vendor and product ids');
  return {
    vendorId,
    productId,
    ...(location.serialNumber ? { serialNumber: location.serialNumber } : {}),
    ...(location.usagePage !== undefined ? { usagePage: location.usagePage } : {}),
  };
}
