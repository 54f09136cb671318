/**
 * The test Teams host, running in the browser: it frames the tab (same origin) and answers the
 * real `@microsoft/teams-js` the way Teams does (protocol: ../shared/docs/platform-notes.md).
 * Served transpiled by tab-server.ts, so it imports nothing but types.
 */
import type { HostConfig, HostMessage, HostTheme, TestHost } from './host-protocol';

const SDK_VERSION = '2.58.0';

/** Enough of a Teams runtime for the tab: app, pages (incl. config), teamsCore, authentication. */
const RUNTIME = {
  apiVersion: 4,
  isLegacyTeams: false,
  hostVersionsInfo: { adaptiveCardSchemaVersion: { majorVersion: 1, minorVersion: 5 } },
  supports: { app: {}, appInstallDialog: {}, authentication: {}, pages: { config: {}, currentApp: {}, tabs: {} }, teamsCore: {} },
};

interface TabRequest {
  id?: unknown;
  uuidAsString?: unknown;
  func: string;
  args?: unknown;
}

const startedAt = performance.now();
const config = JSON.parse(new URLSearchParams(window.location.search).get('config') ?? '{}') as HostConfig;
if (!config.tab?.startsWith('/')) throw new Error('host config: `tab` must be a path on this origin');

const frame = document.createElement('iframe');
frame.id = 'tab';
frame.title = 'Unplug tab';
frame.src = config.tab;
document.body.append(frame);

const listeners = new Set<() => void>();

const host: TestHost = {
  config,
  messages: [],
  savedConfig: undefined,
  sendThemeChange(theme: HostTheme) {
    config.theme = theme;
    post({ func: 'themeChange', args: [theme] });
  },
  sendSave() {
    post({ func: 'settings.save', args: [{}] });
  },
  sendEvent(func: string, args: unknown[]) {
    post({ func, args });
  },
  setAuthToken(token: string | undefined) {
    config.authToken = token;
  },
  waitForMessage(func, { fromIndex = 0, timeoutMs = 10_000 } = {}) {
    return new Promise<HostMessage>((resolve, reject) => {
      const check = () => {
        const found = host.messages.slice(fromIndex).find((m) => m.func === func);
        if (!found) return false;
        listeners.delete(check);
        clearTimeout(timer);
        resolve(found);
        return true;
      };
      const timer = setTimeout(() => {
        listeners.delete(check);
        reject(new Error(`the tab sent no ${func} within ${timeoutMs} ms; it sent: ${host.messages.map((m) => m.func).join(', ')}`));
      }, timeoutMs);
      if (!check()) listeners.add(check);
    });
  },
};
window.__host = host;

function post(message: object): void {
  frame.contentWindow?.postMessage(message, window.location.origin);
}

/** The authentication pop-up, while one is open, and how to report its outcome to the tab. */
let authWindow: { window: Window; finish(answer: unknown[]): void } | undefined;

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (event.origin !== window.location.origin) return;
  const from = event.source === frame.contentWindow ? 'tab' : authWindow && event.source === authWindow.window ? 'authentication' : undefined;
  const data = event.data;
  if (!from || typeof data !== 'object' || data === null || !('func' in data) || typeof data.func !== 'string') return;
  void handle(data as TabRequest, from);
});

async function handle(request: TabRequest, from: 'tab' | 'authentication'): Promise<void> {
  const id = typeof request.id === 'number' ? request.id : undefined;
  const message: HostMessage = {
    func: request.func,
    args: Array.isArray(request.args) ? request.args : [],
    id,
    at: Math.round(performance.now() - startedAt),
    answered: false,
    from,
  };
  host.messages.push(message);
  for (const listener of [...listeners]) listener();
  if (from === 'authentication') return answerAuthWindow(message, request.uuidAsString);
  if (config.silent || id === undefined) return;
  const answer = await answerFor(message);
  if (answer === undefined) return;
  message.answered = true;
  post({ id, uuidAsString: request.uuidAsString, args: answer });
}

