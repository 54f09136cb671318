/**
 * The demo tenant's Teams activity feed of one person (`GET /demo/teams/activity`): the nudges
 * Unplug sent them, newest first. Demo mode only — in Teams they appear in Teams' own feed.
 */
import { VIEW_IDS, type ViewId } from '../routing/route';

export interface DemoActivity {
  id: string;
  /** The title line as Teams renders it, e.g. "Your quiet time starts at 17:30". */
  text: string;
  previewText: string | null;
  createdDateTime: string;
  /** The view of the tab the notification opens (from its deep link), when it names one. */
  view: ViewId | undefined;
}

const FEED_PATH = '/demo/teams/activity';

/** The view a Teams deep link to the personal tab opens: its `context` names it as `subEntityId`. */
export function viewOfDeepLink(webUrl: unknown): ViewId | undefined {
  if (typeof webUrl !== 'string') return undefined;
  try {
    const context = new URL(webUrl).searchParams.get('context');
    const sub = context ? (JSON.parse(context) as { subEntityId?: unknown }).subEntityId : undefined;
    return typeof sub === 'string' && (VIEW_IDS as readonly string[]).includes(sub) ? (sub as ViewId) : undefined;
  } catch {
    return undefined;
  }
}

export async function fetchDemoActivity(userId: string, signal?: AbortSignal): Promise<DemoActivity[]> {
  const response = await fetch(`${FEED_PATH}?userId=${encodeURIComponent(userId)}`, { headers: { Accept: 'application/json' }, credentials: 'same-origin', signal });
  if (!response.ok) throw new Error(`The demo tenant answered ${response.status} for the activity feed.`);
  const body = (await response.json()) as { value?: unknown };
  if (!Array.isArray(body.value)) throw new Error('The demo tenant answered without a feed.');
  return body.value.filter((e): e is Record<string, unknown> => typeof e === 'object' && e !== null && typeof (e as { text?: unknown }).text === 'string').map((e) => ({
    id: String(e.id),
    text: e.text as string,
    previewText: typeof e.previewText === 'string' ? e.previewText : null,
    createdDateTime: String(e.createdDateTime),
    view: viewOfDeepLink((e.topic as { webUrl?: unknown } | undefined)?.webUrl),
  }));
}
