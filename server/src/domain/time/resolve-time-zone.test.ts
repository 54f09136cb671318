import { describe, expect, it } from 'vitest';
import { resolveTimeZone, zoneOrUtc } from './resolve-time-zone';
import { formatOffset } from './zone';

const july = Date.UTC(2026, 6, 1);

describe('resolveTimeZone', () => {
  it.each([
    [{ kind: 'windows', name: 'Pacific Standard Time' } as const, 'America/Los_Angeles', '-07:00'],
    [{ kind: 'windows', name: 'W. Europe Standard Time' } as const, 'Europe/Berlin', '+02:00'],
    [{ kind: 'windows', name: 'India Standard Time' } as const, undefined, '+05:30'],
    [{ kind: 'windows', name: 'Nepal Standard Time' } as const, undefined, '+05:45'],
    [{ kind: 'windows', name: 'UTC' } as const, undefined, '+00:00'],
    [{ kind: 'windows', name: 'tzone://Microsoft/Utc' } as const, 'UTC', '+00:00'],
    [{ kind: 'iana', name: 'Europe/Berlin' } as const, 'Europe/Berlin', '+02:00'],
    [{ kind: 'windows', name: 'Europe/Berlin' } as const, 'Europe/Berlin', '+02:00'],
    [{ kind: 'iana', name: 'Tokyo Standard Time' } as const, 'Asia/Tokyo', '+09:00'],
  ])('%o → %s', (ref, name, offset) => {
    const result = resolveTimeZone(ref);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    if (name) expect(result.zone.name).toBe(name);
    expect(formatOffset(result.zone.offsetMsAt(july))).toBe(offset);
  });

  it('computes custom zones from their rules', () => {
    const result = resolveTimeZone({ kind: 'custom', name: 'Customized Time Zone', custom: { bias: -200 } });
    expect(result.ok && formatOffset(result.zone.offsetMsAt(july))).toBe('+03:20');
  });

  it('returns a typed problem for unknown names and broken custom zones', () => {
    expect(resolveTimeZone({ kind: 'windows', name: 'Mars Standard Time' })).toEqual({
      ok: false,
      error: { code: 'unknown-time-zone', name: 'Mars Standard Time', message: 'The time zone "Mars Standard Time" is not a known Windows or IANA time zone.' },
    });
    const broken = resolveTimeZone({ kind: 'custom', name: 'Customized Time Zone', custom: { bias: 99_999 } });
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.error.code).toBe('invalid-custom-time-zone');
  });

  it('zoneOrUtc falls back to UTC and keeps the problem', () => {
    const { zone, problem } = zoneOrUtc({ kind: 'iana', name: 'Nowhere/Special' });
    expect(zone.name).toBe('UTC');
    expect(problem?.code).toBe('unknown-time-zone');
  });
});
