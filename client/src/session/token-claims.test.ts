import { describe, expect, it } from 'vitest';
import { hasAdminRole, readClaims } from './token-claims';

const jwt = (payload: unknown) =>
  `eyJhbGciOiJSUzI1NiJ9.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.c2ln`;

describe('token claims', () => {
  it('reads the payload, including non-ASCII names', () => {
    expect(readClaims(jwt({ oid: 'o1', name: 'Zoë Ångström' }))).toEqual({ oid: 'o1', name: 'Zoë Ångström' });
  });

  it('sees the admin role only in the roles claim', () => {
    expect(hasAdminRole(jwt({ roles: ['Unplug.Admin'] }))).toBe(true);
    expect(hasAdminRole(jwt({ roles: ['Other'] }))).toBe(false);
    expect(hasAdminRole(jwt({ scp: 'Unplug.Admin' }))).toBe(false);
  });

  it('treats anything unreadable as no claims', () => {
    expect(readClaims('not-a-jwt')).toBeUndefined();
    expect(readClaims('a.%%%.c')).toBeUndefined();
    expect(readClaims(`a.${Buffer.from('[1]').toString('base64url')}.c`)).toBeUndefined();
    expect(hasAdminRole('a.b.c')).toBe(false);
  });
});
