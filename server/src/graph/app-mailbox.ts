import type { WorkingHours } from '../domain/types';
import type { GraphHttp } from './graph-client';
import { mapMailboxSettings } from './map-mailbox';

/**
 * A person's working hours read as the app (`MailboxSettings.Read` application permission), for
 * jobs that run while their tab is closed.
 */
export async function getWorkingHours(http: GraphHttp, userId: string): Promise<WorkingHours> {
  const path = `/users/${encodeURIComponent(userId)}/mailboxSettings`;
  return mapMailboxSettings(await http.get(path), 'mailboxSettings').workingHours;
}
