// "Today" for validity (begndate/enddate) is a date in China (UTC+8, no daylight saving),
// whatever the terminal's clock zone is set to.
const CHINA_OFFSET_MS = 8 * 3600 * 1000;

export function chinaToday(now: number = Date.now()): string {
  return new Date(now + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}
