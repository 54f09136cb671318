import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWK, type JWTPayload } from 'jose';

/**
 * Test support: an RSA issuer that signs Entra-shaped tokens, and can publish its JWKS on a real
 * loopback listener. Never used by the server itself.
 */
export interface TestIssuer {
  jwks: { keys: JWK[] };
  sign(claims: JWTPayload, header?: { alg?: string; kid?: string }): Promise<string>;
}

export async function createTestIssuer(kid = 'test-key-1'): Promise<TestIssuer> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  return {
    jwks: { keys: [jwk] },
    sign: (claims, header = {}) =>
      new SignJWT(claims).setProtectedHeader({ alg: header.alg ?? 'RS256', kid: header.kid ?? kid, typ: 'JWT' }).sign(privateKey),
  };
}

/** Serves `{ keys }` at `/keys` on 127.0.0.1:0 and counts fetches. */
export async function serveJwks(jwks: { keys: JWK[] }): Promise<{ url: string; fetches: () => number; close: () => Promise<void> }> {
  let fetches = 0;
  const server: Server = createServer((request, response) => {
    if (request.url === '/keys') {
      fetches += 1;
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(jwks));
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/keys`,
    fetches: () => fetches,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
