import type { FastifyInstance } from 'fastify';

export interface ApiRoute {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** As registered, with `:name` parameters, e.g. `/api/me/suggestions/:id/accept`. */
  path: string;
  params: string[];
}

const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Every route under `/api`, read from the app's own route table (`printRoutes`), so a route added
 * later is covered by every test that walks this list without anyone updating the test. HEAD is
 * left out (Fastify adds it to every GET); `/api/me` and `/api/me/` count once.
 */
export function apiRoutes(app: FastifyInstance): ApiRoute[] {
  return routesUnder(app, '/api/');
}

/** Every route whose path starts with `prefix` (e.g. `/notifications/`, where Graph posts). */
export function routesUnder(app: FastifyInstance, prefix: string): ApiRoute[] {
  const tree = app.printRoutes({ commonPrefix: false });
  const stack: string[] = [];
  const seen = new Map<string, ApiRoute>();
  for (const line of tree.split('\n')) {
    const match = /^([│ ]*)(?:├── |└── )(.+?) \(([A-Z, ]+)\)$/.exec(line);
    if (!match) continue;
    const depth = (match[1] ?? '').length / 4;
    stack.length = depth;
    stack.push(match[2] ?? '');
    const path = stack.join('').replace(/^\/\//, '/');
    if (!path.startsWith(prefix)) continue;
    const normalised = path.length > 1 ? path.replace(/\/$/, '') : path;
    for (const method of (match[3] ?? '').split(',').map((m) => m.trim())) {
      if (!METHODS.has(method)) continue;
      seen.set(`${method} ${normalised}`, {
        method: method as ApiRoute['method'],
        path: normalised,
        params: [...normalised.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1] ?? ''),
      });
    }
  }
  return [...seen.values()].sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`));
}

/** The route's path with its parameters filled in (values are URL-encoded). */
export function fillPath(route: ApiRoute, values: Record<string, string>): string {
  return route.path.replace(/:([A-Za-z0-9_]+)/g, (_all, name: string) => encodeURIComponent(values[name] ?? 'x'));
}

export const routeName = (route: ApiRoute): string => `${route.method} ${route.path}`;
