import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { AcceptRequest, AcceptResponse, ChoiceParams, DEFAULT_SUGGESTION_DAYS, errorResponses, NoContent, SuggestionId, SuggestionsQuery, SuggestionsResponse, UndoResponse } from '@unplug/contract';
import type { FastifyInstance } from 'fastify';
import { requestAuth } from '../../auth/bearer';
import { AppError } from '../../plugins/errors';
import type { SuggestResult } from '../../domain/suggestions/suggest';
import { listSuggestions } from '../../services/suggestions-service';
import type { QuietChoice } from '../../domain/suggestions/quiet-choices';
import type { ApiContext } from '../api';
import { localClockOf, type Zone } from '../../domain/time/zone';
import { personZone } from '../../services/person-calendar';

const iso = (ms: number | Date) => new Date(ms).toISOString();

/**
 * The answer's form of a plan's suggestions and warnings, made once per plan: a plan serves every
 * request of its minute (see `listSuggestions`), and mapping its instants to text for each request
 * cost about 4 % of the route's time. Keyed by the plan's own arrays, so it goes with the plan.
 */
function memoized<T extends object, R>(map: (value: T, zone: Zone) => R): (value: T, zone: Zone) => R {
  // The zone is the plan's own: one list, one zone.
  const done = new WeakMap<T, R>();
  return (value, zone) => {
    let mapped = done.get(value);
    if (mapped === undefined) {
      mapped = map(value, zone);
      done.set(value, mapped);
    }
    return mapped;
  };
}

/** Start and end as instants and on the person's clock (the tab has no zone rules of its own). */
const span = (zone: Zone, start: number | Date, end: number | Date) => ({
  start: iso(start), end: iso(end),
  startLocal: localClockOf(new Date(start).getTime(), zone), endLocal: localClockOf(new Date(end).getTime(), zone),
});

const suggestionsOut = memoized((list: SuggestResult['suggestions'], zone: Zone) =>
  list.map((s) => ({ ...s, ...span(zone, s.start, s.end), gap: span(zone, s.gap.start, s.gap.end) })));
const warningsOut = memoized((list: SuggestResult['warnings'], zone: Zone) =>
  list.map((w) => ({ ...w, ...span(zone, w.start, w.end), window: { kind: w.window.kind, ...span(zone, w.window.start, w.window.end) } })));

const choiceJson = (c: QuietChoice, zone: Zone) => ({
  id: c.id, kind: c.kind, repeat: c.repeat, start: iso(c.start), end: c.end === null ? null : iso(c.end),
  startLocal: localClockOf(c.start, zone), endLocal: c.end === null ? null : localClockOf(c.end, zone),
});

/** Suggestions: list, accept (books a calendar event, exactly once), dismiss. */
export async function suggestionRoutes(app: FastifyInstance, { ports, cache, booking }: ApiContext): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.get('/suggestions', {
    schema: {
      summary: 'Suggested disconnect blocks, recovery and quiet time for the next working days',
      tags: ['me'], security: [{ teamsSso: [] }],
      querystring: SuggestionsQuery,
      response: { 200: SuggestionsResponse, ...errorResponses() },
    },
  }, async (request) => {
    const list = await listSuggestions(ports, cache, requestAuth(request), request.query.days ?? DEFAULT_SUGGESTION_DAYS);
    const { zone } = list;
    return {
      timeZone: list.timeZone.name,
      timeZoneOffsetMinutes: localClockOf(ports.now().getTime(), zone).offsetMinutes,
      suggestions: suggestionsOut(list.suggestions, zone),
      booked: list.booked.map((b) => ({ id: b.suggestionId, kind: b.kind, ...span(zone, b.start, b.end), eventId: b.eventId ?? '' })),
      warnings: warningsOut(list.warnings, zone),
      quietWindows: list.quietWindowsOn.map((w) => ({ kind: w.kind, ...span(zone, w.start, w.end), choiceId: w.choiceId })),
      quietChoices: list.quietChoices.map((c) => choiceJson(c, zone)),
    };
  });

  api.post('/suggestions/:id/accept', {
    schema: {
      summary: 'Book a block as a calendar event (201 the first time, 200 with the same event on any repeat); quiet time is turned on as a window instead, with no event',
      tags: ['me'], security: [{ teamsSso: [] }], params: SuggestionId, body: AcceptRequest,
      response: {
        200: AcceptResponse,
        201: AcceptResponse,
        ...errorResponses(404, 409),
      },
    },
  }, async (request, reply) => {
    const body = request.body ?? null;
    const repeat = body && 'repeat' in body ? body.repeat : undefined;
    const adjust = body && 'start' in body ? { start: new Date(body.start), end: new Date(body.end) } : undefined;
    if (adjust && (Number.isNaN(adjust.start.getTime()) || Number.isNaN(adjust.end.getTime()))) {
      throw new AppError('invalid_adjustment', ['"start" and "end" must be ISO 8601 instants.']);
    }
    const auth = requestAuth(request);
    // Before the accept: it finds the suggestion in the plan made from the same cached calendar.
    const zone = await personZone(ports, cache.tabData, auth);
    const outcome = await booking.accept(auth, request.params.id, adjust, repeat);
    const { suggestion } = outcome;
    if ('choice' in outcome) {
      return reply.code(outcome.created ? 201 : 200).send({
        quietWindow: choiceJson(outcome.choice, zone),
        suggestion: { id: suggestion.id, kind: suggestion.kind, ...span(zone, suggestion.start, suggestion.end) },
      });
    }
    return reply.code(outcome.created ? 201 : 200).send({
      eventId: outcome.eventId,
      suggestion: { id: suggestion.id, kind: suggestion.kind, ...span(zone, suggestion.start, suggestion.end), eventId: outcome.eventId },
    });
  });

  api.post('/suggestions/:id/undo', {
    schema: {
      summary: 'Undo an accept: delete the calendar event Unplug booked for it (only that event); the suggestion is open again',
      tags: ['me'], security: [{ teamsSso: [] }], params: SuggestionId,
      response: { 200: UndoResponse, ...errorResponses(404, 409) },
    },
  }, async (request) => booking.undo(requestAuth(request), request.params.id));

  api.delete('/quiet-windows/:id', {
    schema: {
      summary: 'Turn a quiet window off (one window, or every-evening / every-weekend)',
      tags: ['me'], security: [{ teamsSso: [] }], params: ChoiceParams,
      response: { 204: NoContent, ...errorResponses(404) },
    },
  }, async (request, reply) => {
    await booking.turnOffQuietWindow(requestAuth(request), request.params.id);
    return reply.code(204).send(null);
  });

  api.post('/suggestions/:id/dismiss', {
    schema: {
      summary: 'Dismiss a suggestion; it does not come back',
      tags: ['me'], security: [{ teamsSso: [] }], params: SuggestionId,
      response: { 204: NoContent, ...errorResponses(404, 409) },
    },
  }, async (request, reply) => {
    await booking.dismiss(requestAuth(request), request.params.id);
    return reply.code(204).send(null);
  });
}
