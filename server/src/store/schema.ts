import type { ColumnType, Generated, JSONColumnType } from 'kysely';

/**
 * The store's tables. What is never here: event subjects or bodies, message content, tokens.
 * People are keyed by tenant id + object id (`tid` + `oid` of their token).
 */
export interface Database {
  preferences: PreferencesTable;
  org_policy: OrgPolicyTable;
  suggestion_state: SuggestionStateTable;
  presence_interval: PresenceIntervalTable;
  team_member: TeamMemberTable;
  audit_log: AuditLogTable;
  balance_snapshot: BalanceSnapshotTable;
}

type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A timestamp the database fills in (`now()`) when an insert leaves it out. */
type DefaultedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface PreferencesTable {
  tenant_id: string;
  user_id: string;
  /** Targets, block lengths, time-of-day preferences, subject and showAs of booked blocks. */
  preferences: JSONColumnType<Record<string, unknown>>;
  /** Quiet-time windows and the auto-status opt-in. */
  quiet_time: JSONColumnType<Record<string, unknown>>;
  updated_at: DefaultedTimestamp;
}

export interface OrgPolicyTable {
  tenant_id: string;
  policy: JSONColumnType<Record<string, unknown>>;
  updated_at: DefaultedTimestamp;
}

export interface SuggestionStateTable {
  tenant_id: string;
  user_id: string;
  suggestion_id: string;
  /** `booking` while the calendar event is being created, then `accepted`; or `dismissed`. */
  state: 'booking' | 'accepted' | 'dismissed';
  kind: string;
  start_at: Timestamp;
  end_at: Timestamp;
  event_id: string | null;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
}

export interface PresenceIntervalTable {
  id: Generated<string>;
  tenant_id: string;
  user_id: string;
  availability: string;
  activity: string;
  start_at: Timestamp;
  /** `null` while this is the person's current state. */
  end_at: Timestamp | null;
}

export interface TeamMemberTable {
  tenant_id: string;
  team_id: string;
  user_id: string;
  opted_in_at: DefaultedTimestamp;
}

export interface AuditLogTable {
  id: Generated<string>;
  tenant_id: string;
  actor_user_id: string;
  action: string;
  detail: JSONColumnType<Record<string, unknown>>;
  at: DefaultedTimestamp;
}

export interface BalanceSnapshotTable {
  tenant_id: string;
  user_id: string;
  /** The Monday (local date) the week starts on. */
  week_start: string;
  /** The week's balance totals (minutes only). */
  totals: JSONColumnType<Record<string, number>>;
  updated_at: DefaultedTimestamp;
}
