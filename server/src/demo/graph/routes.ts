import { randomUUID } from 'node:crypto';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FaultInjector } from '../faults';
import type { DemoIdentity } from '../identity/tokens';
import type { StatsCounter } from '../stats';
import { graphError, type GraphAnswer } from './answer';
import { answerBatch, splitPath } from './batch';
import type { GraphCall } from './call';
import type { GraphContext } from './context';
import { dispatchGraphCall } from './dispatch';
import { faultAnswer } from './faults';

export interface GraphRoutesOptions {
  ctx: GraphContext;
  identity: DemoIdentity;
  faults: FaultInjector;
  stats: StatsCounter;
  clock: () => number;
}

const VERSION_SEGMENT = '/graph/v1.0';
const WWW_AUTHENTICATE = 'Bearer realm="", authorization_uri="https://identity.unplug.invalid/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The demo Graph over HTTP (`/graph/v1.0/*`, under the demo prefix): every request is counted,
 * may be delayed or answered with an injected fault, must carry a valid bearer token, and is then
 * answered by the same dispatcher the `$batch` parts go through.
 */
export async function graphRoutes(app: FastifyInstance, options: GraphRoutesOptions): Promise<void> {
  const { identity, faults, stats, clock } = options;

  // Graph tolerates an empty JSON body (e.g. clearUserPreferredPresence), so this parser does too.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, raw, done) => {
    const text = String(raw);
    if (text.trim() === '') return done(null, undefined);
    try {
      done(null, JSON.parse(text));
    } catch {
      done(Object.assign(new Error('The request body is not valid JSON.'), { statusCode: 400 }), undefined);
    }
  });
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) request.log.error({ err: error }, 'demo Graph failed');
    return send(reply, graphError(status, status === 500 ? 'InternalServerError' : 'BadRequest', status === 500 ? 'The demo Graph failed to answer.' : error.message, { clientRequestId: header(request, 'client-request-id') }));
  });

  app.route({
    method: ['GET', 'POST', 'PATCH', 'DELETE', 'PUT'],
    url: '/*',
    schema: { hide: true },
    handler: async (request, reply) => {
      stats.count('graphRequests');
      const { latencyMs } = faults.current;
      if (latencyMs > 0) await sleep(latencyMs);
      const clientRequestId = header(request, 'client-request-id');
      const fault = faults.next('request');
      if (fault) {
        stats.count(fault.status === 429 ? 'throttled' : 'unavailable');
        return send(reply, faultAnswer(fault, clientRequestId));
      }

      const authorization = header(request, 'authorization') ?? '';
      const token = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
      if (!token) return send(reply, unauthorized('Access token is empty.', clientRequestId));
      const verified = await identity.verifyGraphToken(token);
      if (!verified.ok) {
        const message = verified.reason === 'expired' ? 'Access token has expired or is not yet valid.'
          : verified.reason === 'audience' ? 'Access token validation failure. Invalid audience.'
          : 'Access token validation failure.';
        return send(reply, unauthorized(message, clientRequestId));
      }

      const url = request.url;
      const at = url.indexOf(VERSION_SEGMENT);
      const rest = url.slice(at + VERSION_SEGMENT.length + 1);
      const q = rest.indexOf('?');
      const rawPath = q < 0 ? rest : rest.slice(0, q);
      const call: GraphCall = {
        method: request.method,
        segments: splitPath(rawPath),
        rawPath,
        query: new URLSearchParams(q < 0 ? '' : rest.slice(q + 1)),
        headers: Object.fromEntries(Object.entries(request.headers).filter((e): e is [string, string] => typeof e[1] === 'string')),
        body: request.body,
        principal: verified.principal,
        graphBase: `${request.protocol}://${request.host}${url.slice(0, at + VERSION_SEGMENT.length)}`,
        now: clock(),
      };
      if (call.segments.length === 1 && call.segments[0]!.toLowerCase() === '$batch') {
        if (request.method !== 'POST') return send(reply, graphError(405, 'Request_BadRequest', 'Specified HTTP method is not allowed for the request target.', { clientRequestId }));
        return send(reply, await answerBatch(call, { ctx: options.ctx, faults, stats }));
      }
      return send(reply, await dispatchGraphCall(call, options.ctx));
    },
  });
}

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
}

function unauthorized(message: string, clientRequestId: string | undefined): GraphAnswer {
  return graphError(401, 'InvalidAuthenticationToken', message, { headers: { 'WWW-Authenticate': WWW_AUTHENTICATE }, clientRequestId });
}

function send(reply: FastifyReply, answer: GraphAnswer): FastifyReply {
  const requestId = ((answer.body as { error?: { innerError?: Record<string, string> } } | undefined)?.error?.innerError?.['request-id']) ?? randomUUID();
  reply.code(answer.status).headers({ ...answer.headers, 'request-id': String(requestId) });
  const clientRequestId = header(reply.request, 'client-request-id');
  if (clientRequestId) reply.header('client-request-id', clientRequestId);
  if (answer.body === undefined) return reply.send();
  if (!answer.headers['Content-Type']) reply.header('Content-Type', 'application/json; charset=utf-8');
  return reply.send(JSON.stringify(answer.body));
}