/** Opens the pop-up for `authentication.authenticate`; resolves with the tab's answer once the pop-up reports (or is closed). */
function openAuthWindow(url: string): Promise<unknown[]> {
  const target = new URL(url, window.location.href);
  if (target.origin !== window.location.origin) return Promise.resolve([false, 'the test host opens only same-origin pages']);
  const popup = window.open(target.href, 'unplug-authentication', 'width=600,height=600');
  if (!popup) return Promise.resolve([false, 'FailedToOpenWindow']);
  return new Promise((resolve) => {
    const closed = setInterval(() => {
      if (popup.closed) finish([false, 'CancelledByUser']);
    }, 250);
    const finish = (answer: unknown[]) => {
      clearInterval(closed);
      authWindow = undefined;
      resolve(answer);
    };
    authWindow = { window: popup, finish };
  });
}

/** The pop-up runs teams-js too: it initialises in the `authentication` frame context and reports the outcome. */
function answerAuthWindow(message: HostMessage, uuidAsString: unknown): void {
  const popup = authWindow;
  if (!popup) return;
  const reply = (args: unknown[]) => {
    message.answered = true;
    popup.window.postMessage({ id: message.id, uuidAsString, args }, window.location.origin);
  };
  switch (message.func) {
    case 'initialize': return reply(['authentication', config.hostClientType, JSON.stringify(RUNTIME), SDK_VERSION]);
    case 'getContext': return reply([{ ...flatContext(), frameContext: 'authentication' }]);
    case 'authentication.authenticate.success': return popup.finish([true, message.args[0]]);
    case 'authentication.authenticate.failure': return popup.finish([false, message.args[0]]);
    default: return undefined;
  }
}

/** The host's answer to one request, or undefined for calls Teams does not answer. */
async function answerFor({ func, args }: HostMessage): Promise<unknown[] | undefined> {
  switch (func) {
    case 'initialize':
      return [config.frameContext, config.hostClientType, JSON.stringify(RUNTIME), SDK_VERSION];
    case 'getContext':
      return [flatContext()];
    case 'authentication.getAuthToken':
      // teams-js sends [resources, claims, silent, tenantId]; claims come from a claims challenge.
      return authToken(Array.isArray(args[1]) ? args[1].filter((c): c is string => typeof c === 'string') : []);
    case 'authentication.authenticate':
      if (config.authenticateInWindow) return openAuthWindow(String(args[0]));
      return config.authenticateResult === undefined ? [false, 'CancelledByUser'] : [true, config.authenticateResult];
    case 'settings.setSettings':
      host.savedConfig = typeof args[0] === 'object' && args[0] !== null ? args[0] as Record<string, unknown> : {};
      return [true];
    case 'settings.getSettings':
      return [host.savedConfig ?? {}];
    default:
      return undefined; // settings.setValidityState, registerHandler, appInitialization.*: Teams sends nothing back
  }
}

/** The v1 ("flat") context Teams sends; teams-js turns it into `app.Context`. */
function flatContext(): Record<string, unknown> {
  return {
    locale: config.locale,
    theme: config.theme,
    frameContext: config.frameContext,
    hostClientType: config.hostClientType,
    hostName: 'Teams',
    tid: config.tenantId,
    userObjectId: config.userObjectId,
    userPrincipalName: config.userPrincipalName,
    loginHint: config.userPrincipalName,
    userDisplayName: config.userDisplayName,
    entityId: config.entityId,
    subEntityId: config.subEntityId,
    teamId: config.teamId,
    teamName: config.teamName,
    channelId: config.channelId,
    channelName: config.channelName,
    groupId: config.groupId,
    appSessionId: 'test-app-session',
    sessionId: 'test-session',
  };
}

async function authToken(claims: string[]): Promise<unknown[]> {
  if (config.demoUserId !== undefined) {
    // With claims, Teams would prompt (e.g. MFA) and return a token that carries them.
    const response = await fetch('/demo/identity/token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(claims.length > 0 ? { userId: config.demoUserId, claims } : { userId: config.demoUserId }),
    });
    if (!response.ok) return [false, `the demo identity answered ${response.status}`];
    const body = await response.json() as { access_token?: unknown };
    return typeof body.access_token === 'string' ? [true, body.access_token] : [false, 'no access_token from the demo identity'];
  }
  return config.authToken === undefined ? [false, 'the test host has no token'] : [true, config.authToken];
}

export {};
