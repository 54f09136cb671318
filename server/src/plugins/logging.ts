import type { FastifyServerOptions } from 'fastify';
import type { LogLevel } from '../config';

/**
 * Logger options. Request logs carry the path and the names of query parameters, never their
 * values or headers: a token must never reach a log, even one sent where it does not belong.
 * `stream` replaces stdout (tests read the lines).
 */
export function loggerOptions(level: LogLevel, stream?: { write(line: string): void }): FastifyServerOptions['logger'] {
  return {
    level,
    ...(stream ? { stream } : {}),
    redact: { paths: ['req.headers.authorization', 'headers.authorization', '*.access_token', '*.assertion', '*.client_secret'], censor: '[redacted]' },
    serializers: {
      req: (req: { method: string; url: string; id: string }) => ({ id: req.id, method: req.method, url: safeUrl(req.url) }),
    },
  };
}

/** `/api/me?token=abc&from=x` → `/api/me?token=…&from=…` */
export function safeUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const names = url.slice(q + 1).split('&').filter(Boolean).map((pair) => `${decodeSafely(pair.split('=')[0] ?? '')}=…`);
  return `${url.slice(0, q)}?${names.join('&')}`;
}

function decodeSafely(value: string): string {
  try {
    return decodeURIComponent(value).slice(0, 40);
  } catch {
    return '?';
  }
}
