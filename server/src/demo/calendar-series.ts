import type { DemoAttendee, PresenceHint } from './demo-event';
import { teamCount, teamOf, type DemoOrg, type DemoPerson } from './org';
import { addDays, localDateAt, wallClockInstant, type DemoZone } from './time-zones';
import { workingDaysAround } from './working-hours';

/** A recurring meeting several mailboxes share; each attendee's calendar holds its occurrences. */
export interface SeriesSpec {
  key: string;
  subject: string;
  organizer: DemoPerson;
  attendees: readonly DemoPerson[];
  /** Graph attendee list, shared by every occurrence. */
  attendeeList: readonly DemoAttendee[];
  zone: DemoZone;
  /** 0 = Sunday … 6 = Saturday, on the organiser's wall clock. */
  daysOfWeek: readonly number[];
  /** 1 = weekly, 2 = every other week. */
  everyWeeks: 1 | 2;
  /** `HH:mm:ss` on the organiser's wall clock. */
  time: string;
  durationMinutes: number;
  hint: PresenceHint;
}

const MINUTE = 60_000;
const DAY = 86_400_000;
const MAX_SKIP_LEVEL = 8;

function attendeeList(people: readonly DemoPerson[]): DemoAttendee[] {
  return people.map((p) => ({ name: p.displayName, address: p.mail, type: 'required' as const }));
}

function addMinutes(time: string, minutes: number): string {
  const [h = 0, m = 0] = time.split(':').map(Number);
  const total = (((h * 60 + m + minutes) % 1440) + 1440) % 1440;
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}:00`;
}

/**
 * The organiser's wall-clock time that costs the attendees the fewest minutes outside their working
 * hours, on a day of the seed week: how a real team picks a slot across zones, leaving the evening
 * to someone when no slot suits everyone.
 */
function fairestTime(org: DemoOrg, organizer: DemoPerson, people: readonly DemoPerson[], weekday: number, durationMinutes: number): string {
  let memo = fairestMemo.get(org);
  if (!memo) {
    memo = new Map();
    fairestMemo.set(org, memo);
  }
  const key = `${organizer.index}|${people.map((p) => p.index).join(',')}|${weekday}|${durationMinutes}`;
  let time = memo.get(key);
  if (time === undefined) {
    time = computeFairestTime(org, organizer, people, weekday, durationMinutes);
    memo.set(key, time);
  }
  return time;
}

/** Chosen slots, shared by every calendar of the organisation that holds the series. */
const fairestMemo = new WeakMap<DemoOrg, Map<string, string>>();

function computeFairestTime(org: DemoOrg, organizer: DemoPerson, people: readonly DemoPerson[], weekday: number, durationMinutes: number): string {
  let date = localDateAt(organizer.zone, org.window.weekStart + 12 * 3_600_000);
  for (let i = 0; i < 7 && new Date(`${date}T00:00:00Z`).getUTCDay() !== weekday; i++) date = addDays(date, 1);
  // Each attendee's working days around that date, looked up once for all the candidate slots.
  const noon = wallClockInstant(organizer.zone, date, '12:00:00');
  const hours = people.map((p) => ({ weight: p === organizer ? 2 : 1, days: [...workingDaysAround(p, noon - DAY), ...workingDaysAround(p, noon + DAY)] }));
  let best = { time: '09:00:00', cost: Number.POSITIVE_INFINITY };
  for (let slot = 7 * 60; slot <= 20 * 60; slot += 30) {
    const time = addMinutes('00:00:00', slot);
    const start = wallClockInstant(organizer.zone, date, time);
    const end = start + durationMinutes * MINUTE;
    // The organiser's own evening counts double: people rarely book their own late meetings.
    const cost = hours.reduce((sum, h) => sum + outsideMinutes(h.days, start, end) * h.weight, 0);
    if (cost < best.cost) best = { time, cost };
  }
  return best.time;
}

/** Minutes of `[start, end)` outside the given working days (which may repeat). */
function outsideMinutes(days: Array<[number, number]>, start: number, end: number): number {
  const seen = new Set<number>();
  let inside = 0;
  for (const [s, e] of days) {
    if (seen.has(s)) continue;
    seen.add(s);
    inside += Math.max(0, Math.min(e, end) - Math.max(s, start));
  }
  return Math.round((end - start - inside) / MINUTE);
}

/** Every shared series `person` attends: team stand-up, 1:1s, the lead's 1:1 with the head, hand-offs. */
export function seriesFor(org: DemoOrg, person: DemoPerson): SeriesSpec[] {
  const series: SeriesSpec[] = [];
  const team = teamOf(org, person.teamIndex);
  const lead = team[0]!;
  const base = (key: string, subject: string, organizer: DemoPerson, attendees: DemoPerson[]) => ({
    key, subject, organizer, attendees, attendeeList: attendeeList(attendees), zone: organizer.zone,
  });

  if (team.length > 1) {
    series.push({ ...base(`standup/${person.teamIndex}`, 'Team stand-up', lead, team), daysOfWeek: lead.workingDays, everyWeeks: 1, time: addMinutes(lead.startTime, 30), durationMinutes: 15, hint: 'meeting' });
  }
  const oneOnOne = (manager: DemoPerson, report: DemoPerson, everyWeeks: 1 | 2, weekday: number, time?: string): SeriesSpec => ({
    ...base(`1on1/${manager.index}/${report.index}`, `${manager.givenName} / ${report.givenName} 1:1`, manager, [manager, report]),
    daysOfWeek: [weekday], everyWeeks, durationMinutes: 30, hint: 'call',
    time: time ?? fairestTime(org, manager, [manager, report], weekday, 30),
  });
  const reportWeekday = (p: DemoPerson) => 1 + (p.index % 4);
  const reportTime = (p: DemoPerson) => addMinutes(lead.startTime, 120 + 60 * (p.index % 3));
  if (person === lead) {
    for (const report of team.slice(1)) series.push(oneOnOne(lead, report, 1, reportWeekday(report), reportTime(report)));
  } else {
    series.push(oneOnOne(lead, person, 1, reportWeekday(person), reportTime(person)));
  }

  const head = org.people[0]!;
  // The head meets the first few leads every other week; a big organisation has more layers.
  const skipLevelTeams = Math.min(teamCount(org), 1 + MAX_SKIP_LEVEL);
  if (person === head) {
    for (let t = 1; t < skipLevelTeams; t++) series.push(oneOnOne(head, teamOf(org, t)[0]!, 2, 2 + (t % 3)));
  } else if (person === lead && person.teamIndex < skipLevelTeams) {
    series.push(oneOnOne(head, lead, 2, 2 + (person.teamIndex % 3)));
  }

  const teams = teamCount(org);
  const handoff = (t: number): SeriesSpec | undefined => {
    const next = (t + 1) % teams;
    if (teams < 2 || (teams === 2 && t === 1)) return undefined;
    const a = teamOf(org, t);
    const b = teamOf(org, next);
    const people = [a[0]!, b[0]!, ...(a[1] ? [a[1]] : []), ...(b[1] ? [b[1]] : [])];
    return { ...base(`handoff/${t}`, 'Follow-the-sun hand-off', a[0]!, people), daysOfWeek: [4], everyWeeks: 1, durationMinutes: 30, hint: 'meeting', time: fairestTime(org, a[0]!, people, 4, 30) };
  };
  for (const t of new Set([person.teamIndex, (person.teamIndex - 1 + teams) % teams])) {
    const h = handoff(t);
    if (h && h.attendees.includes(person)) series.push(h);
  }
  return series;
}
