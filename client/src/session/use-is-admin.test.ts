import { describe, expect, it } from 'vitest';
import { createApiClient } from '../api/api-client';
import { fetchIsAdmin } from './use-is-admin';

const jwt = (payload: unknown) => `eyJhbGciOiJSUzI1NiJ9.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.c2ln`;

describe('fetchIsAdmin', () => {
  it("asks the server, so a Teams Administrator (wids, no app role) gets the admin page", async () => {
    const token = jwt({ wids: ['69091246-20e8-4a56-aa4d-066075b2a7a8'] }); // no roles claim at all
    const asked: string[] = [];
    const fetch = (async (input: RequestInfo | URL) => {
      asked.push(String(input));
      return new Response(JSON.stringify({ tenantId: 't', userId: 'u', isAdmin: true }), { status: 200, headers: { 'Content-Type': 'application/json' } });
    }) as typeof globalThis.fetch;
    await expect(fetchIsAdmin(createApiClient({ getToken: async () => token, fetch }))).resolves.toBe(true);
    expect(asked).toEqual(['/api/me/access']);
  });

  it('is false when the server says so, whatever the token claims', async () => {
    const fetch = (async () => new Response(JSON.stringify({ tenantId: 't', userId: 'u', isAdmin: false }), { status: 200, headers: { 'Content-Type': 'application/json' } })) as typeof globalThis.fetch;
    await expect(fetchIsAdmin(createApiClient({ getToken: async () => jwt({ roles: ['Unplug.Admin'] }), fetch }))).resolves.toBe(false);
  });
});
