/**
 * Wall-clock times in an IANA zone → ISO 8601 strings with the zone's offset
 * at that moment; the offsets come from src/schema/time-zone.ts.
 */
import { formatOffset, zoneOffsetMinutes } from '../schema/time-zone.ts';

/** A wall-clock reading, as written in a document. Months are 1–12. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour?: number;
  minute?: number;
  second?: number;
}

/** True when the fields form a real calendar day and clock time. */
export function isValidWallTime(time: WallTime): boolean {
  const { year, month, day, hour = 0, minute = 0, second = 0 } = time;
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return false;
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}

/**
 * Formats a wall time in `zone` as `YYYY-MM-DDTHH:MM:SS±HH:MM`. The offset is
 * found by asking `Intl` twice, which settles daylight-saving edges.
 */
export function wallTimeToIso(time: WallTime, zone: string): string {
  const { year, month, day, hour = 0, minute = 0, second = 0 } = time;
  const wallMs = Date.UTC(year, month - 1, day, hour, minute, second);
  let offset = zoneOffsetMinutes(zone, wallMs);
  offset = zoneOffsetMinutes(zone, wallMs - offset * 60_000);
  return `${pad4(year)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}${formatOffset(offset, 'Z')}`;
}

/** `YYYY-MM-DD` of a wall time. */
export function wallDate(time: WallTime): string {
  return `${pad4(time.year)}-${pad(time.month)}-${pad(time.day)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function pad4(n: number): string {
  return String(n).padStart(4, '0');
}
