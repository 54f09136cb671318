/**
 * The only module that imports `@microsoft/teams-js` (ESLint enforces it). It turns the SDK into
 * the plain `TabHost` object of `./host`, so the rest of the client never depends on teams-js.
 */
import { app, authentication, pages } from '@microsoft/teams-js';
import type { ServerMode } from '../boot/server-mode';
import { createDemoHost } from './demo-host';
import { isMobileHostClient, isThemeName, type HostContext, type SaveRequest, type TabHost, type TeamsHost, type ThemeName } from './host';

/** How long to wait for a host to answer `initialize` before running in demo mode. */
export const DEFAULT_CONNECT_TIMEOUT_MS = 3000;
/**
 * Microsoft 365 mode: how long to wait for the host before saying Teams did not answer. Longer:
 * slow mobile and Outlook hosts take more than 3 s, and there is no demo mode to fall back to.
 */
export const MICROSOFT_365_CONNECT_TIMEOUT_MS = 10_000;

export interface ConnectOptions {
  timeoutMs?: number;
  /** What the server runs against (`/mode`). In Microsoft 365 mode there is no demo fallback. */
  mode?: Promise<ServerMode> | ServerMode;
}

/** The host answered `initialize` but then failed, or (Microsoft 365 mode) never answered. */
export class HostError extends Error {
  constructor(message: string, options?: { cause?: unknown; retry?: boolean }) {
    super(message, options);
    this.name = 'HostError';
    this.retry = options?.retry ?? false;
  }

  /** Worth trying again (Teams may just be slow), rather than reloading the whole tab. */
  readonly retry: boolean;
}

/**
 * Connects to the Teams host. When none answers: against the demo tenant, demo mode; against
 * Microsoft 365 (`mode`), never demo mode, but a `HostError` that says Teams did not answer (after
 * a longer wait) or that the tab must be opened in Teams. In a top-level window with no host the
 * SDK rejects at once; inside a frame whose parent is no Teams host it would wait for ever, hence
 * the race against `timeoutMs`. The server's mode is fetched while `initialize` runs.
 *
 * teams-js also fetches its valid-origins list from a CDN when it loads, but never waits for it
 * here: the test host is same-origin (always trusted) and the Teams and Microsoft 365 hosts are
 * in the SDK's built-in list, so the fetch runs in the background (tests answer it locally).
 */
export async function connectToHost({ timeoutMs, mode = 'demo' }: ConnectOptions = {}): Promise<TabHost> {
  const initialized = app.initialize().then(() => 'ok' as const, () => 'refused' as const);
  const serverMode = await mode;
  const microsoft365 = serverMode === 'microsoft365';
  const outcome = await within(initialized, timeoutMs ?? (microsoft365 ? MICROSOFT_365_CONNECT_TIMEOUT_MS : DEFAULT_CONNECT_TIMEOUT_MS));
  if (outcome !== 'ok') {
    if (!microsoft365) return createDemoHost();
    throw outcome === 'timeout'
      ? new HostError('Teams did not answer. It can be slow to start, on mobile above all.', { retry: true })
      : new HostError('Unplug runs inside Microsoft Teams (or Outlook and Microsoft 365). Open it there.');
  }
  let context: app.Context;
  try {
    context = await app.getContext();
  } catch (cause) {
    throw new HostError('Teams did not give the tab its context.', { cause });
  }
  app.notifyAppLoaded();
  return createTeamsHost(toHostContext(context));
}

async function within<T>(promise: Promise<T>, timeoutMs: number): Promise<T | 'timeout'> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    return await Promise.race([promise, timeout]);
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
    // AuthTokenRequestParameters.claims is string[]: each a claims request from a claims challenge.
    getAuthToken: (request) => (request?.claims?.length ? authentication.getAuthToken({ claims: request.claims }) : authentication.getAuthToken()),
    // Mobile clients show the pop-up full screen (an in-app browser), so no desktop size is asked for
    // there; Teams may ignore the size anyway: https://learn.microsoft.com/en-us/javascript/api/@microsoft/teams-js/authentication.authenticatepopupparameters
    authenticate: ({ url, width, height }) => authentication.authenticate(isMobileHostClient(context.hostClientType) ? { url } : { url, width, height }),
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
