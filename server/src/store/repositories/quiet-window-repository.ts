import type { Kysely } from 'kysely';
import type { QuietChoice } from '../../domain/suggestions/quiet-choices';
import type { Database, QuietWindowTable } from '../schema';
import type { PersonKey } from './people-repository';

type Row = Pick<QuietWindowTable, 'id' | 'kind' | 'repeat'> & { start_at: Date; end_at: Date | null };

function toChoice(row: Row): QuietChoice {
  return row.repeat === 'every' || row.end_at === null
    ? { id: row.id, repeat: 'every', kind: row.kind, start: row.start_at.getTime(), end: null }
    : { id: row.id, repeat: 'once', kind: row.kind, start: row.start_at.getTime(), end: row.end_at.getTime() };
}

/** The quiet windows people turned on (quiet time is a window, not a calendar event). */
export function quietWindowRepository(db: Kysely<Database>) {
  const columns = ['id', 'kind', 'repeat', 'start_at', 'end_at'] as const;
  return {
    async list(person: PersonKey): Promise<QuietChoice[]> {
      const rows = await db.selectFrom('quiet_window').select(columns)
        .where('tenant_id', '=', person.tenantId).where('user_id', '=', person.userId)
        .orderBy('start_at').execute();
      return rows.map(toChoice);
    },

    /** Choices of several people of one tenant (the status job, the tab's first loads), by user id, each in start order. */
    async listFor(tenantId: string, userIds: readonly string[]): Promise<Map<string, QuietChoice[]>> {
      const out = new Map<string, QuietChoice[]>();
      if (userIds.length === 0) return out;
      const rows = await db.selectFrom('quiet_window').select(['user_id', ...columns])
        .where('tenant_id', '=', tenantId).where('user_id', 'in', [...userIds]).orderBy('start_at').execute();
      for (const row of rows) out.set(row.user_id, [...(out.get(row.user_id) ?? []), toChoice(row)]);
      return out;
    },

    /** Turns a window on; `false` if it already was (a repeated accept changes nothing). */
    async turnOn(person: PersonKey, choice: QuietChoice, now: Date): Promise<boolean> {
      const inserted = await db.insertInto('quiet_window')
        .values({
          tenant_id: person.tenantId, user_id: person.userId, id: choice.id, kind: choice.kind, repeat: choice.repeat,
          start_at: new Date(choice.start), end_at: choice.end === null ? null : new Date(choice.end), created_at: now,
        })
        .onConflict((oc) => oc.columns(['tenant_id', 'user_id', 'id']).doNothing())
        .returning('id')
        .executeTakeFirst();
      return inserted !== undefined;
    },

    /** Turns a window off; `false` if there was none with that id. */
    async turnOff(person: PersonKey, id: string): Promise<boolean> {
      const result = await db.deleteFrom('quiet_window')
        .where('tenant_id', '=', person.tenantId).where('user_id', '=', person.userId).where('id', '=', id)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}
