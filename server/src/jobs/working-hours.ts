import type { WorkingHours } from '../domain/types';
import type { PersonKey } from '../store/repositories/people-repository';
import type { JobDeps } from './job-deps';

/**
 * A person's working hours for a background job: the copy the tab stored the last time they opened
 * it (read with their own delegated token). Jobs never read a mailbox: the registration asks for no
 * mailbox application permission (docs/admin-guide.md, "Why no mailbox access for background
 * jobs"), and someone who never opened the tab has turned on neither automatic status nor nudges.
 * `undefined` until the tab stored them.
 */
export function workingHoursFor(deps: JobDeps, person: PersonKey, stored: { workingHours: Record<string, unknown>; fetchedAt: Date } | undefined, job: string): WorkingHours | undefined {
  if (!stored) deps.log.warn({ tenantId: person.tenantId }, `${job}: no working hours stored yet; they are saved when the person opens the tab`);
  return stored?.workingHours as unknown as WorkingHours | undefined;
}
