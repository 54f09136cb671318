import { useState } from 'react';
import type { ApiError } from '../api/api-error';
import { asApiError, fieldProblems } from '../common/problems';
import { changedFields, type FieldErrors } from './settings-rules';

export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'invalid'; count: number }
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'failed'; error: ApiError; fieldsOnly: boolean };

export interface SettingsForm<T> {
  values: T;
  /** Client-side problems as the person types, and the server's for the last save. */
  errors: FieldErrors;
  dirty: boolean;
  status: SaveStatus;
  change(update: (values: T) => T): void;
  /** Sends only what changed; the server's answer becomes the saved values. */
  submit(): void;
  reset(): void;
}

interface FormState<T> {
  /** The loaded values this form started from; a new load starts the form again. */
  source: T;
  saved: T;
  values: T;
  serverErrors: FieldErrors;
  status: SaveStatus;
}

const start = <T,>(source: T): FormState<T> => ({ source, saved: source, values: source, serverErrors: {}, status: { kind: 'idle' } });

/**
 * A settings form over loaded values: checks each change at once, saves a partial update, and
 * puts the server's field problems beside the fields (`errorPrefix` strips e.g. nothing, or a
 * nested path). Other failures keep the edits and offer a retry.
 */
export function useSettingsForm<T extends object>(
  loaded: T,
  check: (values: T) => FieldErrors,
  save: (changes: Partial<T>) => Promise<T>,
): SettingsForm<T> {
  const [state, setState] = useState<FormState<T>>(() => start(loaded));
  const current = state.source === loaded ? state : start(loaded);
  if (current !== state) setState(current);

  const clientErrors = check(current.values);
  const errors = { ...current.serverErrors, ...clientErrors };
  const dirty = Object.keys(changedFields(current.saved, current.values)).length > 0;

  const change = (update: (values: T) => T) => setState((s) => ({
    ...s, values: update(s.values), serverErrors: {}, status: s.status.kind === 'saving' ? s.status : { kind: 'idle' },
  }));

  const submit = () => {
    if (current.status.kind === 'saving') return;
    const problems = Object.keys(clientErrors).length;
    if (problems > 0) return setState((s) => ({ ...s, status: { kind: 'invalid', count: problems } }));
    const changes = changedFields(current.saved, current.values);
    if (Object.keys(changes).length === 0) return setState((s) => ({ ...s, status: { kind: 'saved' } }));
    setState((s) => ({ ...s, status: { kind: 'saving' } }));
    save(changes).then(
      (saved) => setState((s) => ({ ...s, saved, values: saved, serverErrors: {}, status: { kind: 'saved' } })),
      (e: unknown) => {
        const error = asApiError(e);
        const serverErrors = fieldProblems(error);
        const fieldsOnly = Object.keys(serverErrors).length > 0;
        setState((s) => ({ ...s, serverErrors, status: { kind: 'failed', error, fieldsOnly } }));
      },
    );
  };

  const reset = () => setState((s) => ({ ...s, values: s.saved, serverErrors: {}, status: { kind: 'idle' } }));
  return { values: current.values, errors, dirty, status: current.status, change, submit, reset };
}
