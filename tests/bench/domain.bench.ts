/**
 * Domain core benchmark (issue 3): 10,000 synthetic person-weeks, about 30 events each, in mixed
 * zones (IANA, Windows-named, custom), through balance + suggestions on one core — measured
 * against `JSON.parse` of the same weeks as Graph calendarView payloads, in the same run.
 * Goal: the engine costs at most 2× the parse.
 *
 * `npm run bench -- domain`, or `node --import tsx tests/bench/domain.bench.ts [weeks]`.
 */
import os from 'node:os';
import { computeBalance } from '../../server/src/domain/balance/compute-balance';
import { prepareCalendar } from '../../server/src/domain/calendar/read-calendar';
import { DEFAULT_PREFERENCES, DEFAULT_QUIET_TIME } from '../../server/src/domain/defaults';
import { suggest } from '../../server/src/domain/suggestions/suggest';
import { addDays, fromEpochDay, toEpochDay } from '../../server/src/domain/time/local-date';
import { resolveTimeZone } from '../../server/src/domain/time/resolve-time-zone';
import type { Zone } from '../../server/src/domain/time/zone';
import { instantOf } from '../../server/src/domain/time/zone';
import type { CalendarEvent, Person, Preferences, ShowAs, TimeZoneRef } from '../../server/src/domain/types';

const WEEKS = Number(process.argv[2] ?? 10_000);

const ROUNDS = 7;

/** mulberry32: a small seeded PRNG, so every run benchmarks the same weeks. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
const random = prng(20_260_309);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
const chance = (p: number): boolean => random() < p;

const ZONES: TimeZoneRef[] = [
  { kind: 'windows', name: 'Pacific Standard Time' },
  { kind: 'windows', name: 'Eastern Standard Time' },
  { kind: 'windows', name: 'W. Europe Standard Time' },
  { kind: 'windows', name: 'GMT Standard Time' },
  { kind: 'windows', name: 'India Standard Time' },
  { kind: 'windows', name: 'AUS Eastern Standard Time' },
  { kind: 'iana', name: 'Asia/Tokyo' },
  { kind: 'iana', name: 'America/Sao_Paulo' },
  { kind: 'iana', name: 'Europe/Berlin' },
  {
    kind: 'custom',
    name: 'Customized Time Zone',
    custom: {
      bias: -200,
      standardOffset: { time: '02:00:00.0000000', dayOccurrence: 4, dayOfWeek: 'sunday', month: 5, year: 0 },
      daylightOffset: { time: '02:00:00.0000000', dayOccurrence: 2, dayOfWeek: 'sunday', month: 10, year: 0, daylightBias: -100 },
    },
  },
];
/** Mondays across 2026, DST weeks included. */
const MONDAYS = Array.from({ length: 52 }, (_, k) => fromEpochDay(toEpochDay('2026-01-05') + 7 * k));
const HOURS = [['08:00', '16:30'], ['09:00', '17:00'], ['09:00', '17:30'], ['10:00', '18:00'], ['07:30', '15:30']] as const;
const ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Graph event ids are ~150-character base64 strings. */
function graphId(): string {
  let id = 'AAMkAGI2TG93AAA=';
  for (let k = 0; k < 136; k += 1) id += ID_CHARS[Math.floor(random() * ID_CHARS.length)];
  return `${id}=`;
}

interface Week {
  person: Person;
  zone: Zone;
  monday: string;
  events: CalendarEvent[];
  /** The same events as Graph's calendarView JSON (Prefer: outlook.timezone="UTC"). */
  payload: string;
}

const utcDateTime = (t: number): string => `${new Date(t).toISOString().slice(0, 19)}.0000000`;

