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
  job_schedule: JobScheduleTable;
  presence_opt_in: PresenceOptInTable;
  presence_sample_chunk: PresenceSampleChunkTable;
  graph_rate_budget: GraphRateBudgetTable;
  presence_subscription: PresenceSubscriptionTable;
  presence_subscription_member: PresenceSubscriptionMemberTable;
  presence_notification: PresenceNotificationTable;
  status_assignment: StatusAssignmentTable;
  person_working_hours: PersonWorkingHoursTable;
  quiet_window: QuietWindowTable;
  nudge_preference: NudgePreferenceTable;
  nudge_sent: NudgeSentTable;
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

/** When each periodic background job is next due (claimed atomically by one instance). */
export interface JobScheduleTable {
  name: string;
  next_due_at: Timestamp;
  last_run_at: Timestamp | null;
  last_run_by: string | null;
}

/** People who asked for their presence timeline (sampling needs this and the org feature). */
export interface PresenceOptInTable {
  tenant_id: string;
  user_id: string;
  opted_in_at: DefaultedTimestamp;
}

/** A sampled chunk of a sampling cycle: written with its samples, so it is applied once. */
export interface PresenceSampleChunkTable {
  cycle_id: string;
  tenant_id: string;
  chunk_index: number;
  user_count: number;
  changes: number;
  /** The instance that sampled it. */
  worker: string;
  done_at: Timestamp;
}

/** Per tenant and budget (e.g. getPresencesByUserId), the rate limiter's theoretical arrival time. */
export interface GraphRateBudgetTable {
  tenant_id: string;
  budget: string;
  tat: Timestamp;
}

/** A Graph presence change-notification subscription Unplug holds. */
export interface PresenceSubscriptionTable {
  /** Graph's subscription id. */
  id: string;
  tenant_id: string;
  /** The secret Graph echoes in every notification (random per subscription). */
  client_state: string;
  expires_at: Timestamp;
  created_at: Timestamp;
  renewed_at: Timestamp | null;
}

/** Who a presence subscription covers (at most 650 people each). */
export interface PresenceSubscriptionMemberTable {
  subscription_id: string;
  tenant_id: string;
  user_id: string;
}

/** A presence change notification stored before answering Graph, until a job applies it. */
export interface PresenceNotificationTable {
  id: Generated<string>;
  tenant_id: string;
  user_id: string;
  subscription_id: string;
  received_at: Timestamp;
}

/** An automatic status Unplug set (or decided to leave alone) for one block or quiet window. */
export interface StatusAssignmentTable {
  tenant_id: string;
  user_id: string;
  window_start: Timestamp;
  window_end: Timestamp;
  /** `block`, `evening` or `weekend`. */
  kind: string;
  /** The exact text set, so a later change by the person can be told apart. */
  message: string;
  preferred_presence: string | null;
  /** `setting`/`clearing` while a Graph call is in flight; `left` when the person's own status was kept. */
  state: 'setting' | 'set' | 'clearing' | 'cleared' | 'left';
  updated_at: Timestamp;
}

/** A person's working hours as their mailbox had them, for jobs that run without their tab. */
export interface PersonWorkingHoursTable {
  tenant_id: string;
  user_id: string;
  working_hours: JSONColumnType<Record<string, unknown>>;
  fetched_at: Timestamp;
}

/** Quiet windows a person turned on: one window (`once`, with its end) or every such evening or weekend from `start_at` (`every`). */
export interface QuietWindowTable {
  tenant_id: string;
  user_id: string;
  /** The suggestion id for one window; `every-evening` / `every-weekend` for the recurring choices. */
  id: string;
  kind: 'evening' | 'weekend';
  repeat: 'once' | 'every';
  start_at: Timestamp;
  end_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  created_at: DefaultedTimestamp;
}

/** Which activity-feed nudges a person turned on (all off until they do). */
export interface NudgePreferenceTable {
  tenant_id: string;
  user_id: string;
  starting_soon: boolean;
  long_day: boolean;
  weekly_summary: boolean;
  updated_at: DefaultedTimestamp;
}

/** A nudge claimed (`sending`), delivered (`sent`) or refused by Graph, per person, kind and local date. */
export interface NudgeSentTable {
  tenant_id: string;
  user_id: string;
  kind: 'starting-soon' | 'long-day' | 'weekly-summary';
  local_date: string;
  state: 'sending' | 'sent' | 'refused';
  claimed_at: Timestamp;
  sent_at: Timestamp | null;
  reason: string | null;
}
