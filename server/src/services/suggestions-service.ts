import type { RequestAuth } from '../auth/bearer';
import { suggest, type SuggestResult } from '../domain/suggestions/suggest';
import type { Suggestion } from '../domain/suggestions/suggestion-types';
import { zoneOrUtc } from '../domain/time/resolve-time-zone';
import type { Zone } from '../domain/time/zone';
import type { Interval } from '../domain/types';
import { transactionIdFor } from '../graph/events';
import { AppError } from '../plugins/errors';
import { suggestionStateRepository, type SuggestionState } from '../store/repositories/suggestion-state-repository';
import { quietWindowRepository } from '../store/repositories/quiet-window-repository';
import { everyId, type QuietChoice } from '../domain/suggestions/quiet-choices';
import { defaultWindow, loadPersonCalendar, personKey } from './person-calendar';
import type { ApiPorts } from './ports';
import { effectiveSettings, type EffectiveSettings } from './settings-service';
import type { ApiCaches } from './api-caches';
import { cachedQuietChoices, cachedSettings, cachedStates } from './person-data';

export interface SuggestionList extends SuggestResult {
  /** The zone the plan was made in (times are shown on its clock). */
  zone: Zone;
  /** Accepted blocks still to come, with their calendar event ids. */
  booked: SuggestionState[];
  /** The quiet windows the person turned on (once or every such evening/weekend). */
  quietChoices: QuietChoice[];
}

/** The caller's open suggestions for the next `days` working days, and the blocks they booked. */
export async function listSuggestions(ports: ApiPorts, cache: ApiCaches, auth: RequestAuth, days: number): Promise<SuggestionList> {
  const { result, states, quietChoices, zone } = await plan(ports, cache, auth, days);
  const now = ports.now().getTime();
  return { ...result, zone, booked: states.filter((s) => s.state === 'accepted' && s.end.getTime() > now), quietChoices };
}

interface Plan {
  result: SuggestResult;
  states: SuggestionState[];
  settings: EffectiveSettings;
  quietChoices: QuietChoice[];
  zone: Zone;
}

const MINUTE_MS = 60_000;

/**
 * Plans from the next whole minute, so one plan serves every request of that minute (nothing it
 * suggests starts before the real time) and repeated tab opens cost no recomputation.
 */
function plan(ports: ApiPorts, cache: ApiCaches, auth: RequestAuth, days: number): Promise<Plan> {
  const from = Math.ceil(ports.now().getTime() / MINUTE_MS) * MINUTE_MS;
  return cache.plans.get(personKey(auth), `${days}|${from}`, () => computePlan(ports, cache, auth, days, new Date(from))) as Promise<Plan>;
}

async function computePlan(ports: ApiPorts, cache: ApiCaches, auth: RequestAuth, days: number, now: Date): Promise<Plan> {
  const key = { tenantId: auth.caller.tenantId, userId: auth.caller.userId };
  const [{ person, data }, settings, states, quietChoices] = await Promise.all([
    loadPersonCalendar(ports, cache.tabData, auth, defaultWindow(now)),
    cachedSettings(ports, cache, key),
    cachedStates(ports, cache, key),
    cachedQuietChoices(ports, cache, key),
  ]);
  const zone = zoneOrUtc(person.workingHours.timeZone).zone;
  const result = suggest({
    person,
    events: data.events,
    preferences: settings.preferences,
    quietTime: settings.quietTime,
    now: now.getTime(),
    days,
    dismissedIds: states.filter((s) => s.state === 'dismissed').map((s) => s.suggestionId),
    blocks: states.filter((s) => s.state !== 'dismissed').map((s) => ({ start: s.start.getTime(), end: s.end.getTime() })),
    zone,
    quietChoices,
  });
  return { result, states, settings, quietChoices, zone };
}

/**
 * The horizons a suggestion id is looked for in when it is accepted or dismissed: the longest the
 * list offers, and the default, so an id the tab showed is found whatever `days` it asked for.
 */
const LOOKUP_HORIZONS = [10, 5, 1];
const MIN_ADJUSTED_MINUTES = 15;

export interface AcceptOutcome {
  /** `true` only for the call that booked the event; repeats answer with the same event. */
  created: boolean;
  eventId: string;
  suggestion: { id: string; kind: string; start: Date; end: Date };
}

/** Accepting quiet time turns a window on; no calendar event is created. */
export interface QuietWindowOutcome {
  created: boolean;
  choice: QuietChoice;
  suggestion: { id: string; kind: string; start: Date; end: Date };
}

export type QuietRepeat = QuietChoice['repeat'];

