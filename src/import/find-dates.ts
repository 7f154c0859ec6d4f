/**
 * Dates and times as people write them in incident documents:
 * `2024-07-31 07:38`, `2024/7/31 07:00:00`, `2024. 07. 31`, `2021-05-16 发表`,
 * `7月31日7:38`, `March 13, 2018 at 12:14 UTC`, `13 March 2018`.
 * Every pattern is linear (no nested repetition), so long lines cannot hang it.
 */
import { formatOffset } from '../schema/time-zone.ts';
import { isValidWallTime, wallTimeToIso, type WallTime } from './zoned-time.ts';

/** A date or time found in a line. `year` is absent where only month and day were written. */
export interface FoundTime {
  /** Offset of the match in the line. */
  index: number;
  /** The text matched, as written. */
  text: string;
  year?: number;
  month: number;
  day: number;
  hour?: number;
  minute?: number;
  second?: number;
  /** UTC offset written next to the time, in minutes. */
  offsetMinutes?: number;
}

const TIME = String.raw`(\d{1,2})[:：](\d{2})(?:[:：](\d{2})(?:\.\d{1,9})?)?`;
const ZONE = String.raw`(Z|UTC|GMT|[+-]\d{2}:?\d{2}|PST|PDT|EST|EDT|MST|MDT|CET|CEST|BST|JST)`;
const FULL = new RegExp(
  String.raw`(?<!\d)(\d{4})\s?[-/.年]\s?(\d{1,2})\s?[-/.月]\s?(\d{1,2})(?!\d)(?:\s?[日号])?(?:(?:T|\s{0,3})${TIME})?(?:\s?${ZONE}(?![A-Za-z]))?`,
  'g',
);
const MONTH_DAY = new RegExp(String.raw`(?<!\d)(\d{1,2})\s?月\s?(\d{1,2})\s?[日号](?:\s{0,3}${TIME})?`, 'g');
const MONTHS = 'Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?';
const ENGLISH = new RegExp(
  String.raw`\b(${MONTHS})\.?\s(\d{1,2})(?:st|nd|rd|th)?(?:,?\s(\d{4}))?(?:,?\s(?:at\s)?(\d{1,2}):(\d{2})(?::(\d{2}))?\s?([AaPp][Mm])?(?:\s?${ZONE}(?![A-Za-z]))?)?(?![\d:])`,
  'g',
);
const ENGLISH_DMY = new RegExp(String.raw`\b(\d{1,2})\s(${MONTHS})\.?,?\s(\d{4})\b`, 'g');

const ZONE_OFFSETS: Record<string, number> = {
  Z: 0, UTC: 0, GMT: 0, PST: -480, PDT: -420, EST: -300, EDT: -240, MST: -420, MDT: -360, CET: 60, CEST: 120, BST: 60, JST: 540,
};