function makeWeek(k: number): Week {
  const timeZone = pick(ZONES);
  const r = resolveTimeZone(timeZone);
  if (!r.ok) throw new Error(r.error.message);
  const zone = r.zone;
  const [startTime, endTime] = pick(HOURS);
  const person: Person = {
    tenantId: 'bench-tenant', userId: `user-${k}`, displayName: 'Bench', workingHours: { daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'], startTime, endTime, timeZone },
  };
  const monday = pick(MONDAYS);
  const events: CalendarEvent[] = [];
  const graph: unknown[] = [];
  const add = (start: number, end: number, showAs: ShowAs, options: { allDay?: { startDate: string; endDate: string }; cancelled?: boolean; declined?: boolean; unplug?: boolean } = {}) => {
    const id = graphId();
    const response = options.declined ? 'declined' : pick(['accepted', 'accepted', 'organizer', 'tentativelyAccepted', 'none'] as const);
    events.push({ id, start, end, showAs, isCancelled: options.cancelled ?? false, response, isUnplugBlock: options.unplug ?? false, ...(options.allDay ? { allDay: options.allDay } : {}) });
    graph.push({
      '@odata.etag': `W/"${graphId().slice(0, 28)}=="`,
      id,
      start: { dateTime: options.allDay ? `${options.allDay.startDate}T00:00:00.0000000` : utcDateTime(start), timeZone: 'UTC' },
      end: { dateTime: options.allDay ? `${options.allDay.endDate}T00:00:00.0000000` : utcDateTime(end), timeZone: 'UTC' },
      showAs,
      isAllDay: options.allDay !== undefined,
      isCancelled: options.cancelled ?? false,
      responseStatus: { response, time: '0001-01-01T00:00:00Z' },
      categories: options.unplug ? ['Unplug'] : chance(0.2) ? ['Blue category'] : [],
    });
  };
  const local = (date: string, minutes: number) => instantOf(date, `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`, zone);
  const oofDay = chance(0.1) ? Math.floor(random() * 5) : -1;
  for (let d = 0; d < 5; d += 1) {
    const date = addDays(monday, d);
    if (d === oofDay) {
      add(local(date, 0), local(addDays(date, 1), 0), 'oof', { allDay: { startDate: date, endDate: addDays(date, 1) } });
      continue;
    }
    add(local(date, 9 * 60 + 30), local(date, 9 * 60 + 45), 'busy'); // stand-up
    const meetings = 3 + Math.floor(random() * 4);
    for (let m = 0; m < meetings; m += 1) {
      const start = 8 * 60 + 15 * Math.floor(random() * 40);
      const length = pick([15, 30, 30, 30, 45, 60, 60, 90, 120]);
      add(local(date, start), local(date, start + length), pick<ShowAs>(['busy', 'busy', 'busy', 'tentative', 'free', 'oof', 'workingElsewhere']), { cancelled: chance(0.05), declined: chance(0.08) });
    }
    if (chance(0.25)) add(local(date, 19 * 60), local(date, 20 * 60), 'busy'); // an evening call
    if (chance(0.3)) add(local(date, 14 * 60), local(date, 15 * 60), 'busy', { unplug: true });
  }
  const payload = JSON.stringify({ '@odata.context': "https://graph.microsoft.com/v1.0/$metadata#users('bench')/calendarView(id,start,end,showAs,isAllDay,isCancelled,responseStatus,categories)", value: graph });
  return { person, zone, monday, events, payload };
}

const preferences: Preferences = { ...DEFAULT_PREFERENCES, preferredTimeOfDay: 'afternoon' };

function parseAll(weeks: readonly Week[]): number {
  let n = 0;
  for (const w of weeks) n += (JSON.parse(w.payload) as { value: unknown[] }).value.length;
  return n;
}

/**
 * The week through the engine as the tab's service runs it: the calendar read once
 * (`prepareCalendar`), then the balance and the suggestions. `separate` reads it in each.
 */
function engineAll(weeks: readonly Week[], what: 'both' | 'separate' | 'balance' | 'suggest' = 'both'): number {
  let n = 0;
  for (const w of weeks) {
    const prepared = what === 'both' ? prepareCalendar(w.person, w.events) : undefined;
    if (what !== 'suggest') {
      const b = computeBalance({ person: w.person, events: w.events, preferences, range: { from: w.monday, to: addDays(w.monday, 6) }, now: Date.UTC(2100, 0, 1), prepared });
      n += b.totals.connectedMinutes;
    }
    if (what !== 'balance') {
      const now = instantOf(w.monday, '07:00', w.zone);
      const s = suggest({ person: w.person, events: w.events, preferences, quietTime: DEFAULT_QUIET_TIME, now, days: 5, prepared });
      n += s.suggestions.length;
    }
  }
  return n;
}

/** CPU time (user + system) in ms since `since`. */
function cpuMsSince(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

/**
 * The cost of a phase in CPU time (user + system), not wall time: these machines are shared, and a
 * phase that waits for a core has not cost more. Garbage is collected as it naturally would be
 * (forced full collections between phases made the engine measure ~2.5× slower than it runs: they
 * age and flush compiled code and shrink the young generation); the rounds alternate which phase
 * goes first, so what one phase leaves for the collector falls on either side equally often.
 */
function time(fn: () => number): { ms: number; wallMs: number; result: number } {
  const cpu = process.cpuUsage();
  const wall = process.hrtime.bigint();
  const result = fn();
  return { ms: cpuMsSince(cpu), wallMs: Number(process.hrtime.bigint() - wall) / 1e6, result };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

const generatedAt = process.hrtime.bigint();
const weeks: Week[] = Array.from({ length: WEEKS }, (_, k) => makeWeek(k));
const generated = { ms: Number(process.hrtime.bigint() - generatedAt) / 1e6 };
const events = weeks.reduce((s, w) => s + w.events.length, 0);
const bytes = weeks.reduce((s, w) => s + w.payload.length, 0);
console.log(`person-weeks: ${weeks.length}, events: ${events} (${(events / weeks.length).toFixed(1)} a week), zones: ${ZONES.length}, Graph JSON: ${(bytes / 2 ** 20).toFixed(1)} MiB (generated in ${(generated.ms / 1000).toFixed(1)} s)`);

// Warm-up: JIT, and each zone's offset transitions for the year.
parseAll(weeks.slice(0, 2000));
engineAll(weeks.slice(0, 2000));

// Rounds alternate parse and engine, so both see the same machine load; the ratio is taken per
// round (the two runs next to each other) and its median reported.
const parse: number[] = [];
const engine: number[] = [];
const ratios: number[] = [];
const wallRatios: number[] = [];
let results = 0;
for (let round = 0; round < ROUNDS; round += 1) {
  const parseFirst = round % 2 === 0;
  const p1 = parseFirst ? time(() => parseAll(weeks)) : undefined;
  const e = time(() => engineAll(weeks));
  const p = p1 ?? time(() => parseAll(weeks));
  parse.push(p.ms);
  engine.push(e.ms);
  ratios.push(e.ms / p.ms);
  wallRatios.push(e.wallMs / p.wallMs);
  results = e.result;
}
const separate = median([0, 1, 2].map(() => time(() => engineAll(weeks, 'separate')).ms));
const balanceOnly = median([0, 1, 2].map(() => time(() => engineAll(weeks, 'balance')).ms));
const suggestOnly = median([0, 1, 2].map(() => time(() => engineAll(weeks, 'suggest')).ms));

const parseMs = median(parse);
const engineMs = median(engine);
const ratio = median(ratios);
const rate = (ms: number) => Math.round((weeks.length / ms) * 1000).toLocaleString('en-US');
console.log(`JSON.parse of the calendarView payloads: ${parseMs.toFixed(0)} ms CPU → ${rate(parseMs)} person-weeks/s (median of ${ROUNDS})`);
console.log(`balance + suggestions:                  ${engineMs.toFixed(0)} ms CPU → ${rate(engineMs)} person-weeks/s (median of ${ROUNDS}; ${results > 0 ? 'non-empty results' : 'NO RESULTS'})`);
console.log(`  measured apart: balance alone ${balanceOnly.toFixed(0)} ms, suggestions alone ${suggestOnly.toFixed(0)} ms, both without sharing the calendar reading ${separate.toFixed(0)} ms CPU`);
console.log(`ratio engine / parse: ${ratio.toFixed(2)}× CPU (per round: ${ratios.map((r) => r.toFixed(2)).join(', ')}; wall-clock ${median(wallRatios).toFixed(2)}×; goal ≤ 2×) — ${ratio <= 2 ? 'met' : 'NOT met'}`);
console.log(`load average while running: ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} cores`);