/**
 * Accepts a suggestion: books it as a calendar event, exactly once. The claim in the store and the
 * Graph `transactionId` (derived from the suggestion id) make a retried, doubled or concurrent
 * accept — on this instance or another, or after a crash between booking and recording — end with
 * one event and the same event id for every caller.
 */
export class SuggestionBooking {
  private readonly inFlight = new Map<string, Promise<AcceptOutcome>>();

  constructor(private readonly ports: ApiPorts, private readonly cache: ApiCaches) {}

  /**
   * Accepts a suggestion. A block is booked as a calendar event; quiet time is turned on as a
   * window (once unless `repeat` says every), and no event is created.
   */
  async accept(auth: RequestAuth, suggestionId: string, adjust?: { start: Date; end: Date }, repeat?: QuietRepeat): Promise<AcceptOutcome | QuietWindowOutcome> {
    if (repeat) return this.turnOnQuietWindow(auth, suggestionId, repeat);
    const flightKey = `${personKey(auth)}/${suggestionId}`;
    const running = this.inFlight.get(flightKey);
    if (running) return { ...(await running), created: false };
    const attempt = this.book(auth, suggestionId, adjust).finally(() => this.inFlight.delete(flightKey));
    this.inFlight.set(flightKey, attempt);
    try {
      return await attempt;
    } catch (error) {
      if (error instanceof QuietTimeIsAWindow) {
        if (adjust) throw new AppError('invalid_adjustment', ['Quiet time is a window, not a calendar block: it is turned on as it is, not moved.']);
        return this.turnOnQuietWindow(auth, suggestionId, 'once');
      }
      throw error;
    }
  }

  /**
   * Turns on the quiet window of a quiet-time suggestion — that one window, or every such
   * evening/weekend from it on. Creates no calendar event: quiet time is a window, not a meeting.
   * Repeating the call for a window already on answers with it (`created: false`).
   */
  async turnOnQuietWindow(auth: RequestAuth, suggestionId: string, repeat: QuietRepeat): Promise<QuietWindowOutcome> {
    const key = { tenantId: auth.caller.tenantId, userId: auth.caller.userId };
    const repo = quietWindowRepository(this.ports.store.db);
    const existing = (await repo.list(key)).find((c) => c.id === suggestionId);
    if (existing) return { created: false, choice: existing, suggestion: { id: suggestionId, kind: 'quiet-time', start: new Date(existing.start), end: new Date(existing.end ?? existing.start) } };
    const suggestion = await this.findOpen(auth, suggestionId);
    if (suggestion.kind !== 'quiet-time') throw new AppError('invalid_repeat');
    const kind = suggestion.reason === 'weekend' ? 'weekend' : 'evening';
    const choice: QuietChoice = repeat === 'every'
      ? { id: everyId(kind), repeat: 'every', kind, start: suggestion.start, end: null }
      : { id: suggestion.id, repeat: 'once', kind, start: suggestion.start, end: suggestion.end };
    const created = await repo.turnOn(key, choice, this.ports.now());
    this.cache.invalidatePerson(personKey(auth));
    return { created, choice, suggestion: { id: suggestion.id, kind: suggestion.kind, start: new Date(suggestion.start), end: new Date(suggestion.end) } };
  }

  /**
   * Undoes an accept: deletes the calendar event Unplug booked for the suggestion — only that event,
   * found by the id Unplug recorded — and forgets the booking, so the suggestion is open again.
   * An event already deleted in Outlook counts as gone.
   */
  async undo(auth: RequestAuth, suggestionId: string): Promise<{ eventDeleted: boolean }> {
    const key = { tenantId: auth.caller.tenantId, userId: auth.caller.userId };
    const states = suggestionStateRepository(this.ports.store.db);
    const state = await states.find(key, suggestionId);
    if (!state || state.state === 'dismissed') throw new AppError('booking_not_found', [suggestionId]);
    if (state.state === 'booking' || !state.eventId) throw new AppError('booking_in_progress');
    if (state.kind === 'quiet-time') throw new AppError('undo_not_supported');
    const { deleted } = await this.ports.graph.deleteBlockEvent(this.ports.personContext(auth), state.eventId);
    await states.forgetAccepted(key, suggestionId, state.eventId);
    this.cache.invalidatePerson(personKey(auth));
    return { eventDeleted: deleted };
  }

  /** Turns a quiet window (or a recurring choice) off. */
  async turnOffQuietWindow(auth: RequestAuth, id: string): Promise<void> {
    const key = { tenantId: auth.caller.tenantId, userId: auth.caller.userId };
    if (!(await quietWindowRepository(this.ports.store.db).turnOff(key, id))) {
      throw new AppError('quiet_window_not_found', [id]);
    }
    this.cache.invalidatePerson(personKey(auth));
  }

