import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

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

export async function securityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
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
  });
}
