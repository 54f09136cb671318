import { describe, expect, it } from 'vitest';
import { UNPLUG_ADMIN_ROLE } from './constants';
import { createOrg, windowAround } from './org';

const SEED_NOW = Date.parse('2025-03-05T12:00:00Z'); // a Wednesday

describe('the seeded organisation', () => {
  const org = createOrg({ seedNow: SEED_NOW });

  it('has a dozen people across several zones, one of them custom', () => {
    expect(org.people).toHaveLength(12);
    const zones = new Set(org.people.map((p) => p.windowsZone ?? 'custom'));
    for (const zone of ['Pacific Standard Time', 'W. Europe Standard Time', 'India Standard Time', 'AUS Eastern Standard Time', 'Eastern Standard Time']) {
      expect(zones).toContain(zone);
    }
    expect(org.people.filter((p) => p.zone.kind === 'custom')).toHaveLength(1);
  });

  it('has admins, a person still to consent, and a night shift', () => {
    expect(org.people.filter((p) => p.roles.includes(UNPLUG_ADMIN_ROLE)).length).toBeGreaterThanOrEqual(1);
    expect(org.people.filter((p) => p.consentRequired)).toHaveLength(1);
    expect(org.people.some((p) => p.endTime < p.startTime)).toBe(true);
  });

  it('gives everyone a stable id and a unique user principal name, found case-insensitively', () => {
    const again = createOrg({ seedNow: SEED_NOW + 86_400_000 });
    expect(again.people.map((p) => p.id)).toEqual(org.people.map((p) => p.id));
    expect(new Set(org.people.map((p) => p.userPrincipalName)).size).toBe(12);
    const avery = org.people[0]!;
    expect(org.find(avery.userPrincipalName.toUpperCase())).toBe(avery);
    expect(org.find(avery.id)).toBe(avery);
    expect(org.find('nobody@unplugdemo.onmicrosoft.com')).toBeUndefined();
  });

  it('seeds three weeks back to five weeks ahead of the Monday of the seed week', () => {
    const w = windowAround(SEED_NOW);
    expect(new Date(w.weekStart).toISOString()).toBe('2025-03-03T00:00:00.000Z');
    expect(w.start).toBeLessThanOrEqual(w.weekStart - 21 * 86_400_000);
    expect(w.end).toBeGreaterThanOrEqual(w.weekStart + 35 * 86_400_000);
  });
});

describe('the generator', () => {
  it('builds 10,000 people in well under a few seconds, with unique ids and addresses', () => {
    const started = performance.now();
    const big = createOrg({ seedNow: SEED_NOW, people: 10_000 });
    expect(performance.now() - started).toBeLessThan(5000);
    expect(big.people).toHaveLength(10_000);
    expect(new Set(big.people.map((p) => p.id)).size).toBe(10_000);
    expect(new Set(big.people.map((p) => p.userPrincipalName)).size).toBe(10_000);
    // The first twelve are the seed.
    expect(big.people.slice(0, 12).map((p) => p.displayName)).toEqual(createOrg({ seedNow: SEED_NOW }).people.map((p) => p.displayName));
  });

  it('is deterministic', () => {
    const a = createOrg({ seedNow: SEED_NOW, people: 200 });
    const b = createOrg({ seedNow: SEED_NOW, people: 200 });
    expect(a.people.map((p) => [p.displayName, p.windowsZone, p.startTime])).toEqual(b.people.map((p) => [p.displayName, p.windowsZone, p.startTime]));
  });
});

describe('teams in Microsoft Teams', () => {
  it('puts every seeded person in Customer Success, and some in smaller teams with different members', () => {
    const org = createOrg({ seedNow: SEED_NOW });
    const [customerSuccess, europe, apac] = org.teams;
    expect(customerSuccess?.memberIndexes).toHaveLength(12);
    for (const p of org.people) expect(org.isGroupMember(p.id, customerSuccess!.id)).toBe(true);
    expect(europe?.memberIndexes).toHaveLength(5);
    expect(org.isGroupMember(org.people[4]!.id, europe!.id)).toBe(true);
    expect(org.isGroupMember(org.people[1]!.id, europe!.id)).toBe(false);
    expect(org.isGroupMember(org.people[1]!.id, apac!.id)).toBe(false);
    expect(org.isGroupMember(org.people[8]!.id, apac!.id.toUpperCase())).toBe(true);
  });

  it('gives generated people generated teams of eight, with stable ids', () => {
    const big = createOrg({ people: 40, seedNow: SEED_NOW });
    const generated = big.teams.slice(3);
    expect(generated.map((t) => t.memberIndexes.length)).toEqual([8, 8, 8, 4]);
    expect(createOrg({ people: 40, seedNow: SEED_NOW }).teams.map((t) => t.id)).toEqual(big.teams.map((t) => t.id));
    expect(big.isGroupMember(big.people[13]!.id, generated[0]!.id)).toBe(true);
    expect(big.isGroupMember(big.people[13]!.id, generated[1]!.id)).toBe(false);
  });
});
