/**
 * MSAL token cache benchmark (issue 14, point 5): 10,000 distinct people sign in (one on-behalf-of
 * exchange each) through `createGraphTokens`, and the heap is measured after a full GC — once with
 * the cache unbounded (as before: every person's tokens kept for ever), once with the default bound
 * (2,000 people per tenant, least recently served dropped first). The authority answers in process
 * (MSAL's network client), with tokens of Entra's sizes (access token ≈ 2 KB, refresh token ≈ 1.3 KB,
 * client_info), so the figure is MSAL's cache and Unplug's partition index, nothing else.
 *
 * `npm run bench -- token-cache`, or `node --import tsx tests/bench/token-cache.bench.ts [people] [unbounded|bounded]`.
 * The unbounded run is slow (MSAL scans its whole cache on every exchange, so it grows quadratically).
 */
import { randomBytes } from 'node:crypto';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { INetworkModule, NetworkResponse } from '@azure/msal-node';
import { createGraphTokens } from '../../server/src/auth/graph-tokens';
import { DEMO_AUTHORITY, demoAuthorityUrl, demoOpenIdConfiguration } from '../../server/src/demo/constants';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const TENANT = '7d3c1f8e-2b4a-4c6d-9e0f-1a2b3c4d5e6f';
const people = Number(process.argv[2] ?? 10_000);
/** `unbounded`, `bounded` or both (default). */
const which = process.argv[3] ?? 'both';
const progress = process.argv.includes('--progress');

const oid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
/** An SSO token shaped like Teams' (the authority here never checks it; Unplug reads tid and oid). */
const ssoToken = (n: number) => `${b64({ alg: 'RS256', typ: 'JWT' })}.${b64({ tid: TENANT, oid: oid(n), aud: 'api://unplug.contoso.com/c0ffee00', scp: 'access_as_user', n })}.${randomBytes(256).toString('base64url')}`;

/** The token endpoint, answered in process with tokens of Entra's sizes. */
function authority(): INetworkModule {
  const answer = <T>(body: string | undefined): NetworkResponse<T> => {
    const form = new URLSearchParams(body ?? '');
    const assertion = form.get('assertion') ?? '';
    const claims = JSON.parse(Buffer.from(assertion.split('.')[1] ?? '', 'base64url').toString()) as { oid: string };
    return {
      status: 200,
      headers: {},
      body: {
        token_type: 'Bearer',
        scope: 'https://graph.microsoft.com/Calendars.ReadWrite https://graph.microsoft.com/MailboxSettings.Read https://graph.microsoft.com/Presence.Read',
        expires_in: 3599,
        ext_expires_in: 3599,
        access_token: randomBytes(1500).toString('base64url'),
        refresh_token: randomBytes(1000).toString('base64url'),
        client_info: b64({ uid: claims.oid, utid: TENANT }),
      } as T,
    };
  };
  return {
    sendGetRequestAsync: async () => { throw new Error('no discovery: the metadata is given'); },
    sendPostRequestAsync: async <T>(_url: string, options?: { body?: string }) => answer<T>(options?.body),
  };
}

function tokens(maxCachedPeople: number) {
  const networkClient = authority();
  return createGraphTokens({
    clientId: 'c0ffee00-4a11-4e5b-8d2c-0123456789ab',
    clientSecret: 'bench',
    authorityFor: (tenantId) => ({
      authority: demoAuthorityUrl(tenantId),
      authorityMetadata: JSON.stringify(demoOpenIdConfiguration(tenantId)),
      knownAuthorities: [new URL(DEMO_AUTHORITY).host],
      networkClient,
    }),
    maxCachedPeople,
  });
}

const heapMiB = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
};

async function run(label: string, maxCachedPeople: number): Promise<void> {
  const before = heapMiB();
  let graphTokens: ReturnType<typeof tokens> | undefined = tokens(maxCachedPeople);
  const started = performance.now();
  for (let n = 0; n < people; n += 1) {
    await graphTokens.onBehalfOf(TENANT, ssoToken(n));
    if (progress && (n + 1) % 1000 === 0) console.log(`  … ${n + 1} signed in, ${((performance.now() - started) / 1000).toFixed(0)} s, heap +${(heapMiB() - before).toFixed(1)} MiB`);
  }
  const seconds = (performance.now() - started) / 1000;
  const after = heapMiB();
  const kept = graphTokens.cachedPeople(TENANT);
  console.log(`${label.padEnd(34)} heap +${(after - before).toFixed(1).padStart(6)} MiB   people cached ${String(kept).padStart(6)}   ${(people / seconds).toFixed(0).padStart(5)} sign-ins/s`);
  graphTokens = undefined;
  heapMiB();
}

console.log(`${people.toLocaleString('en')} distinct people, one on-behalf-of exchange each, one tenant`);
if (which !== 'bounded') await run('unbounded (before: kept for ever)', Number.MAX_SAFE_INTEGER);
if (which !== 'unbounded') {
  await run('bounded (default: 2,000 people)', 2000);
  await run('bounded (500 people)', 500);
}
