import type { Kysely } from 'kysely';
import type { Database } from '../schema';

export interface StoredOrgPolicy {
  policy: Record<string, unknown>;
  updatedAt: Date;
}

export interface AuditEntry {
  actorUserId: string;
  action: string;
  detail: Record<string, unknown>;
  at: Date;
}

/** The organisation's policy, and the audit log of every change to it. */
export function orgPolicyRepository(db: Kysely<Database>) {
  return {
    async find(tenantId: string): Promise<StoredOrgPolicy | undefined> {
      const row = await db.selectFrom('org_policy').selectAll().where('tenant_id', '=', tenantId).executeTakeFirst();
      return row && { policy: row.policy, updatedAt: row.updated_at };
    },

    /** The policies of several tenants, by tenant id (tenants without one are absent). */
    async findMany(tenantIds: readonly string[]): Promise<Map<string, StoredOrgPolicy>> {
      const out = new Map<string, StoredOrgPolicy>();
      if (tenantIds.length === 0) return out;
      const rows = await db.selectFrom('org_policy').selectAll().where('tenant_id', 'in', [...tenantIds]).execute();
      for (const row of rows) out.set(row.tenant_id, { policy: row.policy, updatedAt: row.updated_at });
      return out;
    },

    /** Saves the policy and its audit entry in one transaction: no change goes unrecorded. */
    async save(tenantId: string, policy: Record<string, unknown>, audit: AuditEntry): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('org_policy')
          .values({ tenant_id: tenantId, policy: JSON.stringify(policy), updated_at: audit.at })
          .onConflict((oc) => oc.column('tenant_id').doUpdateSet({ policy: JSON.stringify(policy), updated_at: audit.at }))
          .execute();
        await trx.insertInto('audit_log')
          .values({ tenant_id: tenantId, actor_user_id: audit.actorUserId, action: audit.action, detail: JSON.stringify(audit.detail), at: audit.at })
          .execute();
      });
    },

    async auditLog(tenantId: string, limit = 50): Promise<AuditEntry[]> {
      const rows = await db.selectFrom('audit_log').selectAll().where('tenant_id', '=', tenantId)
        .orderBy('id', 'desc').limit(limit).execute();
      return rows.map((r) => ({ actorUserId: r.actor_user_id, action: r.action, detail: r.detail, at: r.at }));
    },
  };
}

export type OrgPolicyRepository = ReturnType<typeof orgPolicyRepository>;
