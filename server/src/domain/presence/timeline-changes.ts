/**
 * The presence timeline keeps state *changes*, not samples: each person has at most one open
 * interval (their current state); a sample that differs closes it and opens the next. Graph keeps
 * no presence history, so this is the only record of it.
 */
import type { Availability, Instant } from '../types';
import { DAY_MS } from '../time/local-date';

/** A person's current (open) interval as stored. */
export interface OpenPresence {
  /** The stored row, to close it. */
  id: string;
  userId: string;
  availability: Availability;
  activity: string;
  start: Instant;
}

/** What Graph said about one person at one instant. */
export interface PresenceSample {
  userId: string;
  availability: Availability;
  activity: string;
}

export interface TimelineChange {
  userId: string;
  /** The open interval to end at `at`, if there is one. */
  close?: { id: string; end: Instant };
  /** The interval to open from `at`. */
  open: { availability: Availability; activity: string; start: Instant };
}

/**
 * The changes a batch of samples taken at `at` makes to the timeline. A sample equal to the
 * current state changes nothing; a sample older than the current interval's start is stale (a
 * poll and a notification overtook each other) and is dropped; for a person sampled twice the
 * last sample wins.
 * @example
 * timelineChanges([{ id: '7', userId: 'ada', availability: 'Available', activity: 'Available', start: t0 }],
 *   [{ userId: 'ada', availability: 'Away', activity: 'Away' }], t1)
 * // [{ userId: 'ada', close: { id: '7', end: t1 }, open: { availability: 'Away', activity: 'Away', start: t1 } }]
 */
export function timelineChanges(open: readonly OpenPresence[], samples: readonly PresenceSample[], at: Instant): TimelineChange[] {
  const current = new Map(open.map((o) => [o.userId, o]));
  const latest = new Map(samples.map((s) => [s.userId, s]));
  const changes: TimelineChange[] = [];
  for (const sample of latest.values()) {
    const now = current.get(sample.userId);
    const next = { availability: sample.availability, activity: sample.activity, start: at };
    if (!now) {
      changes.push({ userId: sample.userId, open: next });
      continue;
    }
    if (at <= now.start) continue;
    if (now.availability === sample.availability && now.activity === sample.activity) continue;
    changes.push({ userId: sample.userId, close: { id: now.id, end: at }, open: next });
  }
  return changes;
}

/**
 * Intervals that ended before this instant are deleted (the org's `presenceRetentionDays`, at
 * least one day). An open interval is never deleted: it is the person's current state.
 */
export function retentionCutoff(now: Instant, retentionDays: number): Instant {
  return now - Math.max(1, Math.floor(retentionDays)) * DAY_MS;
}
