/**
 * The only module that imports `@microsoft/teams-js` (ESLint enforces it). It turns the SDK into
 * the plain `TabHost` object of `./host`, so the rest of the client never depends on teams-js.
 */
import { app, authentication, pages } from '@microsoft/teams-js';
import { createDemoHost } from './demo-host';
import { isThemeName, type HostContext, type SaveRequest, type TabHost, type TeamsHost, type ThemeName } from './host';

/** How long to wait for a host to answer `initialize` before running in demo mode. */
export const DEFAULT_CONNECT_TIMEOUT_MS = 3000;

export interface ConnectOptions {
  timeoutMs?: number;
}

/** The host answered `initialize` but then failed; the tab cannot run inside it. */
export class HostError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'HostError';
  }
}

/**
 * Connects to the Teams host, or falls back to demo mode when none answers. In a top-level
 * window with no host the SDK rejects at once; inside a frame whose parent is no Teams host it
 * would wait for ever, hence the race against `timeoutMs`.
 *
 * teams-js also fetches its valid-origins list from a CDN when it loads, but never waits for it
 * here: the test host is same-origin (always trusted) and the Teams and Microsoft 365 hosts are
 * in the SDK's built-in list, so the fetch runs in the background (tests answer it locally).
 */
export async function connectToHost({ timeoutMs = DEFAULT_CONNECT_TIMEOUT_MS }: ConnectOptions = {}): Promise<TabHost> {
  if (!(await initializeWithin(timeoutMs))) return createDemoHost();
  let context: app.Context;
  try {
    context = await app.getContext();
  } catch (cause) {
    throw new HostError('Teams did not give the tab its context.', { cause });
  }
  app.notifyAppLoaded();
  return createTeamsHost(toHostContext(context));
}

async function initializeWithin(timeoutMs: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const initialized = app.initialize().then(() => true, () => false);
  try {
    return await Promise.race([initialized, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function toHostContext(context: app.Context): HostContext {
  const theme = context.app.theme;
  return {
    frameContext: context.page.frameContext,
    theme: isThemeName(theme) ? theme : 'default',
    locale: context.app.locale || 'en-US',
    hostName: context.app.host.name,
    hostClientType: context.app.host.clientType,
    pageId: context.page.id || undefined,
    subPageId: context.page.subPageId || undefined,
    user: {
      id: context.user?.id ?? '',
      displayName: context.user?.displayName,
      userPrincipalName: context.user?.userPrincipalName,
      loginHint: context.user?.loginHint,
      tenantId: context.user?.tenant?.id,
    },
    team: context.team?.internalId
      ? { internalId: context.team.internalId, groupId: context.team.groupId, displayName: context.team.displayName }
      : undefined,
    channel: context.channel ? { id: context.channel.id, displayName: context.channel.displayName } : undefined,
  };
}

function createTeamsHost(context: HostContext): TeamsHost {
  // teams-js keeps one theme handler; fan it out so any number of parts can follow the theme.
  const themeListeners = new Set<(theme: ThemeName) => void>();
  app.registerOnThemeChangeHandler((theme) => {
    if (!isThemeName(theme)) return;
    context.theme = theme;
    for (const listener of themeListeners) listener(theme);
  });

  return {
    kind: 'teams',
    context,
    onThemeChange(handler) {
      themeListeners.add(handler);
      return () => themeListeners.delete(handler);
    },
    getAuthToken: () => authentication.getAuthToken(),
    authenticate: ({ url, width, height }) => authentication.authenticate({ url, width, height }),
    finishAuthentication(outcome) {
      if (outcome.ok) authentication.notifySuccess(outcome.result);
      else authentication.notifyFailure(outcome.reason);
    },
    config: {
      setValid: (valid) => pages.config.setValidityState(valid),
      onSave(handler) {
        pages.config.registerOnSaveHandler((event) => {
          const save: SaveRequest = { succeed: () => event.notifySuccess(), fail: (reason) => event.notifyFailure(reason) };
          handler(save);
        });
      },
      save: (config) => pages.config.setConfig(config),
    },
    reportLoaded() {
      void Promise.resolve(app.notifySuccess()).catch(() => undefined);
    },
  };
}
