/**
 * Figures as the balance table and charts show them: hours rounded so that rows add up to their
 * total, and chart axes with ticks a person reads at a glance (0.5 h or whole hours, never 0.38).
 */

/** Hours are shown to a tenth: 6 minutes. */
export const ROUNDING_MINUTES = 6;

/**
 * Minutes rounded to tenths of an hour so that the rounded rows add up to the rounded total of the
 * exact minutes (largest remainder: the rows closest to rounding up take the spare tenths).
 * @example rowsThatAddUp([20, 20, 20]) // { rows: [24, 18, 18], total: 60 } — 0.4 + 0.3 + 0.3 = 1 h
 */
export function rowsThatAddUp(minutes: readonly number[]): { rows: number[]; total: number } {
  const exact = minutes.reduce((a, b) => a + b, 0);
  const total = Math.round(exact / ROUNDING_MINUTES) * ROUNDING_MINUTES;
  const floors = minutes.map((m) => Math.floor(m / ROUNDING_MINUTES));
  let spare = total / ROUNDING_MINUTES - floors.reduce((a, b) => a + b, 0);
  const order = minutes
    .map((m, index) => ({ index, remainder: m / ROUNDING_MINUTES - Math.floor(m / ROUNDING_MINUTES) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  const units = floors.slice();
  for (const { index } of order) {
    if (spare <= 0) break;
    units[index] = (units[index] ?? 0) + 1;
    spare -= 1;
  }
  return { rows: units.map((u) => u * ROUNDING_MINUTES), total };
}

export interface HourAxis {
  /** The top of the axis, in hours. */
  max: number;
  /** Hours between ticks: 0.5, 1, 2 or a larger whole number. */
  step: number;
  /** Intervals between ticks (the chart's `yAxisTickCount`). */
  count: number;
}

/**
 * A y axis in hours for values up to `maxHours`, with at most about 6 ticks at 0.5 h, 1 h, 2 h …
 * steps.
 * @example niceHourAxis(1.5) // { max: 1.5, step: 0.5, count: 3 }
 * @example niceHourAxis(7.2) // { max: 8, step: 2, count: 4 }
 */
export function niceHourAxis(maxHours: number): HourAxis {
  const top = Number.isFinite(maxHours) && maxHours > 0 ? maxHours : 1;
  for (const step of [0.5, 1, 2, 3, 4, 6, 8, 12]) {
    const count = Math.max(1, Math.ceil(top / step - 1e-9));
    if (count <= 6) return { max: count * step, step, count };
  }
  const step = Math.ceil(top / 6);
  return { max: step * 6, step, count: 6 };
}

/** The tick values of an axis, for tests and for the chart's accessible description. */
export function axisTicks(axis: HourAxis): number[] {
  return Array.from({ length: axis.count + 1 }, (_, i) => Math.round(i * axis.step * 10) / 10);
}
