import { useState } from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner } from '@fluentui/react-components';
import { ApiError } from '../api/api-error';
import { useSession } from '../session/session';
import { problemKind } from './problems';
import { useCountdown } from './use-countdown';

interface ProblemMessageProps {
  error: ApiError;
  /** What failed, as a sentence start: "Could not load your balance." */
  title: string;
  /** Try again (after consent is granted, or the wait is over). Left out: no retry offered. */
  onRetry?: () => void;
}

const TITLES: Record<string, string> = {
  consent: 'Unplug needs your permission first.',
  wait: 'Unplug is busy right now.',
  offline: 'Could not reach Unplug.',
  'sign-in': 'Could not sign you in.',
};

/** An error that says what happened and what to do: grant access, wait and retry, reload, or retry. */
export function ProblemMessage({ error, title, onRetry }: ProblemMessageProps) {
  const { grantConsent } = useSession();
  const kind = problemKind(error);
  const waitSeconds = useCountdown(kind === 'wait' ? error.retryAfterSeconds ?? 5 : undefined, error);
  const [consent, setConsent] = useState<{ status: 'idle' | 'running' } | { status: 'failed'; message: string }>({ status: 'idle' });

  const runConsent = () => {
    setConsent({ status: 'running' });
    grantConsent().then(
      () => {
        setConsent({ status: 'idle' });
        onRetry?.();
      },
      (e: unknown) => setConsent({ status: 'failed', message: e instanceof ApiError ? e.message : e instanceof Error ? e.message : String(e) }),
    );
  };

  const intent = kind === 'wait' || kind === 'consent' ? 'warning' : 'error';
  return (
    <MessageBar intent={intent} layout="multiline" role={intent === 'error' ? 'alert' : 'status'}>
      <MessageBarBody>
        <MessageBarTitle>{TITLES[kind] ?? title}</MessageBarTitle>
        {kind === 'consent'
          ? 'Grant Unplug access to your calendar and presence to see this. You can withdraw it at any time.'
          : error.message}
        {kind === 'wait' && waitSeconds > 0 && ` You can try again in ${waitSeconds} s.`}
        {consent.status === 'failed' && (consent.message === 'CancelledByUser'
          ? ' Access was not granted: the request was cancelled. Select Grant access to ask again.'
          : ` Access was not granted (${consent.message}).`)}
      </MessageBarBody>
      <MessageBarActions>
        {kind === 'consent' && (
          <Button appearance="primary" onClick={runConsent} disabled={consent.status === 'running'}
            icon={consent.status === 'running' ? <Spinner size="extra-tiny" /> : undefined}>
            Grant access
          </Button>
        )}
        {kind === 'sign-in' && <Button onClick={() => window.location.reload()}>Reload</Button>}
        {kind !== 'consent' && kind !== 'forbidden' && kind !== 'sign-in' && onRetry && (
          <Button onClick={onRetry} disabled={waitSeconds > 0}>{waitSeconds > 0 ? `Retry in ${waitSeconds} s` : 'Retry'}</Button>
        )}
      </MessageBarActions>
    </MessageBar>
  );
}
