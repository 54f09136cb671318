import { describe, expect, it } from 'vitest';
import { decideEnd, decideStart, statusStep, type ObservedStatus, type StatusAssignment } from './decide-status';
import type { StatusWindow } from './status-windows';

const t = (hhmm: string) => Date.parse(`2026-03-02T${hhmm}:00Z`);
const block: StatusWindow = { start: t('14:00'), end: t('15:30'), kind: 'block' };
const ours = 'Unplugged until 15:30 — urgent? call me';
const assignment = (over: Partial<StatusAssignment> = {}): StatusAssignment => ({
  windowStart: block.start, windowEnd: block.end, message: ours, preferredPresence: null, state: 'set', ...over,
});
const observed = (message: string | null, availability: ObservedStatus['availability'] = 'Available'): ObservedStatus => ({ message, availability });

describe('statusStep', () => {
  it.each([
    ['nothing on, nothing of ours', t('13:00'), undefined, { step: 'idle' }],
    ['a window starts', t('14:00'), undefined, { step: 'start', window: block, previous: undefined }],
    ['the window was handled already', t('14:30'), assignment(), { step: 'idle' }],
    ['the person\'s own status was kept for it', t('14:30'), assignment({ state: 'left' }), { step: 'idle' }],
    ['a call for this window is in flight elsewhere', t('14:30'), assignment({ state: 'setting' }), { step: 'idle' }],
    ['ours outlived its window', t('15:30'), assignment(), { step: 'end', assignment: assignment() }],
    ['ours was cleared already', t('15:30'), assignment({ state: 'cleared' }), { step: 'idle' }],
  ])('%s', (_name, now, latest, expected) => {
    expect(statusStep([block], latest, now)).toEqual(expected);
  });

  it('moves from one window to the next, replacing our status', () => {
    const earlier = assignment({ windowStart: t('10:00'), windowEnd: t('11:00') });
    expect(statusStep([block], earlier, t('14:01'))).toEqual({ step: 'start', window: block, previous: earlier });
  });

  it('sets our presence session again before it lapses in a window longer than four hours', () => {
    const evening: StatusWindow = { start: t('14:00'), end: Date.parse('2026-03-03T07:00:00Z'), kind: 'evening' };
    const set = assignment({ windowStart: evening.start, windowEnd: evening.end, preferredPresence: 'Away', updatedAt: t('14:01') });
    expect(statusStep([evening], set, t('17:00'))).toEqual({ step: 'idle' });
    expect(statusStep([evening], set, t('17:41'))).toEqual({ step: 'refresh', window: evening, assignment: set });
    // Without a presence, or for a window the session covers, nothing to refresh.
    expect(statusStep([evening], { ...set, preferredPresence: null }, t('17:41'))).toEqual({ step: 'idle' });
    expect(statusStep([block], assignment({ preferredPresence: 'Away', updatedAt: t('14:00') }), t('15:29'))).toEqual({ step: 'idle' });
  });

  it('ends our status when its window disappeared (the block was removed)', () => {
    expect(statusStep([], assignment(), t('14:30'))).toEqual({ step: 'end', assignment: assignment() });
  });
});

describe('decideStart', () => {
  it('sets the message, expiring at the window end, with the chosen presence for the rest of the window', () => {
    expect(decideStart(block, ours, 'DoNotDisturb', observed(null), undefined, t('14:00'))).toEqual({
      action: 'set', message: ours, expiresAt: block.end, preferredPresence: 'DoNotDisturb', presenceMinutes: 90,
    });
    expect(decideStart(block, ours, null, observed(null), undefined, t('14:59'))).toMatchObject({ action: 'set', presenceMinutes: null });
  });

  it('never overwrites a status message the person set themselves', () => {
    expect(decideStart(block, ours, null, observed('At the dentist, back at 4'), undefined, t('14:00'))).toEqual({ action: 'leave', reason: 'own-status-message' });
  });

  it('replaces our own earlier message, whitespace aside', () => {
    const previous = assignment({ message: 'Unplugged until 11:00 — urgent? call me' });
    expect(decideStart(block, ours, null, observed('Unplugged until 11:00  — urgent? call me '), previous, t('14:00')).action).toBe('set');
  });
});

describe('decideEnd', () => {
  it.each([
    ['ours still shows: clear it', assignment(), observed(ours), { clearMessage: true, clearPresence: false }],
    ['the person changed it: leave theirs', assignment(), observed('Back tomorrow'), { clearMessage: false, clearPresence: false }],
    ['it expired on time: nothing to clear', assignment(), observed(null), { clearMessage: false, clearPresence: false }],
    ['we set a presence session: remove ours', assignment({ preferredPresence: 'DoNotDisturb' }), observed(ours, 'DoNotDisturb'), { clearMessage: true, clearPresence: true }],
    // Our session is ours alone: removing it never touches the presence the person chose, which showed over it.
    ['the person chose their own presence: remove only our session', assignment({ preferredPresence: 'DoNotDisturb' }), observed(null, 'Available'), { clearMessage: false, clearPresence: true }],
    ['no presence was set: nothing to remove', assignment(), observed(null, 'DoNotDisturb'), { clearMessage: false, clearPresence: false }],
  ])('%s', (_name, a, o, expected) => {
    expect(decideEnd(a, o)).toEqual(expected);
  });
});
