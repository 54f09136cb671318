import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import type { PersonKey } from './people-repository';

export type SuggestionStatus = 'booking' | 'accepted' | 'dismissed';

export interface SuggestionState {
  suggestionId: string;
  state: SuggestionStatus;
  kind: string;
  start: Date;
  end: Date;
  eventId: string | null;
}

export interface BookingClaim {
  suggestionId: string;
  kind: string;
  start: Date;
  end: Date;
}

/**
 * What a person did with suggestions. Accepting is two steps around the Graph call — claim
 * (`booking`), then record the event (`accepted`) — so a crash in between leaves a `booking` row
 * that the next accept completes, with the same Graph `transactionId` and so the same event.
 */
export function suggestionStateRepository(db: Kysely<Database>) {
  const mine = (person: PersonKey) => db.selectFrom('suggestion_state').selectAll()
    .where('tenant_id', '=', person.tenantId).where('user_id', '=', person.userId);

  return {
    async list(person: PersonKey): Promise<SuggestionState[]> {
      return (await mine(person).orderBy('start_at').execute()).map(toState);
    },

    /** What several people of one tenant did with suggestions, by user id, each in start order. */
    async listFor(tenantId: string, userIds: readonly string[]): Promise<Map<string, SuggestionState[]>> {
      const out = new Map<string, SuggestionState[]>();
      if (userIds.length === 0) return out;
      const rows = await db.selectFrom('suggestion_state').selectAll()
        .where('tenant_id', '=', tenantId).where('user_id', 'in', [...userIds]).orderBy('start_at').execute();
      for (const row of rows) out.set(row.user_id, [...(out.get(row.user_id) ?? []), toState(row)]);
      return out;
    },

    async find(person: PersonKey, suggestionId: string): Promise<SuggestionState | undefined> {
      const row = await mine(person).where('suggestion_id', '=', suggestionId).executeTakeFirst();
      return row && toState(row);
    },

    /** Claims a suggestion for booking. `true` if this call made the claim; `false` if a row existed. */
    async claimBooking(person: PersonKey, claim: BookingClaim, now: Date): Promise<boolean> {
      const inserted = await db.insertInto('suggestion_state')
        .values({
          tenant_id: person.tenantId, user_id: person.userId, suggestion_id: claim.suggestionId, state: 'booking',
          kind: claim.kind, start_at: claim.start, end_at: claim.end, event_id: null, created_at: now, updated_at: now,
        })
        .onConflict((oc) => oc.columns(['tenant_id', 'user_id', 'suggestion_id']).doNothing())
        .returning('suggestion_id')
        .executeTakeFirst();
      return inserted !== undefined;
    },

    async recordAccepted(person: PersonKey, suggestionId: string, eventId: string, now: Date): Promise<void> {
      await db.updateTable('suggestion_state')
        .set({ state: 'accepted', event_id: eventId, updated_at: now })
        .where('tenant_id', '=', person.tenantId).where('user_id', '=', person.userId)
        .where('suggestion_id', '=', suggestionId)
        .execute();
    },

    /** Gives a claim back after the Graph call failed for good, so the person can try again. */
    async releaseBooking(person: PersonKey, suggestionId: string): Promise<void> {
      await db.deleteFrom('suggestion_state')
        .where('tenant_id', '=', person.tenantId).where('user_id', '=', person.userId)
        .where('suggestion_id', '=', suggestionId).where('state', '=', 'booking')
        .execute();
    },

    /** Forgets an accepted block whose event was deleted (undo): the suggestion is open again. `false` if it was not accepted. */
    async forgetAccepted(person: PersonKey, suggestionId: string, eventId: string): Promise<boolean> {
      const result = await db.deleteFrom('suggestion_state')
        .where('tenant_id', '=', person.tenantId).where('user_id', '=', person.userId)
        .where('suggestion_id', '=', suggestionId).where('state', '=', 'accepted').where('event_id', '=', eventId)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    /** Dismisses a suggestion; an accepted one stays accepted. */
    async dismiss(person: PersonKey, claim: BookingClaim, now: Date): Promise<SuggestionStatus> {
      await db.insertInto('suggestion_state')
        .values({
          tenant_id: person.tenantId, user_id: person.userId, suggestion_id: claim.suggestionId, state: 'dismissed',
          kind: claim.kind, start_at: claim.start, end_at: claim.end, event_id: null, created_at: now, updated_at: now,
        })
        .onConflict((oc) => oc.columns(['tenant_id', 'user_id', 'suggestion_id']).doNothing())
        .execute();
      const row = await mine(person).where('suggestion_id', '=', claim.suggestionId).executeTakeFirstOrThrow();
      return row.state;
    },
  };
}

export type SuggestionStateRepository = ReturnType<typeof suggestionStateRepository>;

function toState(row: { suggestion_id: string; state: SuggestionStatus; kind: string; start_at: Date; end_at: Date; event_id: string | null }): SuggestionState {
  return { suggestionId: row.suggestion_id, state: row.state, kind: row.kind, start: row.start_at, end: row.end_at, eventId: row.event_id };
}
