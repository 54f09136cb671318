/**
 * Numbers, durations and calendar dates in the Teams locale (Intl only; no machine zone involved).
 * Times of day live in `plan-clock.ts`: the server sends them on the person's clock.
 */

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}\u0000${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(safeLocale(locale), options);
    numberFormats.set(key, format);
  }
  return format;
}

/** The locale as Intl accepts it (Teams sends e.g. `en-us`); falls back to `en-US` if unusable. */
export function safeLocale(locale: string): string {
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? 'en-US';
  } catch {
    return 'en-US';
  }
}

/**
 * Minutes as hours with at most one decimal, e.g. `7.5 hr` (en-US), `7,5 Std.` (de-DE).
 * @example formatHours(450, 'en-US') // '7.5 hr'
 */
export function formatHours(minutes: number, locale: string): string {
  return numberFormat(locale, { style: 'unit', unit: 'hour', unitDisplay: 'short', maximumFractionDigits: 1 }).format(minutes / 60);
}

/** Minutes as hours, the bare number (for chart axes and data). */
export function hoursOf(minutes: number): number {
  return Math.round((minutes / 60) * 10) / 10;
}

/**
 * A duration as hours and minutes, e.g. `45 min`, `2 hr`, `1 hr 30 min` (en-US).
 * @example formatDuration(90, 'en-US') // '1 hr 30 min'
 */
export function formatDuration(minutes: number, locale: string): string {
  const whole = Math.round(minutes);
  const hours = Math.floor(whole / 60);
  const rest = whole % 60;
  const h = numberFormat(locale, { style: 'unit', unit: 'hour', unitDisplay: 'short' });
  const m = numberFormat(locale, { style: 'unit', unit: 'minute', unitDisplay: 'short' });
  if (hours === 0) return m.format(rest);
  return rest === 0 ? h.format(hours) : `${h.format(hours)} ${m.format(rest)}`;
}

/** A share (0…1) as a percentage, e.g. `42%`. */
export function formatPercent(ratio: number, locale: string): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(ratio);
}

export function formatCount(value: number, locale: string): string {
  return numberFormat(locale, { maximumFractionDigits: 0 }).format(value);
}

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Epoch milliseconds of a `YYYY-MM-DD` calendar date at 00:00 UTC (a label, not an instant). */
export function utcMidnightOf(date: string): number {
  const match = LOCAL_DATE.exec(date);
  if (!match) throw new RangeError(`not a calendar date: ${date}`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

/** `YYYY-MM-DD` plus `days` (negative to go back). */
export function addDays(date: string, days: number): string {
  return new Date(utcMidnightOf(date) + days * 86_400_000).toISOString().slice(0, 10);
}

export type DateStyle = 'weekday' | 'short' | 'long' | 'range';

const DATE_OPTIONS: Record<Exclude<DateStyle, 'range'>, Intl.DateTimeFormatOptions> = {
  weekday: { weekday: 'short' },
  short: { weekday: 'short', day: 'numeric', month: 'short' },
  long: { weekday: 'long', day: 'numeric', month: 'long' },
};

/**
 * A calendar date (no zone: it is already the person's local date) in the locale.
 * @example formatDate('2025-03-03', 'en-US', 'short') // 'Mon, Mar 3'
 */
export function formatDate(date: string, locale: string, style: Exclude<DateStyle, 'range'> = 'short'): string {
  return new Intl.DateTimeFormat(safeLocale(locale), { ...DATE_OPTIONS[style], timeZone: 'UTC' }).format(utcMidnightOf(date));
}

/** A range of calendar dates, e.g. `Mar 3 – 9, 2025`. */
export function formatDateRange(from: string, to: string, locale: string): string {
  const format = new Intl.DateTimeFormat(safeLocale(locale), { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  return format.formatRange(utcMidnightOf(from), utcMidnightOf(to));
}

/** A list in the locale's words, e.g. `Mon, Tue, and Wed`. */
export function formatList(items: string[], locale: string): string {
  return new Intl.ListFormat(safeLocale(locale), { style: 'long', type: 'conjunction' }).format(items);
}
