import { resolveTimeZoneName, UTC_ZONE, type DemoZone } from '../time-zones';

/** The output zone a `Prefer: outlook.timezone="…"` asks for, and the `Preference-Applied` to echo. */
export interface OutputZone {
  zone: DemoZone;
  /** The name as the client gave it; Graph writes it back in `timeZone`. */
  name: string;
  applied: string | undefined;
}

/** Preferences of a `Prefer` header: `outlook.timezone="X", odata.maxpagesize=10`. */
export function parsePrefer(header: string | undefined): Map<string, string> {
  const prefs = new Map<string, string>();
  if (!header) return prefs;
  const re = /\s*([A-Za-z0-9._-]+)\s*(?:=\s*(?:"([^"]*)"|([^,;\s]*)))?\s*[,;]?/g;
  for (let m = re.exec(header); m && m[0] !== ''; m = re.exec(header)) {
    prefs.set(m[1]!.toLowerCase(), m[2] ?? m[3] ?? '');
  }
  return prefs;
}

/**
 * The zone start and end come back in: the one `outlook.timezone` names (Windows or IANA),
 * otherwise `fallback` (UTC for reads). An unknown zone is ignored, and then not reported as applied.
 */
export function outputZone(prefer: Map<string, string>, fallback: { zone: DemoZone; name: string } = { zone: UTC_ZONE, name: 'UTC' }): OutputZone {
  const requested = prefer.get('outlook.timezone');
  const zone = requested === undefined ? undefined : resolveTimeZoneName(requested);
  if (requested !== undefined && zone) return { zone, name: requested, applied: `outlook.timezone="${requested}"` };
  return { ...fallback, applied: undefined };
}

/** `Preference-Applied` header(s) for what was honoured. */
export function preferenceApplied(...applied: Array<string | undefined>): Record<string, string> {
  const list = applied.filter((a): a is string => !!a);
  return list.length > 0 ? { 'Preference-Applied': list.join(', ') } : {};
}
