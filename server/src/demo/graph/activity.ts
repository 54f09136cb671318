/**
 * `POST /users/{id}/teamwork/sendActivityNotification` as Microsoft Graph documents it
 * (https://learn.microsoft.com/en-us/graph/api/userteamwork-sendactivitynotification,
 * https://learn.microsoft.com/en-us/graph/teams-send-activityfeednotifications):
 * - permissions: delegated `TeamsActivity.Send`; application `TeamsActivity.Send` (the
 *   resource-specific `TeamsActivity.Send.User` is not modelled: Unplug does not use RSC);
 * - the Teams app must be installed for the recipient: the demo treats it as installed for
 *   everyone who consented to Unplug and refuses others with 403;
 * - `activityType` must be declared in the app manifest's `activities`, except the reserved
 *   `systemDefault` (whose text is the `systemDefaultText` template parameter);
 * - `topic.source` is `entityUrl` (a teamsAppInstallation or teamsCatalogApp URL) or `text`,
 *   which needs a `webUrl`;
 * - Teams shows only the first 150 characters of `previewText`;
 * - 204 No Content on success. Throttling (5 requests/s per app per tenant,
 *   https://learn.microsoft.com/en-us/graph/throttling-limits#microsoft-teams-service-limits) comes
 *   from the demo's fault injection like every other call.
 * Microsoft does not publish the exact error texts of these refusals; the codes and statuses
 * follow Graph's conventions.
 */
import { ACTIVITY_TYPES } from '../../graph/activity-feed';
import { GraphError, badRequest, noContent } from './answer';
import type { GraphCall } from './call';
import type { GraphContext, GraphRoute } from './context';
import type { DemoPerson } from '../org';

const PARAMETERS = ['topic', 'activityType', 'chainId', 'previewText', 'templateParameters', 'teamsAppId', 'iconId'];
const SYSTEM_DEFAULT = 'systemDefault';
/** The name the app-only `{actor}` takes: the Teams app's. */
const APP_NAME = 'Unplug';
const ENTITY_URL = /^https:\/\/graph\.microsoft\.com\/(v1\.0|beta)\/(users\/[^/]+\/teamwork\/installedApps\/[^/]+|appCatalogs\/teamsApps\/[^/]+)$/i;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function httpsUrl(text: unknown): boolean {
  if (typeof text !== 'string') return false;
  try {
    return new URL(text).protocol === 'https:';
  } catch {
    return false;
  }
}

function readTopic(value: unknown): { source: 'entityUrl' | 'text'; value: string; webUrl: string | null } {
  if (!isRecord(value)) throw badRequest("The body needs 'topic': { source, value } (and webUrl when the source is text).");
  if (value.source !== 'entityUrl' && value.source !== 'text') throw badRequest(`'topic.source' must be entityUrl or text (got '${String(value.source)}').`);
  if (typeof value.value !== 'string' || value.value.trim() === '') throw badRequest("'topic.value' must be a non-empty string.");
  if (value.source === 'text') {
    if (!httpsUrl(value.webUrl)) throw badRequest("'topic.webUrl' is required when the topic source is text, and must be an https URL.");
    return { source: 'text', value: value.value, webUrl: value.webUrl as string };
  }
  if (!ENTITY_URL.test(value.value)) throw badRequest(`'topic.value' must be the Graph URL of a teamsAppInstallation or teamsCatalogApp when the source is entityUrl (got '${value.value}').`);
  return { source: 'entityUrl', value: value.value, webUrl: null };
}

function readParameters(value: unknown): { name: string; value: string }[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || !value.every((p) => isRecord(p) && typeof p.name === 'string' && typeof p.value === 'string')) {
    throw badRequest("'templateParameters' must be a list of { name, value } strings.");
  }
  return value.map((p) => ({ name: (p as { name: string }).name, value: (p as { value: string }).value }));
}

/** The reason line: the declared template with its parameters (and `{actor}`) filled in. */
function render(activityType: string, parameters: { name: string; value: string }[]): string {
  const values = new Map(parameters.map((p) => [p.name, p.value]));
  if (activityType === SYSTEM_DEFAULT) {
    const text = values.get('systemDefaultText');
    if (text === undefined) throw badRequest("The systemDefault activity type needs the template parameter 'systemDefaultText'.");
    return text;
  }
  const declared = ACTIVITY_TYPES.find((a) => a.type === activityType);
  if (!declared) throw badRequest(`The activity type '${activityType}' is not declared in the activities of the Teams app's manifest.`);
  const needed = [...declared.templateText.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string).filter((n) => n !== 'actor');
  const missing = needed.filter((n) => !values.has(n));
  if (missing.length > 0) throw badRequest(`The template of '${activityType}' needs the parameters ${missing.map((n) => `'${n}'`).join(', ')}.`);
  return declared.templateText.replace(/\{(\w+)\}/g, (_m, name: string) => (name === 'actor' ? APP_NAME : values.get(name) ?? ''));
}

function send(call: GraphCall, ctx: GraphContext, person: DemoPerson) {
  if (!ctx.activity) throw new GraphError(501, 'NotImplemented', 'This demo tenant has no activity feeds.');
  const body = call.body;
  if (!isRecord(body)) throw badRequest("The body needs 'topic' and 'activityType'.");
  const unknown = Object.keys(body).find((k) => !PARAMETERS.includes(k) && !k.startsWith('@'));
  if (unknown !== undefined) throw badRequest(`The parameter '${unknown}' in the request payload is not a valid parameter for the operation 'sendActivityNotification'.`);
  const topic = readTopic(body.topic);
  if (typeof body.activityType !== 'string' || body.activityType === '') throw badRequest("'activityType' is required: a type declared in the app manifest, or systemDefault.");
  if (body.previewText !== undefined && body.previewText !== null && !(isRecord(body.previewText) && typeof body.previewText.content === 'string')) {
    throw badRequest("'previewText' must be an itemBody: { content }.");
  }
  if (body.chainId !== undefined && body.chainId !== null && !Number.isSafeInteger(body.chainId)) throw badRequest("'chainId' must be a whole number (Int64).");
  const parameters = readParameters(body.templateParameters);
  const text = render(body.activityType, parameters);
  if (call.principal.kind === 'delegated' && call.principal.person.id === person.id) {
    throw badRequest('A user cannot send activity notifications to themselves; use application permissions.');
  }
  if (ctx.consent && !ctx.consent.delegatedConsented(person)) {
    throw new GraphError(403, 'Forbidden', `The Teams app for Microsoft Entra app '${ctx.appId ?? 'Unplug'}' is not installed for user '${person.id}' (in the personal scope, a team or a chat they are part of).`);
  }
  ctx.activity.deliver(person, {
    activityType: body.activityType,
    text,
    previewText: isRecord(body.previewText) ? (body.previewText.content as string) : null,
    topic,
    templateParameters: parameters,
    chainId: typeof body.chainId === 'number' ? body.chainId : null,
    sentAs: call.principal.kind,
    createdDateTime: new Date(call.now).toISOString(),
  });
  return noContent();
}

export const activityRoutes: GraphRoute[] = [
  // A delegated token notifies someone else (never themselves): the recipient is not the caller.
  { method: 'POST', pattern: 'users/:user/teamwork/sendActivityNotification', call: 'sendActivityNotification', towardsOthers: true, handler: (call, ctx, { person }) => send(call, ctx, person) },
];
