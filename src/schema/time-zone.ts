/**
 * IANA time zones and their UTC offsets, from `Intl` alone (no zone database
 * of our own). The one place offsets are computed: the schema checks zones,
 * the importer writes times, the scaffolder writes examples and the pages
 * show a record's zone with these. No imports: page code uses it too.
 */

/** Whether `zone` is an IANA time zone this runtime knows, e.g. `Asia/Shanghai`. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** One formatter per zone: making one costs far more than using it. */
const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** The UTC offset of `zone` in minutes at the instant `utcMs` (east positive: `Asia/Shanghai` → 480). */
export function zoneOffsetMinutes(zone: string, utcMs: number): number {
  let format = offsetFormatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
    offsetFormatters.set(zone, format);
  }
  // `GMT+08:00`, `GMT-03:30`, or plain `GMT` at zero.
  const name = format.formatToParts(new Date(utcMs)).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return match[1] === '-' ? -minutes : minutes;
}

/** An offset as ISO 8601 writes it: `480` → `+08:00`, `-210` → `-03:30`; `0` → `zero` (default `+00:00`, `Z` in a timestamp). */
export function formatOffset(minutes: number, zero = '+00:00'): string {
  if (minutes === 0) return zero;
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
