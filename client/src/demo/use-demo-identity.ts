import { useCallback, useEffect, useRef, useState } from 'react';
import type { TokenSource } from '../api/api-client';
import { DemoIdentityError, fetchDemoPeople, fetchDemoToken, type DemoPerson, type DemoToken } from './demo-identity';

const STORAGE_KEY = 'unplug.demo.personId';

export type DemoIdentityState =
  | { status: 'loading' }
  | { status: 'ready'; people: DemoPerson[]; person: DemoPerson }
  | { status: 'error'; message: string };

export interface DemoIdentity {
  state: DemoIdentityState;
  selectPerson(id: string): void;
  /** A token for the selected person, renewed when it nears expiry. */
  getToken: TokenSource;
}

function rememberedPersonId(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage can be blocked in a third-party frame; then we just start with the first person
  }
}

function rememberPersonId(id: string): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, id);
  } catch {
    // not remembered across reloads; nothing else depends on it
  }
}

/** Demo mode's sign-in: lists the demo tenant's people and gets tokens for the one chosen. */
export function useDemoIdentity(): DemoIdentity {
  const [people, setPeople] = useState<DemoPerson[] | undefined>();
  const [personId, setPersonId] = useState<string | null>(rememberedPersonId);
  const [error, setError] = useState<string | undefined>();
  const tokens = useRef(new Map<string, DemoToken>());

  useEffect(() => {
    const abort = new AbortController();
    fetchDemoPeople(abort.signal).then(
      (list) => (list.length > 0 ? setPeople(list) : setError('The demo tenant has no people.')),
      (e: unknown) => {
        if (abort.signal.aborted) return;
        setError(e instanceof DemoIdentityError ? e.message : 'Could not load the demo people. Reload to try again.');
      },
    );
    return () => abort.abort();
  }, []);

  const person = people?.find((p) => p.id === personId) ?? people?.[0];

  const selectPerson = useCallback((id: string) => {
    rememberPersonId(id);
    setPersonId(id);
  }, []);

  const selectedId = person?.id;
  const getToken = useCallback<TokenSource>(async (request) => {
    if (selectedId === undefined) throw new Error('no demo person is selected');
    const cached = tokens.current.get(selectedId);
    const claims = request?.claims ?? [];
    // A claims challenge needs a new token that carries the claims (the demo's MFA "prompt").
    if (claims.length === 0 && cached && cached.expiresAtMs > Date.now()) return cached.token;
    const fresh = await fetchDemoToken(selectedId, Date.now(), claims);
    tokens.current.set(selectedId, fresh);
    return fresh.token;
  }, [selectedId]);

  const state: DemoIdentityState = error !== undefined ? { status: 'error', message: error }
    : people && person ? { status: 'ready', people, person }
    : { status: 'loading' };
  return { state, selectPerson, getToken };
}
