import type { Profile } from '@unplug/contract';
import { formatDate, formatList, safeLocale } from '../../format/format';
import { describeZone } from '../../format/plan-clock';

const ORDER = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

function wallTime(time: string, locale: string): string {
  const [h = 0, m = 0] = time.split(':').map(Number);
  return new Intl.DateTimeFormat(safeLocale(locale), { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(Date.UTC(2024, 0, 1, h, m));
}

/**
 * The working hours from Outlook in words, e.g. "Mon, Tue, Wed, Thu, and Fri, 8:00 AM to 5:00 PM (Pacific Time)".
 */
export function describeWorkingHours({ workingHours, timeZone }: Pick<Profile, 'workingHours' | 'timeZone'>, locale: string): string {
  const days = ORDER.filter((d) => workingHours.daysOfWeek.map((x) => x.toLowerCase()).includes(d))
    .map((d) => formatDate(`2024-01-0${ORDER.indexOf(d) + 1}`, locale, 'weekday'));
  const zone = describeZone(timeZone.name, timeZone.offsetMinutes, locale);
  const when = `${wallTime(workingHours.startTime, locale)} to ${wallTime(workingHours.endTime, locale)}`;
  return `${days.length > 0 ? formatList(days, locale) : 'No working days'}, ${when} (${zone})`;
}

