/**
 * What the tab knows about where it runs. `teams-host.ts` builds one of these; nothing else in
 * the client touches teams-js, so these plain types are the whole host interface.
 */

/** The theme names a Teams host uses. */
export type ThemeName = 'default' | 'dark' | 'contrast';

export const THEME_NAMES: readonly ThemeName[] = ['default', 'dark', 'contrast'];

export function isThemeName(value: unknown): value is ThemeName {
  return typeof value === 'string' && (THEME_NAMES as readonly string[]).includes(value);
}

/** Teams host clients that run on phones and tablets (teams-js `HostClientType`). */
const MOBILE_HOST_CLIENTS: ReadonlySet<string> = new Set(['android', 'ios', 'ipados']);

/** Whether the Teams host is a mobile client: touch, an in-app web view, full-screen pop-ups. */
export function isMobileHostClient(hostClientType: string | undefined): boolean {
  return hostClientType !== undefined && MOBILE_HOST_CLIENTS.has(hostClientType);
}

/** Where the tab was opened: `content` for a tab, `settings` for a channel tab's configuration page. */
export type FrameContext = 'content' | 'settings' | 'remove' | 'sidePanel' | 'meetingStage' | 'task' | 'authentication' | (string & {});

export type Unsubscribe = () => void;

export interface HostUser {
  /** Entra object id (`oid`). */
  id: string;
  displayName: string | undefined;
  userPrincipalName: string | undefined;
  loginHint: string | undefined;
  tenantId: string | undefined;
}

export interface HostTeam {
  /** The Teams thread id of the team (`19:…@thread.skype`). */
  internalId: string;
  /** The Microsoft 365 group id of the team. */
  groupId: string | undefined;
  displayName: string | undefined;
}

export interface HostChannel {
  id: string;
  displayName: string | undefined;
}

export interface HostContext {
  frameContext: FrameContext;
  theme: ThemeName;
  /** BCP 47 tag such as `en-us`, for dates and numbers. */
  locale: string;
  hostName: string;
  hostClientType: string;
  /** The tab's own id (`entityId`), when the host gives one. */
  pageId: string | undefined;
  /** The sub-page a deep link asked for (its `subEntityId`), e.g. the view a nudge opens. */
  subPageId: string | undefined;
  user: HostUser;
  team: HostTeam | undefined;
  channel: HostChannel | undefined;
}

/** What a channel tab saves: the host keeps it and loads `contentUrl` as the tab. */
export interface TabConfig {
  contentUrl: string;
  entityId?: string;
  suggestedDisplayName?: string;
  websiteUrl?: string;
  removeUrl?: string;
}

/** The host's Save button was pressed: answer with exactly one of these. */
export interface SaveRequest {
  succeed(): void;
  fail(reason: string): void;
}

export interface AuthenticateRequest {
  /** Same-origin URL of the page that runs the flow and reports back. */
  url: string;
  width?: number;
  height?: number;
}

/** The channel tab configuration page (`pages.config`). */
export interface ChannelConfig {
  setValid(valid: boolean): void;
  onSave(handler: (save: SaveRequest) => void): void;
  save(config: TabConfig): Promise<void>;
}

/** Running inside a Teams (or Microsoft 365) host. */
export interface TeamsHost {
  kind: 'teams';
  context: HostContext;
  onThemeChange(handler: (theme: ThemeName) => void): Unsubscribe;
  /**
   * The Teams SSO token for this app (the host caches and renews it). With `claims` (from a
   * claims challenge), Teams asks Entra for a token that carries them, prompting if needed.
   */
  getAuthToken(request?: { claims?: string[] }): Promise<string>;
  /** Runs an interactive flow (e.g. admin consent) in a host pop-up; resolves with its result. */
  authenticate(request: AuthenticateRequest): Promise<string>;
  /**
   * In the authentication pop-up (frameContext `authentication`): reports the flow's outcome to
   * the tab that called `authenticate`, and closes the pop-up.
   */
  finishAuthentication(outcome: { ok: true; result: string } | { ok: false; reason: string }): void;
  config: ChannelConfig;
  /** Tells the host the tab has rendered, so it can drop its own loading indicator. */
  reportLoaded(): void;
}

/** Running in a plain browser: the demo tenant stands in for Microsoft 365. */
export interface DemoHost {
  kind: 'demo';
  theme: ThemeName;
  locale: string;
  /** Follows the browser's colour-scheme and contrast preferences. */
  onThemeChange(handler: (theme: ThemeName) => void): Unsubscribe;
}

export type TabHost = TeamsHost | DemoHost;
