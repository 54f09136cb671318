import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * The hosts that may frame the tab, as Microsoft's tab requirements list them (Teams, the
 * Microsoft 365 app and Outlook, including the `*.cloud.microsoft` domains they move to).
 * Nothing broader: any other site that frames the tab is refused by the browser.
 */
export const FRAME_ANCESTORS = [
  "'self'",
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.cloud.microsoft',
  'https://*.microsoft365.com',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://outlook-sdf.office.com',
  'https://outlook-sdf.office365.com',
] as const;

/** teams-js fetches its list of valid host domains from here. */
const TEAMS_JS_CDN = 'https://res.cdn.office.net';

const HELMET_OPTIONS: HelmetOptions = {
  // X-Frame-Options cannot name several origins, and DENY/SAMEORIGIN would stop Teams from
  // framing the tab: frame-ancestors below does that job.
  frameguard: false,
  // A tab inside Teams loads cross-origin host scripts; COEP/COOP would break it.
  crossOriginEmbedderPolicy: false,
  crossOriginOpenerPolicy: false,
  crossOriginResourcePolicy: { policy: 'same-site' },
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      // Fluent UI (Griffel) inserts its style rules at run time.
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'", TEAMS_JS_CDN],
      frameSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: [...FRAME_ANCESTORS],
    },
  },
};

/**
 * The headers helmet sets with these options, worked out once. They are the same for every
 * response (no nonces, no per-route settings), and building them per request (what
 * `@fastify/helmet` does: a new helmet middleware and two hooks for every request) cost about 2 %
 * of the API's time.
 */
export function securityHeaderSet(options: HelmetOptions = HELMET_OPTIONS): ReadonlyArray<readonly [string, string]> {
  const headers = new Map<string, string>();
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) { headers.set(name.toLowerCase(), Array.isArray(value) ? value.join(', ') : String(value)); },
    removeHeader(name: string) { headers.delete(name.toLowerCase()); },
  };
  let failure: unknown;
  let finished = false;
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => { failure = error; finished = true; });
  if (failure || !finished) throw new Error(`The security headers could not be worked out: ${String(failure ?? 'helmet did not finish')}`);
  return [...headers];
}

/** Every response (routes, files, errors, 404s) carries the security headers. */
export async function securityHeaders(app: FastifyInstance): Promise<void> {
  const headers = securityHeaderSet();
  app.addHook('onRequest', (_request, reply, done) => {
    for (const [name, value] of headers) reply.raw.setHeader(name, value);
    done();
  });
}
