import { describe, expect, it } from 'vitest';
import { readClaims } from './token-claims';

const jwt = (payload: unknown) =>
  `eyJhbGciOiJSUzI1NiJ9.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.c2ln`;

describe('token claims', () => {
  it('reads the payload, including non-ASCII names', () => {
    expect(readClaims(jwt({ oid: 'o1', name: 'Zoë Ångström' }))).toEqual({ oid: 'o1', name: 'Zoë Ångström' });
  });

  it('treats anything unreadable as no claims', () => {
    expect(readClaims('not-a-jwt')).toBeUndefined();
    expect(readClaims('a.%%%.c')).toBeUndefined();
    expect(readClaims(`a.${Buffer.from('[1]').toString('base64url')}.c`)).toBeUndefined();
  });
});
