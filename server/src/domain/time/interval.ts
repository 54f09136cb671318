/**
 * Half-open intervals `[start, end)` of instants. A *normalised* list is sorted by start, holds no
 * empty interval, and no two of its intervals overlap or touch. `mergeIntervals` normalises any
 * list; the set operations take normalised lists and return normalised lists, so they chain.
 */
import type { Instant, Interval } from '../types';
import { MINUTE_MS } from './local-date';

/**
 * Whether two intervals share at least one instant. Touching intervals do not overlap, and an
 * empty interval overlaps nothing.
 * @example overlaps({ start: 0, end: 10 }, { start: 10, end: 20 }) // false
 */
export function overlaps(a: Interval, b: Interval): boolean {
  return a.start < b.end && b.start < a.end && a.start < a.end && b.start < b.end;
}

/** Whether `outer` contains every instant of `inner` (an empty `inner` is contained anywhere). */
export function contains(outer: Interval, inner: Interval): boolean {
  return inner.start >= inner.end || (outer.start <= inner.start && inner.end <= outer.end);
}

/** Milliseconds covered by a normalised list. */
export function totalMs(list: readonly Interval[]): number {
  let sum = 0;
  for (const i of list) sum += i.end - i.start;
  return sum;
}

/** Whole minutes between two instants, rounded to the nearest minute. */
export function minutesBetween(start: Instant, end: Instant): number {
  return Math.round((end - start) / MINUTE_MS);
}

/**
 * The union of any intervals as a normalised list: sorted, empty ones dropped, overlapping and
 * touching ones joined. The input is not modified.
 * @example mergeIntervals([{ start: 5, end: 9 }, { start: 0, end: 5 }, { start: 20, end: 20 }]) // [{ start: 0, end: 9 }]
 */
export function mergeIntervals(list: readonly Interval[]): Interval[] {
  let sorted = true;
  for (let k = 1; k < list.length && sorted; k += 1) sorted = (list[k - 1] as Interval).start <= (list[k] as Interval).start;
  const ordered = sorted ? list : list.length <= 48 ? insertionSorted(list) : list.slice().sort(byStart);
  const out: Interval[] = [];
  let current: Interval | undefined;
  for (const i of ordered) {
    if (!(i.end > i.start)) continue;
    if (current && i.start <= current.end) {
      if (i.end > current.end) current.end = i.end;
    } else {
      current = { start: i.start, end: i.end };
      out.push(current);
    }
  }
  return out;
}

function byStart(a: Interval, b: Interval): number {
  return a.start - b.start || a.end - b.end;
}

/** A sorted copy of a short list (a person's day has few intervals; this beats a comparator sort). */
function insertionSorted(list: readonly Interval[]): Interval[] {
  const out = list.slice();
  for (let i = 1; i < out.length; i += 1) {
    const x = out[i] as Interval;
    let j = i - 1;
    while (j >= 0 && byStart(out[j] as Interval, x) > 0) {
      out[j + 1] = out[j] as Interval;
      j -= 1;
    }
    out[j + 1] = x;
  }
  return out;
}

/** The union of two normalised lists (a linear merge, no sort). */
export function unionIntervals(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  if (a.length === 0) return b.slice();
  if (b.length === 0) return a.slice();
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  let current: Interval | undefined;
  while (i < a.length || j < b.length) {
    const ai = a[i];
    const bj = b[j];
    let next: Interval;
    if (ai && (!bj || ai.start <= bj.start)) {
      next = ai;
      i += 1;
    } else {
      next = bj as Interval;
      j += 1;
    }
    if (current && next.start <= current.end) {
      if (next.end > current.end) current.end = next.end;
    } else {
      current = { start: next.start, end: next.end };
      out.push(current);
    }
  }
  return out;
}

/**
 * The instants in both normalised lists.
 * @example intersectIntervals([{ start: 0, end: 10 }], [{ start: 5, end: 15 }]) // [{ start: 5, end: 10 }]
 */
export function intersectIntervals(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as Interval;
    const y = b[j] as Interval;
    const start = x.start > y.start ? x.start : y.start;
    const end = x.end < y.end ? x.end : y.end;
    if (start < end) out.push({ start, end });
    if (x.end < y.end) i += 1;
    else j += 1;
  }
  return out;
}

/**
 * The instants of normalised list `from` that are not in normalised list `remove`.
 * @example subtractIntervals([{ start: 0, end: 10 }], [{ start: 3, end: 5 }]) // [{ start: 0, end: 3 }, { start: 5, end: 10 }]
 */
export function subtractIntervals(from: readonly Interval[], remove: readonly Interval[]): Interval[] {
  if (remove.length === 0) return from.slice();
  const out: Interval[] = [];
  let j = 0;
  for (const f of from) {
    let start = f.start;
    while (j < remove.length && (remove[j] as Interval).end <= start) j += 1;
    let k = j;
    while (k < remove.length && start < f.end) {
      const r = remove[k] as Interval;
      if (r.start >= f.end) break;
      if (r.start > start) out.push({ start, end: r.start });
      if (r.end > start) start = r.end;
      k += 1;
    }
    if (start < f.end) out.push({ start, end: f.end });
  }
  return out;
}

/** First index in a normalised list whose interval ends after `instant` (binary search). */
function firstEndingAfter(list: readonly Interval[], instant: Instant): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((list[mid] as Interval).end <= instant) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The parts of a normalised list inside `window` (binary search, so cheap on long lists).
 * @example clipIntervals([{ start: 0, end: 10 }, { start: 20, end: 30 }], { start: 5, end: 25 }) // [{ start: 5, end: 10 }, { start: 20, end: 25 }]
 */
export function clipIntervals(list: readonly Interval[], window: Interval): Interval[] {
  const out: Interval[] = [];
  if (window.end <= window.start) return out;
  for (let k = firstEndingAfter(list, window.start); k < list.length; k += 1) {
    const i = list[k] as Interval;
    if (i.start >= window.end) break;
    out.push({ start: i.start > window.start ? i.start : window.start, end: i.end < window.end ? i.end : window.end });
  }
  return out;
}

/** Milliseconds of a normalised list inside `window`, without building the clipped list. */
export function msInside(list: readonly Interval[], window: Interval): number {
  let sum = 0;
  for (let k = firstEndingAfter(list, window.start); k < list.length; k += 1) {
    const i = list[k] as Interval;
    if (i.start >= window.end) break;
    sum += (i.end < window.end ? i.end : window.end) - (i.start > window.start ? i.start : window.start);
  }
  return sum > 0 ? sum : 0;
}

/** Milliseconds of a normalised list inside any interval of normalised list `windows`. */
export function msInsideAll(list: readonly Interval[], windows: readonly Interval[]): number {
  let sum = 0;
  for (const w of windows) sum += msInside(list, w);
  return sum;
}

/** Whether a normalised list has any instant inside `window`. */
export function anyOverlap(list: readonly Interval[], window: Interval): boolean {
  const k = firstEndingAfter(list, window.start);
  const i = list[k];
  return i !== undefined && i.start < window.end && window.start < window.end;
}

/** Each interval grown by `beforeMs` at its start and `afterMs` at its end, re-normalised. */
export function expandIntervals(list: readonly Interval[], beforeMs: number, afterMs: number = beforeMs): Interval[] {
  if (beforeMs === 0 && afterMs === 0) return list.slice();
  return mergeIntervals(list.map((i) => ({ start: i.start - beforeMs, end: i.end + afterMs })));
}
