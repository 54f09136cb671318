/**
 * Types shared by the test Teams host page (runs in the browser) and the tests (run in Node).
 * Types only: the host page's script imports this file with `import type`.
 */

export type HostTheme = 'default' | 'dark' | 'contrast';

/** How the test host behaves; every field has a default (see `DEFAULT_HOST_CONFIG`). */
export interface HostConfig {
  /** Path of the tab on the same origin, e.g. `/tab`, `/config`, `/team`. */
  tab: string;
  /** `content` for a tab, `settings` for a channel tab's configuration page. */
  frameContext: 'content' | 'settings' | 'remove' | 'sidePanel';
  hostClientType: 'web' | 'desktop' | 'android' | 'ios';
  theme: HostTheme;
  locale: string;
  tenantId: string;
  userObjectId: string;
  userPrincipalName: string;
  userDisplayName?: string;
  entityId?: string;
  /** A deep link's sub-page (`subEntityId`), e.g. the view an activity-feed nudge opens. */
  subEntityId?: string;
  /** A channel tab: the team's thread id, the channel id and the team's Microsoft 365 group id. */
  teamId?: string;
  teamName?: string;
  channelId?: string;
  channelName?: string;
  groupId?: string;
  /** What `authentication.getAuthToken` answers: this token, or failure when none is set. */
  authToken?: string;
  /** Get the token from the server's demo identity for this person instead (POST /demo/identity/token). */
  demoUserId?: string;
  /** What `authentication.authenticate` resolves with; it fails (CancelledByUser) when unset. */
  authenticateResult?: string;
  /**
   * Run `authentication.authenticate` as Teams does: open the URL in a pop-up, answer the SDK in
   * it (frameContext `authentication`), and pass its notifySuccess/notifyFailure back to the tab.
   * Overrides `authenticateResult`.
   */
  authenticateInWindow?: boolean;
  /** Never answer anything: a page that frames the tab but is no Teams host. */
  silent?: boolean;
}

/** A message the tab sent to the host, as recorded by the host page. */
export interface HostMessage {
  func: string;
  args: unknown[];
  /** Present on requests (the SDK expects an answer to some of them); events from the tab have none. */
  id: number | undefined;
  /** Milliseconds since the host page started. */
  at: number;
  /** Whether the host answered it. */
  answered: boolean;
  /** Which window sent it: the tab's frame, or the authentication pop-up. */
  from?: 'tab' | 'authentication';
}

/** `window.__host` on the host page, for `page.evaluate`. */
export interface TestHost {
  config: HostConfig;
  /** Every message the tab sent, in order. */
  messages: HostMessage[];
  /** What the tab saved with `pages.config.setConfig` (`settings.setSettings`), last first wins. */
  savedConfig: Record<string, unknown> | undefined;
  /** Host-initiated event: the Teams theme changed. Later `getContext` calls see it too. */
  sendThemeChange(theme: HostTheme): void;
  /** Host-initiated event: the Save button of a configuration page. */
  sendSave(): void;
  /** Any other host-initiated event. */
  sendEvent(func: string, args: unknown[]): void;
  setAuthToken(token: string | undefined): void;
  /** Resolves with the first message named `func` at index `fromIndex` or later (already received or not). */
  waitForMessage(func: string, options?: { fromIndex?: number; timeoutMs?: number }): Promise<HostMessage>;
}

export const DEFAULT_HOST_CONFIG: HostConfig = {
  tab: '/tab',
  frameContext: 'content',
  hostClientType: 'web',
  theme: 'default',
  locale: 'en-us',
  tenantId: '00000000-0000-4000-8000-000000000001',
  userObjectId: '00000000-0000-4000-8000-0000000000aa',
  userPrincipalName: 'megan@contoso.test',
};

declare global {
  interface Window {
    __host: TestHost;
  }
}
