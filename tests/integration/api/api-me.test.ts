import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiHarness, type ApiHarness } from './api-harness';

describe('the caller’s own data', () => {
  let h: ApiHarness;
  let token: string;

  beforeAll(async () => {
    h = await startApiHarness();
    token = await h.tokenFor(h.people[0]!.id);
  });
  afterAll(() => h?.close());

  it('GET /api/me: the person, zone, working hours and settings', async () => {
    const res = await h.api(token, 'GET', '/api/me');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ userId: h.people[0]!.id, displayName: h.people[0]!.displayName });
    expect(res.body.timeZone.name).toMatch(/\//);
    expect(res.body.workingHours.daysOfWeek.length).toBeGreaterThan(0);
    expect(res.body.preferences.blockSubject).toBe('Unplugged');
  });

  it('a tab open costs one Graph request, and a second within the cache window none', async () => {
    const fresh = await h.tokenFor(h.people[1]!.id);
    const before = await h.stats();
    const [balance, suggestions] = await Promise.all([h.api(fresh, 'GET', '/api/me/balance'), h.api(fresh, 'GET', '/api/me/suggestions')]);
    expect(balance.status).toBe(200);
    expect(suggestions.status).toBe(200);
    const after = await h.stats();
    expect(after.graphRequests - before.graphRequests).toBe(1);
    // calendarView, the workingHours and timeZone settings, presence: four parts of one $batch.
    expect(after.graphSubRequests - before.graphSubRequests).toBe(4);
    await h.api(fresh, 'GET', '/api/me/balance');
    await h.api(fresh, 'GET', '/api/me');
    expect((await h.stats()).graphRequests).toBe(after.graphRequests);
  });

  it('GET /api/me/balance: this week, day by day, with totals and sources', async () => {
    const res = await h.api(token, 'GET', '/api/me/balance');
    expect(res.status).toBe(200);
    const { days, totals, sources, range, timeZone } = res.body;
    expect(days).toHaveLength(7);
    expect(days[0].dayOfWeek).toBe('monday');
    expect(range.from).toBe(days[0].date);
    expect(timeZone).toMatch(/\//);
    expect(sources).toEqual({ calendar: true, presence: false });
    for (const day of days) {
      expect(day.connectedMinutes + day.disconnectedMinutes + day.fragmentedMinutes).toBe(day.workingMinutes);
    }
    // Days run measured → in progress → planned, and the totals add up only what has happened.
    const order = { measured: 0, 'in-progress': 1, planned: 2 } as Record<string, number>;
    const states: number[] = days.map((d: { state: string }) => order[d.state]);
    expect(states.every((s) => s !== undefined)).toBe(true);
    expect(states).toEqual([...states].sort());
    expect(states.filter((s) => s === 1).length).toBeLessThanOrEqual(1);
    const happened = days.filter((d: { state: string }) => d.state !== 'planned');
    const sum = (k: string, list = happened) => list.reduce((n: number, d: Record<string, number>) => n + (d[k] ?? 0), 0);
    expect(totals.days).toBe(happened.length);
    expect(totals.meetingMinutes).toBe(sum('meetingMinutes'));
    expect(totals.connectedMinutes).toBe(sum('connectedMinutes'));
    expect(totals.disconnectedMinutes).toBe(sum('disconnectedMinutes'));
    expect(sum('meetingMinutes', days)).toBeGreaterThan(0);
  });

  it('GET /api/me/balance?from&to: a chosen range, and 400 for a bad one', async () => {
    const week = (await h.api(token, 'GET', '/api/me/balance')).body.range;
    const next = await h.api(token, 'GET', `/api/me/balance?from=${week.to}&to=${week.to}`);
    expect(next.status).toBe(200);
    expect(next.body.days.map((d: { date: string }) => d.date)).toEqual([week.to]);
    for (const query of ['from=2026-02-30&to=2026-03-01', 'from=2026-03-02&to=2026-03-01', 'from=2026-03-01', 'from=2026-01-01&to=2026-06-01', 'from=yesterday&to=today', 'week=1']) {
      const res = await h.api(token, 'GET', `/api/me/balance?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.error.code, query).toMatch(/invalid_/);
      expect(res.body.error.message.length, query).toBeGreaterThan(5);
    }
  });

  it('GET /api/me/trend: eight weeks, this one last and equal to this week\'s balance, and a streak', async () => {
    const [trend, balance] = await Promise.all([h.api(token, 'GET', '/api/me/trend'), h.api(token, 'GET', '/api/me/balance')]);
    expect(trend.status).toBe(200);
    const { weeks, streakWeeks } = trend.body;
    expect(weeks).toHaveLength(8);
    expect(weeks[7].weekStart).toBe(balance.body.range.from);
    expect(weeks.slice(0, 7).every((w: { inProgress: boolean }) => !w.inProgress)).toBe(true);
    const t = balance.body.totals;
    expect(weeks[7]).toMatchObject({
      disconnectedMinutes: t.disconnectedMinutes, workingMinutes: t.workingMinutes, afterHoursConnectedMinutes: t.afterHoursConnectedMinutes,
      targetDays: t.targetDays, targetDaysMet: t.targetDaysMet, disconnectedShare: t.balanceRatio,
    });
    for (let i = 1; i < 8; i += 1) expect(Date.parse(weeks[i].weekStart) - Date.parse(weeks[i - 1].weekStart)).toBe(7 * 86_400_000);
    expect(streakWeeks).toBeGreaterThanOrEqual(0);
    expect(streakWeeks).toBeLessThanOrEqual(8);
    expect((await h.api(token, 'GET', '/api/me/trend?weeks=20')).status).toBe(400);
  });

  it('preferences: read, change some fields, refuse bad values naming the field', async () => {
    expect((await h.api(token, 'GET', '/api/me/preferences')).body.minBlockMinutes).toBe(30);
    const saved = await h.api(token, 'PUT', '/api/me/preferences', { minBlockMinutes: 45, preferredTimeOfDay: 'morning' });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ minBlockMinutes: 45, preferredTimeOfDay: 'morning', maxBlockMinutes: 90 });
    expect((await h.api(token, 'GET', '/api/me/preferences')).body).toMatchObject({ minBlockMinutes: 45, preferredTimeOfDay: 'morning' });

    const crossed = await h.api(token, 'PUT', '/api/me/preferences', { maxBlockMinutes: 30 });
    expect(crossed.status).toBe(400);
    expect(crossed.body.error.code).toBe('invalid_settings');
    expect(crossed.body.error.fields[0].field).toBe('maxBlockMinutes');
    // The schema check names the field in words, as the domain's check does.
    const notNumber = await h.api(token, 'PUT', '/api/me/preferences', { minBlockMinutes: 'long' });
    expect(notNumber.status).toBe(400);
    expect(notNumber.body.error).toMatchObject({ code: 'invalid_request', fields: [{ field: 'minBlockMinutes', message: 'must be a whole number' }] });
    const tooLong = await h.api(token, 'PUT', '/api/me/preferences', { bufferMinutes: 61 });
    expect(tooLong.body.error.fields).toEqual([{ field: 'bufferMinutes', message: 'must be a whole number from 0 to 60' }]);
    const unknown = await h.api(token, 'PUT', '/api/me/preferences', { favouriteColour: 'green' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields).toEqual([{ field: 'favouriteColour', message: 'is not a known field' }]);
    const badLunch = await h.api(token, 'PUT', '/api/me/preferences', { lunch: { start: '12:00', end: '1 pm' } });
    expect(badLunch.body.error.fields).toEqual([{ field: 'lunch.end', message: 'must be a time as HH:mm, e.g. 12:30' }]);
    // One title limit: Graph's 255 characters for an event subject.
    expect((await h.api(token, 'PUT', '/api/me/preferences', { blockSubject: 'x'.repeat(255) })).status).toBe(200);
    expect((await h.api(token, 'PUT', '/api/me/preferences', { blockSubject: 'x'.repeat(256) })).body.error.fields).toEqual([{ field: 'blockSubject', message: 'must be 1 to 255 characters' }]);
    await h.api(token, 'PUT', '/api/me/preferences', { blockSubject: 'Unplugged' });
    expect((await h.api(token, 'PUT', '/api/me/preferences', { lunch: { start: '13:00', end: '12:00' } })).body.error.fields[0].field).toBe('lunch.end');
  });

  it('quiet time: read and change', async () => {
    expect((await h.api(token, 'GET', '/api/me/quiet-time')).body).toMatchObject({ enabled: true, weekends: true, autoStatus: false });
    const saved = await h.api(token, 'PUT', '/api/me/quiet-time', { autoStatus: true, statusMessage: 'Offline until {until}', preferredPresence: 'Away' });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ autoStatus: true, statusMessage: 'Offline until {until}', preferredPresence: 'Away', weekends: true });
    const invisible = await h.api(token, 'PUT', '/api/me/quiet-time', { preferredPresence: 'Invisible' });
    expect(invisible.status).toBe(400);
    expect(invisible.body.error.fields).toEqual([{ field: 'preferredPresence', message: 'must be one of: null, DoNotDisturb, Away, BeRightBack, Busy, Offline' }]);
    // The domain's own rule is reachable now that the schema allows an empty message.
    const empty = await h.api(token, 'PUT', '/api/me/quiet-time', { statusMessage: '' });
    expect(empty.body.error).toMatchObject({ code: 'invalid_settings', fields: [{ field: 'statusMessage', message: 'must not be empty while the automatic status is on' }] });
  });

  it('nudges: all off until turned on, changed one at a time, bad changes refused naming the field', async () => {
    expect((await h.api(token, 'GET', '/api/me/nudges')).body).toEqual({ startingSoon: false, longDay: false, weeklySummary: false, available: true, reason: null });
    const saved = await h.api(token, 'PUT', '/api/me/nudges', { longDay: true });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ startingSoon: false, longDay: true, weeklySummary: false, available: true });
    expect((await h.api(token, 'PUT', '/api/me/nudges', { weeklySummary: true })).body).toMatchObject({ longDay: true, weeklySummary: true });
    expect((await h.api(token, 'GET', '/api/me/nudges')).body).toMatchObject({ startingSoon: false, longDay: true, weeklySummary: true });

    const notBoolean = await h.api(token, 'PUT', '/api/me/nudges', { startingSoon: 'yes' });
    expect(notBoolean.status).toBe(400);
    expect(notBoolean.body.error.fields).toEqual([{ field: 'startingSoon', message: 'must be true or false' }]);
    const unknown = await h.api(token, 'PUT', '/api/me/nudges', { daily: true });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/additional properties/);
    expect(unknown.body.error.fields).toEqual([{ field: 'daily', message: 'is not a known field' }]);
    expect((await h.api(token, 'PUT', '/api/me/nudges', [true])).status).toBe(400);

    // Another person's choices are their own.
    const other = await h.tokenFor(h.people[1]!.id);
    expect((await h.api(other, 'GET', '/api/me/nudges')).body).toMatchObject({ startingSoon: false, longDay: false, weeklySummary: false });
    expect((await h.api(token, 'GET', '/api/me/nudges')).body.longDay).toBe(true);
  });

  it('export holds what is stored, and erase removes it', async () => {
    const exported = await h.api(token, 'GET', '/api/me/export');
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-disposition')).toContain('attachment');
    expect(exported.body.tables.preferences).toHaveLength(1);
    expect(exported.body.tables.balance_snapshot.length).toBeGreaterThan(0);
    expect(exported.body.tables.nudge_preference).toMatchObject([{ long_day: true, weekly_summary: true }]);
    expect(JSON.stringify(exported.body)).not.toMatch(/subject"\s*:\s*"(?!Unplugged)/i);

    const erased = await h.api(token, 'DELETE', '/api/me/data');
    expect(erased.status).toBe(200);
    expect(erased.body.erased.preferences).toBe(1);
    const after = await h.api(token, 'GET', '/api/me/export');
    for (const [table, rows] of Object.entries(after.body.tables)) expect(rows, table).toEqual([]);
    expect((await h.api(token, 'GET', '/api/me/preferences')).body.minBlockMinutes).toBe(30);
  });
});
