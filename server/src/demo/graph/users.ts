import type { DemoPerson } from '../org';
import { GRAPH_METADATA, ok } from './answer';
import type { GraphContext, GraphRoute } from './context';
import { applySelect, parseSelect } from './event-json';
import { renderWorkingHours } from './mailbox-json';

const USER_PROPERTIES = new Set(['id', 'businessPhones', 'displayName', 'givenName', 'jobTitle', 'mail', 'mobilePhone', 'officeLocation', 'preferredLanguage', 'surname', 'userPrincipalName']);

export function renderUser(p: DemoPerson): Record<string, unknown> {
  return {
    businessPhones: [],
    displayName: p.displayName,
    givenName: p.givenName,
    jobTitle: p.jobTitle,
    mail: p.mail,
    mobilePhone: null,
    officeLocation: p.officeLocation,
    preferredLanguage: p.preferredLanguage,
    surname: p.surname,
    userPrincipalName: p.userPrincipalName,
    id: p.id,
  };
}


export const userRoutes: GraphRoute[] = [
  {
    method: 'GET', pattern: 'users/:user', call: 'get user',
    handler: (call, _ctx, { person }) => {
      const select = parseSelect(call.query.get('$select'), USER_PROPERTIES, 'microsoft.graph.user');
      return ok({ '@odata.context': `${GRAPH_METADATA}#users/$entity`, ...applySelect(renderUser(person), select) });
    },
  },
  {
    // $select is honoured (only the named settings are sent), as Graph's OData query options are.
    method: 'GET', pattern: 'users/:user/mailboxSettings', call: 'mailboxSettings',
    handler: (call, ctx, { person }) => {
      const select = parseSelect(call.query.get('$select'), MAILBOX_SETTINGS_PROPERTIES, 'microsoft.graph.mailboxSettings');
      const full = renderMailboxSettings(ctx, person, call.now);
      if (!select) return ok(full);
      const { id: _id, ...picked } = applySelect(full, select);
      return ok(picked);
    },
  },
  {
    method: 'GET', pattern: 'users/:user/mailboxSettings/workingHours', call: 'working hours',
    handler: (_call, _ctx, { person }) => ok({ '@odata.context': `${GRAPH_METADATA}#users('${person.id}')/mailboxSettings/workingHours`, ...renderWorkingHours(person) }),
  },
  {
    // A string property comes back as { value } (user-get-mailboxsettings: "string (for timeZone)").
    method: 'GET', pattern: 'users/:user/mailboxSettings/timeZone', call: 'mailbox time zone',
    handler: (_call, _ctx, { person }) => ok({ '@odata.context': `${GRAPH_METADATA}#users('${person.id}')/mailboxSettings/timeZone`, value: mailboxTimeZone(person) }),
  },
];

const MAILBOX_SETTINGS_PROPERTIES = new Set(['archiveFolder', 'automaticRepliesSetting', 'dateFormat', 'delegateMeetingMessageDeliveryOptions', 'language', 'timeFormat', 'timeZone', 'userPurpose', 'workingHours']);

function mailboxTimeZone(person: DemoPerson): string {
  return person.windowsZone ?? 'Customized Time Zone';
}

function renderMailboxSettings(ctx: GraphContext, person: DemoPerson, now: number): Record<string, unknown> {
  const us = person.preferredLanguage === 'en-US';
  const absence = ctx.calendars.list(person, now - 86_400_000, ctx.org.window.end).find((e) => e.isAllDay && e.showAs === 'oof' && e.end > now);
  const utc = (t: number) => ({ dateTime: new Date(t).toISOString().replace('Z', '0000'), timeZone: 'UTC' });
  return {
    '@odata.context': `${GRAPH_METADATA}#users('${person.id}')/mailboxSettings`,
    archiveFolder: null,
    timeZone: mailboxTimeZone(person),
    delegateMeetingMessageDeliveryOptions: 'sendToDelegateOnly',
    dateFormat: us ? 'M/d/yyyy' : 'dd/MM/yyyy',
    timeFormat: us ? 'h:mm tt' : 'HH:mm',
    userPurpose: 'user',
    automaticRepliesSetting: {
      status: absence ? 'scheduled' : 'disabled',
      externalAudience: 'all',
      internalReplyMessage: absence ? `<html><body>I'm out of office and will reply when I'm back.</body></html>` : '',
      externalReplyMessage: '',
      scheduledStartDateTime: utc(absence?.start ?? now),
      scheduledEndDateTime: utc(absence?.end ?? now + 86_400_000),
    },
    language: { locale: person.preferredLanguage, displayName: person.preferredLanguage },
    workingHours: renderWorkingHours(person),
  };
}
