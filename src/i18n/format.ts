/** Date, time, duration and number formatting per UI language. */
import { formatOffset, zoneOffsetMinutes } from '../schema/time-zone.ts';
import { LOCALES, type Lang } from './lang.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** How many units a duration shows at most, e.g. `3 h 8 min` rather than `3 h 8 min 12 s`. */
export const DURATION_PARTS = 2;

const UNITS: Record<Lang, { d: string; h: string; min: string; s: string; sep: string }> = {
  en: { d: ' d', h: ' h', min: ' min', s: ' s', sep: ' ' },
  zh: { d: ' 天', h: ' 小时', min: ' 分钟', s: ' 秒', sep: ' ' },
};

/** A duration in milliseconds as e.g. `3 h 8 min` / `3 小时 8 分钟`; negative values get a minus sign. */
export function formatDuration(ms: number, lang: Lang): string {
  const units = UNITS[lang];
  const sign = ms < 0 ? '−' : '';
  let rest = Math.abs(ms);
  if (rest < MINUTE) return `${sign}${Math.round(rest / 1000)}${units.s}`;
  const parts: string[] = [];
  for (const [size, unit] of [
    [DAY, units.d],
    [HOUR, units.h],
    [MINUTE, units.min],
  ] as const) {
    const count = Math.floor(rest / size);
    rest -= count * size;
    if (count > 0) parts.push(`${count}${unit}`);
  }
  return sign + parts.slice(0, DURATION_PARTS).join(units.sep);
}

/**
 * One formatter per locale and options: making an `Intl.DateTimeFormat` costs
 * far more than formatting with it, and a large library's build formats tens
 * of thousands of dates.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let made = formatters.get(key);
  if (!made) formatters.set(key, (made = new Intl.DateTimeFormat(locale, options)));
  return made;
}

/** A calendar day (`YYYY-MM-DD`) in the UI language, e.g. `31 Jul 2024` / `2024年7月31日`. */
export function formatDay(day: string, lang: Lang): string {
  const date = new Date(`${day}T00:00:00Z`);
  return formatter(LOCALES[lang], { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** Offset of `zone` at `date`, as `UTC+08:00` (`UTC` for zero). */
export function zoneOffset(date: Date, zone: string): string {
  return `UTC${formatOffset(zoneOffsetMinutes(zone, date.getTime()), '')}`;
}

function wallClock(date: Date, zone: string): { day: string; time: string } {
  const parts = Object.fromEntries(
    formatter('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return { day: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/** A moment in the record's zone: `2024-07-31 07:38 UTC+08:00`, unambiguous in both languages. */
export function formatMoment(date: Date, zone: string): string {
  const { day, time } = wallClock(date, zone);
  return `${day} ${time} ${zoneOffset(date, zone)}`;
}

/** Day and time parts of a moment in the record's zone, for the timeline's compact display. */
export function momentParts(date: Date, zone: string): { day: string; time: string; offset: string } {
  return { ...wallClock(date, zone), offset: zoneOffset(date, zone) };
}

/** A number with the UI language's grouping, e.g. `94,969`. */
export function formatNumber(value: number, lang: Lang, decimals = 0): string {
  return new Intl.NumberFormat(LOCALES[lang], { minimumFractionDigits: Math.min(decimals, 6), maximumFractionDigits: 6 }).format(value);
}
