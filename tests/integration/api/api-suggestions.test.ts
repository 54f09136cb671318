import type { LocalClock, SuggestionsResponse } from '@unplug/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transactionIdFor } from '../../../server/src/graph/events';
import { suggestionStateRepository } from '../../../server/src/store/repositories/suggestion-state-repository';
import { openStore, type Store } from '../../../server/src/store/store';
import { startApiHarness, type ApiHarness } from './api-harness';

describe('suggestions: list, accept exactly once, dismiss', () => {
  let h: ApiHarness;
  let store: Store;
  let tokens: string[];

  beforeAll(async () => {
    store = await openStore({ dataDir: 'memory://' });
    h = await startApiHarness({ store });
    tokens = await Promise.all(h.people.slice(0, 4).map((p) => h.tokenFor(p.id)));
  });
  afterAll(async () => {
    await h?.close();
    await store?.close();
  });

  const openSuggestions = async (token: string) => {
    const res = await h.api(token, 'GET', '/api/me/suggestions?days=5');
    expect(res.status).toBe(200);
    return res.body as SuggestionsResponse;
  };
  const firstBlock = async (token: string) => {
    const list = await openSuggestions(token);
    const block = list.suggestions.find((s) => s.kind === 'disconnect-block') ?? list.suggestions[0];
    if (!block) throw new Error('the demo person has no suggestion');
    return block;
  };

  it('lists suggestions with UTC times, explanations and a gap', async () => {
    const list = await openSuggestions(tokens[0]!);
    expect(list.suggestions.length).toBeGreaterThan(0);
    for (const s of list.suggestions) {
      expect(s.start).toMatch(/Z$/);
      expect(Date.parse(s.end)).toBeGreaterThan(Date.parse(s.start));
      expect(Date.parse(s.gap.start)).toBeLessThanOrEqual(Date.parse(s.start));
      expect(s.explanation.length).toBeGreaterThan(10);
      // Each instant also on the person's clock, so the tab needs no zone rules: the local date
      // and time are the instant moved by the offset.
      const readings: [string, LocalClock][] = [[s.start, s.startLocal], [s.end, s.endLocal], [s.gap.start, s.gap.startLocal], [s.gap.end, s.gap.endLocal]];
      for (const [instant, local] of readings) {
        const shifted = new Date(Date.parse(instant) + local.offsetMinutes * 60_000).toISOString();
        expect(`${local.date}T${local.time}`).toBe(shifted.slice(0, 16));
      }
      expect(s.startLocal.date).toBe(s.date);
    }
    expect(Number.isInteger(list.timeZoneOffsetMinutes)).toBe(true);
  });

  it('books a suggestion once: 201, then 200 with the same event, one event in the calendar', async () => {
    const userId = h.people[0]!.id;
    const block = await firstBlock(tokens[0]!);
    const before = await h.unplugEvents(userId);
    const first = await h.api(tokens[0]!, 'POST', `/api/me/suggestions/${block.id}/accept`);
    expect(first.status).toBe(201);
    expect(first.body.suggestion).toMatchObject({ id: block.id, start: block.start, end: block.end, startLocal: block.startLocal, endLocal: block.endLocal });
    const again = await h.api(tokens[0]!, 'POST', `/api/me/suggestions/${block.id}/accept`);
    expect(again.status).toBe(200);
    expect(again.body.eventId).toBe(first.body.eventId);
    const after = await h.unplugEvents(userId);
    expect(after.length).toBe(before.length + 1);
    expect(after.map((e) => e.id)).toContain(first.body.eventId);

    const list = await openSuggestions(tokens[0]!);
    expect(list.suggestions.map((s) => s.id)).not.toContain(block.id);
    expect(list.booked).toContainEqual(expect.objectContaining({ id: block.id, eventId: first.body.eventId }));
  });

  it('ten concurrent accepts create one event and all answer the same event id', async () => {
    const userId = h.people[1]!.id;
    const block = await firstBlock(tokens[1]!);
    const before = await h.unplugEvents(userId);
    const answers = await Promise.all(Array.from({ length: 10 }, () => h.api(tokens[1]!, 'POST', `/api/me/suggestions/${block.id}/accept`)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    expect(new Set(answers.map((a) => a.body.eventId)).size).toBe(1);
    expect((await h.unplugEvents(userId)).length).toBe(before.length + 1);
  });

  it('holds with 30% of Graph calls failing 429/503', async () => {
    const userId = h.people[2]!.id;
    const block = await firstBlock(tokens[2]!);
    const before = await h.unplugEvents(userId);
    await h.setFaults({ rate429: 0.2, rate503: 0.1, retryAfterSeconds: 0 });
    try {
      const answers = await Promise.all(Array.from({ length: 10 }, () => h.api(tokens[2]!, 'POST', `/api/me/suggestions/${block.id}/accept`)));
      const ok = answers.filter((a) => a.status === 200 || a.status === 201);
      // A caller may be told Graph is busy (503 + Retry-After) if its retries ran out; none may get a second event.
      for (const a of answers) expect([200, 201, 503]).toContain(a.status);
      expect(ok.length).toBeGreaterThan(0);
      expect(new Set(ok.map((a) => a.body.eventId)).size).toBe(1);
    } finally {
      await h.setFaults({});
    }
    const retry = await h.api(tokens[2]!, 'POST', `/api/me/suggestions/${block.id}/accept`);
    expect([200, 201]).toContain(retry.status);
    expect((await h.unplugEvents(userId)).length).toBe(before.length + 1);
  });

  // Exchange answers a repeated transactionId with the event it made, or with ErrorDuplicateTransactionId.
  it.each([
    ['the existing event', 'existing', 3],
    ['ErrorDuplicateTransactionId', 'error', 9],
  ] as const)('finishes an accept that died after creating the event and before recording it (Graph answers %s)', async (_name, duplicateTransactionId, index) => {
    await h.setFaults({ duplicateTransactionId });
    const person = h.people[index]!;
    const token = await h.tokenFor(person.id);
    const block = await firstBlock(token);
    const key = { tenantId: JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()).tid as string, userId: person.id };
    // What a crashed accept leaves behind: the claim in the store, and the event in the calendar.
    await suggestionStateRepository(store.db).claimBooking(key, { suggestionId: block.id, kind: block.kind, start: new Date(block.start), end: new Date(block.end) }, new Date());
    const graphToken = await h.graphTokenFor(person.id);
    const created = await fetch(`${h.base}/demo/graph/v1.0/me/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${graphToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        subject: 'Unplugged', showAs: 'busy', isReminderOn: false, categories: ['Unplug'], transactionId: transactionIdFor(block.id),
        start: { dateTime: block.start.replace('Z', ''), timeZone: 'UTC' }, end: { dateTime: block.end.replace('Z', ''), timeZone: 'UTC' },
      }),
    });
    const event = await created.json() as { id: string };
    const before = await h.unplugEvents(person.id);

    const res = await h.api(token, 'POST', `/api/me/suggestions/${block.id}/accept`);
    await h.setFaults({ duplicateTransactionId: 'existing' });
    expect(res.status).toBe(200);
    expect(res.body.eventId).toBe(event.id);
    expect((await h.unplugEvents(person.id)).length).toBe(before.length);
    expect(await suggestionStateRepository(store.db).find(key, block.id)).toMatchObject({ state: 'accepted', eventId: event.id });
  });

  it('adjusts a block within its free gap and refuses it outside', async () => {
    const token = await h.tokenFor(h.people[4]!.id);
    const block = await firstBlock(token);
    const outside = await h.api(token, 'POST', `/api/me/suggestions/${block.id}/accept`, {
      start: new Date(Date.parse(block.gap.start) - 15 * 60_000).toISOString(), end: block.end,
    });
    expect(outside.status).toBe(400);
    expect(outside.body.error.code).toBe('invalid_adjustment');
    const backwards = await h.api(token, 'POST', `/api/me/suggestions/${block.id}/accept`, { start: block.end, end: block.start });
    expect(backwards.status).toBe(400);
    const unknownField = await h.api(token, 'POST', `/api/me/suggestions/${block.id}/accept`, { start: block.start, end: block.end, colour: 'red' });
    expect(unknownField.status).toBe(400);

    const shorter = { start: block.start, end: new Date(Date.parse(block.end) - 15 * 60_000).toISOString() };
    if (Date.parse(shorter.end) - Date.parse(shorter.start) >= 15 * 60_000) {
      const ok = await h.api(token, 'POST', `/api/me/suggestions/${block.id}/accept`, shorter);
      expect(ok.status).toBe(201);
      expect(ok.body.suggestion).toMatchObject(shorter);
    }
  });

  it('dismisses: 204, gone from the list, cannot then be accepted; unknown ids are 404', async () => {
    const token = await h.tokenFor(h.people[8]!.id);
    const block = await firstBlock(token);
    const res = await h.api(token, 'POST', `/api/me/suggestions/${block.id}/dismiss`);
    expect(res.status).toBe(204);
    expect((await openSuggestions(token)).suggestions.map((s) => s.id)).not.toContain(block.id);
    expect((await h.api(token, 'POST', `/api/me/suggestions/${block.id}/dismiss`)).status).toBe(204);
    const accept = await h.api(token, 'POST', `/api/me/suggestions/${block.id}/accept`);
    expect(accept.status).toBe(409);
    expect(accept.body.error.code).toBe('suggestion_dismissed');
    const unknown = await h.api(token, 'POST', '/api/me/suggestions/sg_0000000000000000/dismiss');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('suggestion_not_found');
  });

  it("never lets one person accept or dismiss another's suggestion", async () => {
    const theirs = await firstBlock(await h.tokenFor(h.people[6]!.id));
    const mine = await h.tokenFor(h.people[7]!.id);
    expect((await h.api(mine, 'POST', `/api/me/suggestions/${theirs.id}/accept`)).status).toBe(404);
    expect((await h.api(mine, 'POST', `/api/me/suggestions/${theirs.id}/dismiss`)).status).toBe(404);
  });

  it('turns quiet time on as a window: no calendar event, shown among the windows that are on, once or every evening/weekend, and off again', async () => {
    const person = h.people[9]!;
    const token = await h.tokenFor(person.id);
    const list = await openSuggestions(token);
    const quiet = list.suggestions.filter((s) => s.kind === 'quiet-time');
    expect(quiet.length, 'quiet-time suggestions for the next days').toBeGreaterThan(1);
    const [first, second] = quiet as [typeof quiet[0], typeof quiet[0]];
    const eventsBefore = await h.unplugEvents(person.id);
    const graphBefore = (await h.stats()).graphRequests;

    const once = await h.api(token, 'POST', `/api/me/suggestions/${first.id}/accept`, { repeat: 'once' });
    expect(once.status).toBe(201);
    expect(once.body.eventId).toBeUndefined();
    expect(once.body.quietWindow).toMatchObject({ id: first.id, repeat: 'once', start: first.start, end: first.end });
    // No Graph call at all (so no POST /me/events) and no new event in the calendar.
    expect((await h.stats()).graphRequests).toBe(graphBefore);
    expect(await h.unplugEvents(person.id)).toEqual(eventsBefore);
    expect((await h.api(token, 'POST', `/api/me/suggestions/${first.id}/accept`, { repeat: 'once' })).status).toBe(200);

    const after = await openSuggestions(token) as Awaited<ReturnType<typeof openSuggestions>> & { quietWindows: { choiceId: string; start: string; end: string }[]; quietChoices: { id: string }[] };
    expect(after.suggestions.map((s) => s.id)).not.toContain(first.id);
    expect(after.quietWindows).toContainEqual(expect.objectContaining({ choiceId: first.id, start: first.start, end: first.end }));
    expect(after.booked.map((b) => b.id)).not.toContain(first.id);

    // Every such window from the second one on; a block cannot be "repeated".
    const every = await h.api(token, 'POST', `/api/me/suggestions/${second.id}/accept`, { repeat: 'every' });
    expect(every.status).toBe(201);
    expect(every.body.quietWindow).toMatchObject({ repeat: 'every', end: null, id: expect.stringMatching(/^every-(evening|weekend)$/) });
    const withEvery = await h.api(token, 'GET', '/api/me/suggestions?days=5');
    expect(withEvery.body.quietWindows.filter((w: { choiceId: string }) => w.choiceId === every.body.quietWindow.id).length).toBeGreaterThan(0);
    expect(await h.unplugEvents(person.id)).toEqual(eventsBefore);
    const block = list.suggestions.find((s) => s.kind !== 'quiet-time');
    if (block) {
      const refused = await h.api(token, 'POST', `/api/me/suggestions/${block.id}/accept`, { repeat: 'every' });
      expect(refused.status).toBe(400);
      expect(refused.body.error.code).toBe('invalid_repeat');
    }
    expect((await h.api(token, 'POST', `/api/me/suggestions/${second.id}/accept`, { repeat: 'sometimes' })).status).toBe(400);

    // Off again: the window is gone and suggested again; an unknown id is 404.
    expect((await h.api(token, 'DELETE', `/api/me/quiet-windows/${first.id}`)).status).toBe(204);
    expect((await h.api(token, 'DELETE', `/api/me/quiet-windows/${every.body.quietWindow.id}`)).status).toBe(204);
    const off = await h.api(token, 'GET', '/api/me/suggestions?days=5');
    expect(off.body.quietWindows).toEqual([]);
    expect(off.body.suggestions.map((s: { id: string }) => s.id)).toContain(first.id);
    const missing = await h.api(token, 'DELETE', `/api/me/quiet-windows/${first.id}`);
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('quiet_window_not_found');
  });

  it('leaves quiet-time events booked by earlier versions alone', async () => {
    const person = h.people[10]!;
    const token = await h.tokenFor(person.id);
    const quiet = (await openSuggestions(token)).suggestions.find((s) => s.kind === 'quiet-time')!;
    const key = { tenantId: (await h.api(token, 'GET', '/api/me')).body.tenantId as string, userId: person.id };
    // As an earlier version recorded it: an accepted quiet-time suggestion with its calendar event.
    await suggestionStateRepository(store.db).claimBooking(key, { suggestionId: quiet.id, kind: 'quiet-time', start: new Date(quiet.start), end: new Date(quiet.end) }, new Date());
    await suggestionStateRepository(store.db).recordAccepted(key, quiet.id, 'old-quiet-event', new Date());
    const accepted = await h.api(token, 'POST', `/api/me/suggestions/${quiet.id}/accept`);
    expect(accepted.status).toBe(200);
    expect(accepted.body.eventId).toBe('old-quiet-event');
    expect(await suggestionStateRepository(store.db).find(key, quiet.id)).toMatchObject({ state: 'accepted', eventId: 'old-quiet-event' });
  });

  it('undoes an accept: deletes only the event Unplug booked, and the suggestion is open again', async () => {
    const person = h.people[11]!;
    const token = await h.tokenFor(person.id);
    const block = await firstBlock(token);
    const before = await h.unplugEvents(person.id);
    const accepted = await h.api(token, 'POST', `/api/me/suggestions/${block.id}/accept`);
    expect(accepted.status).toBe(201);
    expect((await h.unplugEvents(person.id)).length).toBe(before.length + 1);

    const undone = await h.api(token, 'POST', `/api/me/suggestions/${block.id}/undo`);
    expect(undone.status).toBe(200);
    expect(undone.body).toEqual({ eventDeleted: true });
    expect(await h.unplugEvents(person.id)).toEqual(before);
    const list = await openSuggestions(token);
    expect(list.booked.map((b) => b.id)).not.toContain(block.id);
    expect(list.suggestions.map((s) => s.id)).toContain(block.id);

    // Nothing booked any more: 404; someone else cannot undo it either.
    expect((await h.api(token, 'POST', `/api/me/suggestions/${block.id}/undo`)).body.error.code).toBe('booking_not_found');
    const again = await h.api(token, 'POST', `/api/me/suggestions/${block.id}/accept`);
    expect(again.status).toBe(201);
    const other = await h.tokenFor(h.people[5]!.id);
    expect((await h.api(other, 'POST', `/api/me/suggestions/${block.id}/undo`)).status).toBe(404);

    // Deleted in Outlook first: the undo still frees the suggestion and says the event was gone.
    const graphToken = await h.graphTokenFor(person.id);
    const removed = await fetch(`${h.base}/demo/graph/v1.0/me/events/${encodeURIComponent(again.body.eventId)}`, { method: 'DELETE', headers: { authorization: `Bearer ${graphToken}` } });
    expect(removed.status).toBe(204);
    const late = await h.api(token, 'POST', `/api/me/suggestions/${block.id}/undo`);
    expect(late.status).toBe(200);
    expect(late.body).toEqual({ eventDeleted: false });
  });
});
