import { describe, expect, it } from 'vitest';
import { at, zoneFor } from '../testing/fixtures';
import { composeLongDay, composeStartingSoon, composeWeeklySummary, MAX_PREVIEW_LENGTH, weeklyTrend } from './compose-nudge';
import type { WeekFigures } from './nudge-types';

const sydney = zoneFor({ kind: 'iana', name: 'Australia/Sydney' });
const t = (local: string) => at(sydney, local);
const week = (weekStart: string, disconnected: number, more: Partial<WeekFigures> = {}): WeekFigures => ({
  weekStart, workingMinutes: 2400, connectedMinutes: 2400 - disconnected, disconnectedMinutes: disconnected, afterHoursConnectedMinutes: 0, targetDays: 5, targetDaysMet: 5, ...more,
});

describe('composeStartingSoon', () => {
  it('a block: its local times, leading to the suggestions', () => {
    const nudge = composeStartingSoon({ kind: 'starting-soon', date: '2026-03-02', window: { start: t('2026-03-02 15:30'), end: t('2026-03-02 16:30'), kind: 'block' } }, sydney);
    expect(nudge).toEqual({
      kind: 'starting-soon', date: '2026-03-02', target: 'suggestions',
      templateParameters: { what: 'Your disconnect block', time: '15:30' },
      previewText: 'Your disconnect block runs 15:30–16:30. Time to wrap up and unplug.',
    });
  });

  it('quiet time that ends another day names the weekday, leading to quiet time', () => {
    const nudge = composeStartingSoon({ kind: 'starting-soon', date: '2026-03-06', window: { start: t('2026-03-06 17:30'), end: t('2026-03-09 09:00'), kind: 'weekend' } }, sydney);
    expect(nudge.previewText).toBe('Your weekend quiet time runs 17:30–Mon 09:00. Time to wrap up and unplug.');
    expect(nudge.target).toBe('quiet-time');
  });
});

describe('composeLongDay', () => {
  const candidate = { kind: 'long-day' as const, date: '2026-03-03', shift: { start: t('2026-03-03 09:00'), end: t('2026-03-03 17:00') } };
  it.each([
    [undefined, undefined],
    [419, undefined],
    [420, 'Connected 7 h today. Tomorrow, protect 1 h 30 min offline: open Unplug to pick the time.'],
    [465, 'Connected 7 h 45 min today. Tomorrow, protect 1 h 30 min offline: open Unplug to pick the time.'],
  ])('%s connected minutes', (connected, text) => {
    expect(composeLongDay(candidate, connected, 90)?.previewText).toBe(text);
  });
});

describe('weekly summary', () => {
  const candidate = { kind: 'weekly-summary' as const, date: '2026-03-06', shift: { start: t('2026-03-06 09:00'), end: t('2026-03-06 17:00') }, weekStart: '2026-03-02' };

  it.each([
    ['no earlier weeks', [], 'no earlier weeks to compare yet'],
    ['one earlier week', [week('2026-02-23', 480)], 'up 10 points on the week before'],
    ['four weeks, this one lower', [840, 960, 960, 1080].map((d, i) => week(`2026-02-0${i + 1}`, d)), 'down 10 points on the last 4 weeks'],
    ['only the last four count', [480, 480, 480, 480, 2400].map((d, i) => week(`2026-02-0${i + 1}`, d)), 'up 10 points on the last 4 weeks'],
    ['within a point or so is steady', [week('2026-02-23', 710)], 'steady on the week before'],
  ])('trend: %s', (_name, earlier, expected) => {
    expect(weeklyTrend(week('2026-03-02', 720), earlier)).toBe(expected);
  });

  it('summarises the week with one suggestion, most pressing first', () => {
    const missed = composeWeeklySummary(candidate, week('2026-03-02', 720, { targetDaysMet: 3 }), [week('2026-02-23', 480)]);
    expect(missed).toEqual({
      kind: 'weekly-summary', date: '2026-03-06', target: 'balance',
      templateParameters: { share: '30%', trend: 'up 10 points on the week before' },
      previewText: 'Next week, book your blocks on Monday, before meetings fill the days. Offline 12 h (30%), target met 3 of 5 days.',
    });
    expect(composeWeeklySummary(candidate, week('2026-03-02', 720, { afterHoursConnectedMinutes: 150 }), [])?.previewText).toMatch(/^Next week, keep evenings free: 2 h 30 min was after hours\./);
    expect(composeWeeklySummary(candidate, week('2026-03-02', 720), [])?.previewText).toMatch(/^Keep the habit/);
  });

  it('nothing to summarise without a measured week', () => {
    expect(composeWeeklySummary(candidate, undefined, [])).toBeUndefined();
    expect(composeWeeklySummary(candidate, week('2026-03-02', 0, { workingMinutes: 0 }), [])).toBeUndefined();
  });

  it('keeps previews within what Teams shows', () => {
    const nudge = composeWeeklySummary(candidate, week('2026-03-02', 720, { afterHoursConnectedMinutes: 99_999, targetDaysMet: 5 }), []);
    expect(nudge?.previewText.length).toBeLessThanOrEqual(MAX_PREVIEW_LENGTH);
  });
});
