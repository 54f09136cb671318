/**
 * The text of the automatic status: the person's template with `{until}` filled in as a wall-clock
 * time in their zone ("15:30"), with the weekday when it is not today ("Mon 09:00").
 */
import type { Instant } from '../types';
import { dayOfWeek } from '../time/local-date';
import { localDateOf, toLocalDateTime, type Zone } from '../time/zone';

/** Teams shows at most 280 characters of a status message. */
export const MAX_STATUS_MESSAGE_LENGTH = 280;

export const UNTIL_PLACEHOLDER = '{until}';

/**
 * @example
 * statusMessageText('Unplugged until {until} — urgent? call me', t('2026-03-02T15:30+01:00'), berlin, t('2026-03-02T14:00+01:00'))
 * // 'Unplugged until 15:30 — urgent? call me'
 */
export function statusMessageText(template: string, until: Instant, zone: Zone, now: Instant): string {
  const local = toLocalDateTime(until, zone);
  const time = local.time.slice(0, 5);
  const sameDay = localDateOf(now, zone) === local.date;
  const weekday = dayOfWeek(local.date);
  const label = sameDay ? time : `${weekday.charAt(0).toUpperCase()}${weekday.slice(1, 3)} ${time}`;
  return template.split(UNTIL_PLACEHOLDER).join(label).slice(0, MAX_STATUS_MESSAGE_LENGTH);
}
