/**
 * From the zone Graph gives us (an IANA name, a Windows name, or a custom zone) to a `Zone` the
 * domain can compute with. An unknown name is a result the caller reports, never a crash.
 */
import { findIana } from 'windows-iana';
import type { TimeZoneRef } from '../types';
import { customZone } from './custom-zone';
import type { Zone } from './zone';
import { IanaZone, UTC_ZONE } from './zone';

export type TimeZoneProblemCode = 'unknown-time-zone' | 'invalid-custom-time-zone';

export type ResolvedTimeZone =
  | { ok: true; zone: Zone }
  | { ok: false; error: { code: TimeZoneProblemCode; message: string; name: string } };

/** Zones are immutable and expensive to warm up, so each is built once per process. */
const ianaZones = new Map<string, Zone | null>();
const resolved = new Map<string, ResolvedTimeZone>();

/** Names Graph uses for UTC that are neither IANA nor in CLDR's Windows table. */
const UTC_ALIASES = new Set(['utc', 'tzone://microsoft/utc', 'gmt', 'etc/utc', 'coordinated universal time']);

/** The `Zone` for an IANA name the runtime knows, or `null`. */
export function ianaZone(name: string): Zone | null {
  let zone = ianaZones.get(name);
  if (zone === undefined) {
    try {
      zone = new IanaZone(name);
    } catch {
      zone = null;
    }
    ianaZones.set(name, zone);
  }
  return zone;
}

function fromWindowsName(name: string): Zone | null {
  // CLDR lists the zone for territory "001" (the canonical one) first; skip any the runtime lacks.
  for (const candidate of findIana(name)) {
    const zone = ianaZone(candidate);
    if (zone) return zone;
  }
  return null;
}

function resolveUncached(ref: TimeZoneRef): ResolvedTimeZone {
  const name = ref.name.trim();
  if (ref.kind === 'custom') {
    const result = customZone(ref.custom);
    if (result.ok) return result;
    const detail = result.problems.map((p) => `${p.field} ${p.message}`).join('; ');
    return { ok: false, error: { code: 'invalid-custom-time-zone', name, message: `The custom time zone "${name}" cannot be used: ${detail}.` } };
  }
  if (UTC_ALIASES.has(name.toLowerCase())) return { ok: true, zone: UTC_ZONE };
  // Graph usually sends Windows names but sometimes IANA ones; accept either in either field.
  const zone = ref.kind === 'windows' ? fromWindowsName(name) ?? ianaZone(name) : ianaZone(name) ?? fromWindowsName(name);
  if (zone) return { ok: true, zone };
  return { ok: false, error: { code: 'unknown-time-zone', name, message: `The time zone "${name}" is not a known Windows or IANA time zone.` } };
}

/**
 * Resolve a working-hours time zone. Windows names map to IANA through CLDR (`windows-iana`);
 * custom zones are computed from their bias and transition rules. Results are cached.
 * @example
 * resolveTimeZone({ kind: 'windows', name: 'Pacific Standard Time' }) // { ok: true, zone } with zone.name 'America/Los_Angeles'
 * resolveTimeZone({ kind: 'iana', name: 'Mars/Olympus' }) // { ok: false, error: { code: 'unknown-time-zone', … } }
 */
export function resolveTimeZone(ref: TimeZoneRef): ResolvedTimeZone {
  const key = ref.kind === 'custom' ? `custom\u0000${JSON.stringify(ref.custom)}` : `${ref.kind}\u0000${ref.name}`;
  let result = resolved.get(key);
  if (!result) {
    result = resolveUncached(ref);
    resolved.set(key, result);
  }
  return result;
}

/**
 * The zone for a person's working hours, falling back to UTC when it cannot be resolved, with the
 * problem kept so the caller can say so. Balance and suggestions use this so a bad zone degrades
 * the answer visibly instead of failing it.
 */
export function zoneOrUtc(ref: TimeZoneRef): { zone: Zone; problem: Extract<ResolvedTimeZone, { ok: false }>['error'] | null } {
  const result = resolveTimeZone(ref);
  return result.ok ? { zone: result.zone, problem: null } : { zone: UTC_ZONE, problem: result.error };
}
