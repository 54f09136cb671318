import { useCallback, useEffect, useState } from 'react';
import { grantDemoConsent } from '../demo/demo-identity';
import type { TabHost, TeamsHost } from '../host/host';
import { CONSENT_PAGE_PATH, entraConsentUrl, type ConsentRequest } from './consent-url';

export type ConsentPageState =
  | { kind: 'outside-teams' }
  | { kind: 'checking' }
  /** The server runs the demo tenant: its identity simulates the consent prompt. */
  | { kind: 'demo-prompt'; granting: boolean }
  | { kind: 'redirecting' }
  | { kind: 'finished' }
  | { kind: 'failed'; message: string };

const STATE_KEY = 'unplug.consent.state';

function readRequest(query: URLSearchParams): ConsentRequest {
  const get = (name: string) => query.get(name) ?? undefined;
  return { tenantId: get('tenantId'), userId: get('userId'), loginHint: get('loginHint'), clientId: get('clientId') };
}

async function hasDemoIdentity(): Promise<boolean> {
  try {
    return (await fetch('/demo/identity/people', { credentials: 'same-origin' })).ok;
  } catch {
    return false;
  }
}

/**
 * The consent page in Teams' authentication pop-up. Against the demo tenant it asks here and
 * records the answer with the demo identity; against Microsoft 365 it sends the person to
 * Entra's consent prompt and, back from it, reports the outcome to the tab.
 */
export function useConsentPage(host: TabHost): { state: ConsentPageState; allow(): void; cancel(): void } {
  const teams = host.kind === 'teams' ? host : undefined;
  const [state, setState] = useState<ConsentPageState>(teams ? { kind: 'checking' } : { kind: 'outside-teams' });

  const finish = useCallback((outcome: Parameters<TeamsHost['finishAuthentication']>[0]) => {
    setState(outcome.ok ? { kind: 'finished' } : { kind: 'failed', message: outcome.reason });
    teams?.finishAuthentication(outcome);
  }, [teams]);

  useEffect(() => {
    if (!teams) return;
    const query = new URLSearchParams(window.location.search);
    if (query.has('error') || query.has('code') || query.has('admin_consent')) {
      const expected = window.sessionStorage.getItem(STATE_KEY);
      if (query.has('error')) finish({ ok: false, reason: query.get('error_description') ?? query.get('error') ?? 'consent was not given' });
      else if (expected === null || query.get('state') !== expected) finish({ ok: false, reason: 'the answer from Microsoft did not match this request' });
      else finish({ ok: true, result: 'consented' });
      return;
    }
    let current = true;
    void hasDemoIdentity().then((demo) => {
      if (!current) return;
      if (demo) return setState({ kind: 'demo-prompt', granting: false });
      const nonce = crypto.randomUUID();
      const url = entraConsentUrl(window.location.origin, readRequest(query), nonce);
      if (!url) return finish({ ok: false, reason: 'the consent request is missing the tenant or the app id' });
      window.sessionStorage.setItem(STATE_KEY, nonce);
      setState({ kind: 'redirecting' });
      window.location.assign(url);
    });
    return () => {
      current = false;
    };
  }, [teams, finish]);

  const allow = () => {
    const userId = readRequest(new URLSearchParams(window.location.search)).userId ?? teams?.context.user.id;
    if (!userId) return finish({ ok: false, reason: 'the consent request does not say who is asking' });
    setState({ kind: 'demo-prompt', granting: true });
    grantDemoConsent(userId, `${window.location.origin}${CONSENT_PAGE_PATH}`).then(
      () => finish({ ok: true, result: 'consented' }),
      (error: unknown) => finish({ ok: false, reason: error instanceof Error ? error.message : String(error) }),
    );
  };
  const cancel = () => finish({ ok: false, reason: 'CancelledByUser' });
  return { state, allow, cancel };
}
