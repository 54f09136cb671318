import type { Kysely } from 'kysely';
import type { NudgeKind, NudgePreferences, WeekFigures } from '../../domain/nudges/nudge-types';
import type { Database } from '../schema';
import type { PersonKey } from './people-repository';
import { settleWrites } from '../write-behind';

export interface NudgePerson extends PersonKey {
  nudges: NudgePreferences;
  /** The person's stored quiet-time choices and preferences (partial), and their tenant's policy. */
  quietTime: Record<string, unknown>;
  preferences: Record<string, unknown>;
  policy: Record<string, unknown>;
}

export interface SentNudge {
  userId: string;
  kind: NudgeKind;
  localDate: string;
}

/**
 * Activity-feed nudges: who turned which on, and what was sent. Every send is claimed here first
 * (`sending`), so of any number of instances exactly one makes the Graph call for a person, kind
 * and local date.
 */
export function nudgeRepository(db: Kysely<Database>) {
  const update = async (person: PersonKey, kind: NudgeKind, localDate: string, values: { state: 'sent' | 'refused'; sent_at?: Date; reason?: string }) => {
    await db.updateTable('nudge_sent').set(values)
      .where('tenant_id', '=', person.tenantId).where('user_id', '=', person.userId).where('kind', '=', kind).where('local_date', '=', localDate)
      .execute();
  };
  return {
    async find(person: PersonKey): Promise<NudgePreferences | undefined> {
      const row = await db.selectFrom('nudge_preference').selectAll()
        .where('tenant_id', '=', person.tenantId).where('user_id', '=', person.userId).executeTakeFirst();
      return row && { startingSoon: row.starting_soon, longDay: row.long_day, weeklySummary: row.weekly_summary };
    },

    async save(person: PersonKey, nudges: NudgePreferences, now: Date): Promise<void> {
      const values = { starting_soon: nudges.startingSoon, long_day: nudges.longDay, weekly_summary: nudges.weeklySummary, updated_at: now };
      await db.insertInto('nudge_preference').values({ tenant_id: person.tenantId, user_id: person.userId, ...values })
        .onConflict((oc) => oc.columns(['tenant_id', 'user_id']).doUpdateSet(values)).execute();
    },

    /** Everyone with at least one nudge on (of one tenant's `userIds`, when given), with what the job needs to decide. */
    async roster(only?: { tenantId: string; userIds: readonly string[] }): Promise<NudgePerson[]> {
      if (only && only.userIds.length === 0) return [];
      let query = db.selectFrom('nudge_preference as n')
        .leftJoin('preferences as p', (join) => join.onRef('p.tenant_id', '=', 'n.tenant_id').onRef('p.user_id', '=', 'n.user_id'))
        .leftJoin('org_policy as o', 'o.tenant_id', 'n.tenant_id')
        .select(['n.tenant_id', 'n.user_id', 'n.starting_soon', 'n.long_day', 'n.weekly_summary', 'p.quiet_time', 'p.preferences', 'o.policy'])
        .where((eb) => eb.or([eb('n.starting_soon', '=', true), eb('n.long_day', '=', true), eb('n.weekly_summary', '=', true)]));
      if (only) query = query.where('n.tenant_id', '=', only.tenantId).where('n.user_id', 'in', [...only.userIds]);
      const rows = await query.orderBy('n.tenant_id').orderBy('n.user_id').execute();
      return rows.map((r) => ({
        tenantId: r.tenant_id, userId: r.user_id,
        nudges: { startingSoon: r.starting_soon, longDay: r.long_day, weeklySummary: r.weekly_summary },
        quietTime: r.quiet_time ?? {}, preferences: r.preferences ?? {}, policy: r.policy ?? {},
      }));
    },

    /** Nudges claimed for these people since `since` (any state). */
    async claimedSince(tenantId: string, userIds: readonly string[], since: Date): Promise<SentNudge[]> {
      if (userIds.length === 0) return [];
      const rows = await db.selectFrom('nudge_sent').select(['user_id', 'kind', 'local_date'])
        .where('tenant_id', '=', tenantId).where('user_id', 'in', [...userIds]).where('claimed_at', '>=', since).execute();
      return rows.map((r) => ({ userId: r.user_id, kind: r.kind, localDate: r.local_date }));
    },

    /** Claims sending a kind on a local date; `false` if it was claimed before (here or elsewhere). */
    async claim(person: PersonKey, kind: NudgeKind, localDate: string, now: Date): Promise<boolean> {
      const inserted = await db.insertInto('nudge_sent')
        .values({ tenant_id: person.tenantId, user_id: person.userId, kind, local_date: localDate, state: 'sending', claimed_at: now, sent_at: null, reason: null })
        .onConflict((oc) => oc.columns(['tenant_id', 'user_id', 'kind', 'local_date']).doNothing())
        .returning('kind').executeTakeFirst();
      return inserted !== undefined;
    },

    async markSent(person: PersonKey, kind: NudgeKind, localDate: string, now: Date): Promise<void> {
      await update(person, kind, localDate, { state: 'sent', sent_at: now });
    },

    /** Graph refused for good (not installed, permission): not tried again that day. */
    async markRefused(person: PersonKey, kind: NudgeKind, localDate: string, reason: string): Promise<void> {
      await update(person, kind, localDate, { state: 'refused', reason: reason.slice(0, 100) });
    },

    /** A transient failure: the claim goes, so the next check tries again. */
    async release(person: PersonKey, kind: NudgeKind, localDate: string): Promise<void> {
      await db.deleteFrom('nudge_sent')
        .where('tenant_id', '=', person.tenantId).where('user_id', '=', person.userId).where('kind', '=', kind).where('local_date', '=', localDate)
        .where('state', '=', 'sending').execute();
    },

    /** The measured weekly totals kept for a person (balance snapshots), newest first. */
    async weeks(person: PersonKey, from: string, to: string): Promise<WeekFigures[]> {
      await settleWrites(db); // snapshots are written behind the answers
      const rows = await db.selectFrom('balance_snapshot').select(['week_start', 'totals'])
        .where('tenant_id', '=', person.tenantId).where('user_id', '=', person.userId)
        .where('week_start', '>=', from).where('week_start', '<=', to)
        .orderBy('week_start', 'desc').execute();
      return rows.map((r) => ({
        weekStart: r.week_start,
        workingMinutes: num(r.totals.workingMinutes), connectedMinutes: num(r.totals.connectedMinutes),
        disconnectedMinutes: num(r.totals.disconnectedMinutes), afterHoursConnectedMinutes: num(r.totals.afterHoursConnectedMinutes),
        targetDays: num(r.totals.targetDays), targetDaysMet: num(r.totals.targetDaysMet),
      }));
    },

    /** Claims older than `before` (retention). */
    async deleteClaimedBefore(before: Date): Promise<number> {
      const result = await db.deleteFrom('nudge_sent').where('claimed_at', '<', before).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

export type NudgeRepository = ReturnType<typeof nudgeRepository>;