function monthNumber(name: string): number {
  return ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

function zoneMinutes(zone: string | undefined): number | undefined {
  if (!zone) return undefined;
  if (zone in ZONE_OFFSETS) return ZONE_OFFSETS[zone];
  const match = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (!match) return undefined;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

function num(value: string | undefined): number | undefined {
  return value === undefined ? undefined : Number(value);
}

/** Characters of a line searched for dates; a longer line is a blob, not a sentence. */
export const MAX_DATE_SCAN_CHARS = 2000;
/** Dates read from one line at most. */
export const MAX_TIMES_PER_LINE = 32;

/** Every date (with its time where written) in `line`, in order of appearance. */
export function findTimes(input: string): FoundTime[] {
  const line = input.length > MAX_DATE_SCAN_CHARS ? input.slice(0, MAX_DATE_SCAN_CHARS) : input;
  const found: FoundTime[] = [];
  const taken: Array<[number, number]> = [];
  const free = (start: number, end: number) => taken.every(([a, b]) => end <= a || start >= b);
  const add = (match: RegExpMatchArray, time: Omit<FoundTime, 'index' | 'text'>) => {
    const index = match.index ?? 0;
    if (found.length >= MAX_TIMES_PER_LINE || !free(index, index + match[0].length)) return;
    const probe: WallTime = { year: time.year ?? 2000, month: time.month, day: time.day, hour: time.hour, minute: time.minute, second: time.second };
    if (!isValidWallTime(probe)) return;
    taken.push([index, index + match[0].length]);
    found.push({ index, text: match[0].trim(), ...time });
  };
  for (const m of line.matchAll(FULL)) {
    add(m, { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), hour: num(m[4]), minute: num(m[5]), second: num(m[6]), offsetMinutes: zoneMinutes(m[7]) });
  }
  for (const m of line.matchAll(MONTH_DAY)) {
    add(m, { month: Number(m[1]), day: Number(m[2]), hour: num(m[3]), minute: num(m[4]), second: num(m[5]) });
  }
  for (const m of line.matchAll(ENGLISH)) {
    let hour = num(m[4]);
    const meridiem = m[7]?.toLowerCase();
    if (hour !== undefined && meridiem === 'pm' && hour < 12) hour += 12;
    if (hour !== undefined && meridiem === 'am' && hour === 12) hour = 0;
    add(m, { year: num(m[3]), month: monthNumber(m[1]!), day: Number(m[2]), hour, minute: num(m[5]), second: num(m[6]), offsetMinutes: zoneMinutes(m[8]) });
  }
  for (const m of line.matchAll(ENGLISH_DMY)) {
    add(m, { year: Number(m[3]), month: monthNumber(m[2]!), day: Number(m[1]) });
  }
  return found.sort((a, b) => a.index - b.index);
}

/**
 * The year most full dates in the document carry; used for `7月31日`-style
 * dates. Undefined when the document writes no year at all.
 */
export function dominantYear(lines: readonly string[]): number | undefined {
  const counts = new Map<number, number>();
  for (const line of lines) {
    for (const time of findTimes(line)) if (time.year !== undefined) counts.set(time.year, (counts.get(time.year) ?? 0) + 1);
  }
  let best: number | undefined;
  for (const [year, count] of counts) if (best === undefined || count > (counts.get(best) ?? 0)) best = year;
  return best;
}

/** How a found time becomes an ISO string: the year to assume and the zone for times written without an offset. */
export interface TimeContext {
  year?: number;
  zone: string;
}

/** ISO 8601 with offset, or undefined when no year is known. Midnight when no clock time was written. */
export function toIsoTime(time: FoundTime, context: TimeContext): string | undefined {
  const year = time.year ?? context.year;
  if (year === undefined) return undefined;
  const wall: WallTime = { year, month: time.month, day: time.day, hour: time.hour ?? 0, minute: time.minute ?? 0, second: time.second ?? 0 };
  if (time.offsetMinutes !== undefined) {
    const iso = wallTimeToIso(wall, 'UTC');
    return iso.slice(0, 19) + formatOffset(time.offsetMinutes, 'Z');
  }
  return wallTimeToIso(wall, context.zone);
}

/** `YYYY-MM-DD` of a found time, or undefined when no year is known. */
export function toIsoDate(time: FoundTime, year?: number): string | undefined {
  const y = time.year ?? year;
  if (y === undefined) return undefined;
  return `${String(y).padStart(4, '0')}-${String(time.month).padStart(2, '0')}-${String(time.day).padStart(2, '0')}`;
}

const WINDOW = new RegExp(
  String.raw`^\s*(\d{4})\s?[-/.]\s?(\d{1,2})\s?[-/.]\s?(\d{1,2})\s{1,3}${TIME}\s{0,3}[~～至到–—-]\s{0,3}(?:(\d{4})\s?[-/.]\s?(\d{1,2})\s?[-/.]\s?(\d{1,2})\s{1,3})?${TIME}\s*$`,
);

/** A time window cell such as `2024/7/31 07:00:00~09:00:00`, as ISO start and end; undefined when the cell is not one. */
export function parseWindow(cell: string, zone: string): { start: string; end: string } | undefined {
  const m = WINDOW.exec(cell);
  if (!m) return undefined;
  const start: WallTime = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), hour: Number(m[4]), minute: Number(m[5]), second: Number(m[6] ?? 0) };
  const end: WallTime = m[7]
    ? { year: Number(m[7]), month: Number(m[8]), day: Number(m[9]), hour: Number(m[10]), minute: Number(m[11]), second: Number(m[12] ?? 0) }
    : { ...start, hour: Number(m[10]), minute: Number(m[11]), second: Number(m[12] ?? 0) };
  if (!isValidWallTime(start) || !isValidWallTime(end)) return undefined;
  const startIso = wallTimeToIso(start, zone);
  let endIso = wallTimeToIso(end, zone);
  // `23:00~01:00` on one date crosses midnight.
  if (!m[7] && Date.parse(endIso) <= Date.parse(startIso)) {
    const next = new Date(Date.UTC(end.year, end.month - 1, end.day + 1));
    endIso = wallTimeToIso({ ...end, year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() }, zone);
  }
  return { start: startIso, end: endIso };
}
