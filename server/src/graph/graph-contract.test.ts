import { describe, expect, it } from 'vitest';
import { loadGraphContract } from './graph-contract';
import { readGraphExample } from './graph-examples';

const contract = loadGraphContract();

describe('the Graph request contract (test support) accepts what Graph documents', () => {
  it.each<[string, string, string]>([
    ['event-create-request.json', 'POST', '/me/events'],
    ['setstatusmessage-request.json', 'POST', '/users/fa8bf3dc-eca7-46b7-bad1-db199b62afc3/presence/setStatusMessage'],
    ['setstatusmessage-request-2.json', 'POST', '/users/fa8bf3dc-eca7-46b7-bad1-db199b62afc3/presence/setStatusMessage'],
    ['setuserpreferredpresence-request.json', 'POST', '/users/fa8bf3dc-eca7-46b7-bad1-db199b62afc3/presence/setUserPreferredPresence'],
    ['getpresencesbyuserid-request.json', 'POST', '/communications/getPresencesByUserId'],
  ])('%s', (file, method, url) => {
    expect(contract.problems({ method, url, body: readGraphExample(file) })).toEqual([]);
  });

  it('a paged calendarView link and a delta link', () => {
    expect(contract.problems({ method: 'GET', url: '/me/calendarView?startDateTime=a&endDateTime=b&$skiptoken=x', headers: { Prefer: 'outlook.timezone="UTC"' } })).toEqual([]);
    expect(contract.problems({ method: 'GET', url: '/me/calendarView/delta?$deltatoken=R0us' })).toEqual([]);
  });
});

describe('the Graph request contract refuses what Graph would not take', () => {
  it.each<[string, Parameters<typeof contract.problems>[0], string]>([
    ['an unknown path', { method: 'GET', url: '/me/messages' }, 'is not a path of the Graph subset'],
    ['a wrong method', { method: 'DELETE', url: '/me/presence' }, 'DELETE is not allowed on /me/presence'],
    ['an undeclared query parameter', { method: 'GET', url: '/me/calendarView?startDateTime=a&endDateTime=b&$filter=x' }, 'query parameter $filter is not declared'],
    ['a missing required parameter', { method: 'GET', url: '/me/calendarView?startDateTime=a' }, 'required query parameter endDateTime is missing'],
    ['a non-integer $top', { method: 'GET', url: '/me/calendarView?startDateTime=a&endDateTime=b&$top=lots' }, '$top must be an integer'],
    ['$select on delta', { method: 'GET', url: '/me/calendarView/delta?$select=id' }, 'query parameter $select is not declared'],
    ['Prefer where it means nothing', { method: 'GET', url: '/me/mailboxSettings', headers: { prefer: 'outlook.timezone="UTC"' } }, 'the Prefer header is not declared'],
    ['an invalid showAs', { method: 'POST', url: '/me/events', body: { showAs: 'maybe' } }, 'body/showAs must be equal to one of the allowed values'],
    ['a start that is not a dateTimeTimeZone', { method: 'POST', url: '/me/events', body: { start: 'tomorrow' } }, 'body/start'],
    ['a dateTime that is not a string', { method: 'POST', url: '/me/events', body: { end: { dateTime: 5, timeZone: 'UTC' } } }, 'body/end/dateTime must be string'],
    ['a missing body', { method: 'POST', url: '/communications/getPresencesByUserId' }, 'needs a body'],
    ['too many ids', { method: 'POST', url: '/communications/getPresencesByUserId', body: { ids: Array.from({ length: 651 }, (_, i) => `id-${i}`) } }, 'body/ids must NOT have more than 650 items'],
    ['a body where none is taken', { method: 'POST', url: '/users/x/presence/clearUserPreferredPresence', body: { a: 1 } }, 'takes no body'],
    ['a bad duration', { method: 'POST', url: '/users/x/presence/setUserPreferredPresence', body: { availability: 'Away', activity: 'Away', expirationDuration: '1 hour' } }, 'must match format "duration"'],
    ['more than 20 batch parts', { method: 'POST', url: '/$batch', body: { requests: Array.from({ length: 21 }, (_, i) => ({ id: String(i), method: 'GET', url: '/me/presence' })) } }, 'body/requests must NOT have more than 20 items'],
    ['a batch part outside the subset', { method: 'POST', url: '/$batch', body: readGraphExample('batch-request.json') }, 'part "1": /me/memberOf is not a path of the Graph subset'],
    ['an absolute batch part URL', { method: 'POST', url: '/$batch', body: { requests: [{ id: '1', method: 'GET', url: 'https://graph.microsoft.com/v1.0/me/presence' }] } }, 'must be relative'],
    ['a batch part body without Content-Type', { method: 'POST', url: '/$batch', body: { requests: [{ id: '1', method: 'POST', url: '/me/events', body: { subject: 'x' } }] } }, 'needs a Content-Type header'],
    ['duplicate batch ids', { method: 'POST', url: '/$batch', body: { requests: [{ id: '1', method: 'GET', url: '/me/presence' }, { id: '1', method: 'GET', url: '/me/mailboxSettings' }] } }, 'ids must be unique'],
  ])('%s', (_name, request, expected) => {
    expect(contract.problems(request).join('\n')).toContain(expected);
  });
});