  async dismiss(auth: RequestAuth, suggestionId: string): Promise<void> {
    const key = { tenantId: auth.caller.tenantId, userId: auth.caller.userId };
    const states = suggestionStateRepository(this.ports.store.db);
    const existing = await states.find(key, suggestionId);
    if (existing?.state === 'dismissed') return;
    if (existing) throw new AppError('suggestion_booked', ['This suggestion is already booked in your calendar. Delete the event in Outlook to free the time.']);
    const suggestion = await this.findOpen(auth, suggestionId);
    const outcome = await states.dismiss(key, claimOf(suggestion, suggestion), this.ports.now());
    this.cache.invalidatePerson(personKey(auth));
    if (outcome !== 'dismissed') throw new AppError('suggestion_booked', ['This suggestion was booked in the meantime.']);
  }

  private async book(auth: RequestAuth, suggestionId: string, adjust?: { start: Date; end: Date }): Promise<AcceptOutcome> {
    const key = { tenantId: auth.caller.tenantId, userId: auth.caller.userId };
    const states = suggestionStateRepository(this.ports.store.db);
    let state = await states.find(key, suggestionId);
    let created = false;

    if (!state) {
      const suggestion = await this.findOpen(auth, suggestionId);
      if (suggestion.kind === 'quiet-time') throw new QuietTimeIsAWindow();
      const interval = adjust ? checkAdjustment(suggestion, adjust, this.ports.now()) : { start: suggestion.start, end: suggestion.end };
      created = await states.claimBooking(key, claimOf(suggestion, interval), this.ports.now());
      this.cache.invalidateSuggestions(personKey(auth));
      state = await states.find(key, suggestionId);
      if (!state) throw new AppError('suggestion_changed');
    }
    if (state.state === 'dismissed') throw new AppError('suggestion_dismissed');
    if (state.state === 'accepted' && state.eventId) return outcome(state, state.eventId, false);

    // `booking`: ours, or left by an attempt that died before recording the event. Either way the
    // same transactionId makes Graph answer with the one event.
    const settings = await effectiveSettings(this.ports.store, key);
    try {
      const { eventId } = await this.ports.graph.createBlockEvent(this.ports.personContext(auth), {
        start: state.start.getTime(),
        end: state.end.getTime(),
        subject: settings.preferences.blockSubject,
        showAs: settings.preferences.blockShowAs,
        transactionId: transactionIdFor(suggestionId),
      });
      await states.recordAccepted(key, suggestionId, eventId, this.ports.now());
      this.cache.invalidatePerson(personKey(auth));
      return outcome(state, eventId, created);
    } catch (error) {
      if (created) await states.releaseBooking(key, suggestionId).catch(() => {});
      this.cache.invalidateSuggestions(personKey(auth));
      throw error;
    }
  }

  private async findOpen(auth: RequestAuth, suggestionId: string): Promise<Suggestion> {
    for (const days of LOOKUP_HORIZONS) {
      const { result } = await plan(this.ports, this.cache, auth, days);
      const suggestion = result.suggestions.find((s) => s.id === suggestionId);
      if (suggestion) return suggestion;
    }
    throw new AppError('suggestion_not_found', [suggestionId]);
  }
}

/** Raised inside `book` so that `accept` turns the window on instead (quiet time books no event). */
class QuietTimeIsAWindow extends Error {}

function claimOf(suggestion: Suggestion, interval: Interval | { start: number; end: number }) {
  return { suggestionId: suggestion.id, kind: suggestion.kind, start: new Date(interval.start), end: new Date(interval.end) };
}

function outcome(state: SuggestionState, eventId: string, created: boolean): AcceptOutcome {
  return { created, eventId, suggestion: { id: state.suggestionId, kind: state.kind, start: state.start, end: state.end } };
}

/** An adjusted block must stay inside the free gap, start in the future, and last at least 15 minutes. */
function checkAdjustment(suggestion: Suggestion, adjust: { start: Date; end: Date }, now: Date): Interval {
  const start = adjust.start.getTime();
  const end = adjust.end.getTime();
  if (!(end > start)) throw new AppError('invalid_adjustment', ['"end" must be after "start".']);
  if ((end - start) / 60_000 < MIN_ADJUSTED_MINUTES) throw new AppError('invalid_adjustment', [`An adjusted block must last at least ${MIN_ADJUSTED_MINUTES} minutes.`]);
  if (start < now.getTime()) throw new AppError('invalid_adjustment', ['An adjusted block cannot start in the past.']);
  if (start < suggestion.gap.start || end > suggestion.gap.end) {
    throw new AppError('invalid_adjustment', [`The adjusted block must stay inside the free time from ${new Date(suggestion.gap.start).toISOString()} to ${new Date(suggestion.gap.end).toISOString()}.`]);
  }
  return { start, end };
}
