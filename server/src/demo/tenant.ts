import { ActivityFeedStore } from './activity-feed';
import { CalendarStore, type CalendarStoreOptions } from './calendar-store';
import { FaultInjector, type DemoFaultSettings } from './faults';
import { ConditionalAccess } from './identity/conditional-access';
import { ConsentState, type ConsentOptions } from './identity/consent';
import { createSigningKey } from './identity/keys';
import { DemoIdentity, type IssuedToken } from './identity/tokens';
import { createOrg, type DemoOrg, type DemoPerson } from './org';
import { PresenceStore } from './presence-store';
import type { PersonSpec } from './seed-people';
import { StatsCounter, type DemoStats } from './stats';
import { readRegistration, type DemoRegistration } from './registration';
import { SubscriptionStore } from './subscriptions';

export interface DemoTenantOptions {
  /** How many people (default 12: the hand-made seed; more are generated), or explicit specs. */
  people?: number | readonly PersonSpec[];
  /** The instant "this week" is relative to. Default: the clock at start. */
  seedNow?: number;
  /** The tenant's clock (presence, token times, expiries). Default `Date.now`. */
  clock?: () => number;
  /** Faults injected from the start (e.g. `config.demoFaults`). */
  faults?: Partial<DemoFaultSettings>;
  /** Seed of the fault sequence, so fault tests are repeatable. */
  faultSeed?: string | number;
  consent?: ConsentOptions;
  /** Tests only: whether SSO tokens carry `wids`, as if `groupMembershipClaims` said so. Default: `aad.manifest.json`'s. */
  emitsWids?: boolean;
  calendars?: CalendarStoreOptions;
  /** How often presence of subscribed people is checked for changes to notify. Default 30 s; 0: only on `subscriptions.sweep()`. */
  subscriptionSweepMs?: number;
}

/**
 * The demo tenant: a synthetic organisation with calendars and presence, an identity provider and
 * a Graph-compatible service over them. This is the handle tests and benchmarks hold.
 */
export interface DemoTenant {
  readonly org: DemoOrg;
  readonly calendars: CalendarStore;
  readonly presence: PresenceStore;
  /** Presence change-notification subscriptions, delivered over HTTP. */
  readonly subscriptions: SubscriptionStore;
  /** Each person's Teams activity feed (what sendActivityNotification delivered). */
  readonly activity: ActivityFeedStore;
  readonly identity: DemoIdentity;
  readonly consent: ConsentState;
  /** The permissions the registration (`aad.manifest.json`) asks for: the most a token carries. */
  readonly registration: DemoRegistration;
  /** Who must satisfy MFA (a claims challenge) before on-behalf-of works for them. */
  readonly conditionalAccess: ConditionalAccess;
  readonly clock: () => number;
  /** The person with this id or user principal name; throws if there is none. */
  person(idOrUpn: string): DemoPerson;
  /** Changes some fault settings at run time (the others stay); returns them all. */
  setFaults(changes: Partial<DemoFaultSettings>): DemoFaultSettings;
  faults(): DemoFaultSettings;
  stats(): DemoStats;
  resetStats(): void;
  /** An SSO token like Teams gives the tab, for `/api` tests. */
  ssoToken(idOrUpn: string, expiresInSeconds?: number): Promise<IssuedToken>;
  /** A delegated Graph token, as on-behalf-of would return it. */
  graphToken(idOrUpn: string, expiresInSeconds?: number): Promise<IssuedToken>;
  /** An app-only Graph token, as client credentials would return it. */
  appToken(expiresInSeconds?: number): Promise<IssuedToken>;
  /** Internals the routes use. */
  readonly internals: { faults: FaultInjector; stats: StatsCounter };
}

export async function createDemoTenant(options: DemoTenantOptions = {}): Promise<DemoTenant> {
  const clock = options.clock ?? Date.now;
  const org = createOrg({ people: options.people ?? 12, seedNow: options.seedNow ?? clock() });
  const calendars = new CalendarStore(org, options.calendars);
  const presence = new PresenceStore(calendars);
  const subscriptions = new SubscriptionStore({ org, presence, clock, ...(options.subscriptionSweepMs !== undefined ? { sweepMs: options.subscriptionSweepMs } : {}) });
  const consent = new ConsentState(options.consent);
  const conditionalAccess = new ConditionalAccess();
  const activity = new ActivityFeedStore();
  const faults = new FaultInjector(options.faults, options.faultSeed);
  const stats = new StatsCounter();
  // Exactly what aad.manifest.json asks for: there is no option to grant more.
  const registration = readRegistration();
  const identity = new DemoIdentity(await createSigningKey(), org, clock, { emitsWids: options.emitsWids ?? registration.emitsWids });
  const person = (idOrUpn: string) => {
    const found = org.find(idOrUpn);
    if (!found) throw new Error(`No person '${idOrUpn}' in the demo organisation.`);
    return found;
  };
  return {
    org, calendars, presence, subscriptions, activity, identity, consent, registration, conditionalAccess, clock,
    person,
    setFaults: (changes) => faults.set(changes),
    faults: () => faults.current,
    stats: () => stats.snapshot(),
    resetStats: () => stats.reset(),
    ssoToken: (id, expires) => identity.issueSsoToken(person(id), expires),
    graphToken: (id, expires) => identity.issueDelegatedGraphToken(person(id), registration.delegated, expires),
    appToken: (expires) => identity.issueApplicationGraphToken(registration.application, expires),
    internals: { faults, stats },
  };
}
