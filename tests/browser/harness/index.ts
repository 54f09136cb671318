/** The browser test harness: the real server and tab in headless Chromium, in a test Teams host. */
export { launchBrowser, newTestContext, watchPage, saveScreenshot, saveTabScreenshot, layoutSettled, animationsEnded, chromiumExecutable, ARTIFACTS_DIR, TEAMS_VALID_DOMAINS_URL, type PageProblems } from './browser';
export { startTabServer, HOST_PAGE_PATH, type TabServer, type TabServerOptions } from './tab-server';
export { openInHost, hostPageUrl, hostMessages, waitForHostMessage, tabTheme, type HostedTab } from './hosted-tab';
export { DEFAULT_HOST_CONFIG, type HostConfig, type HostMessage, type HostTheme, type TestHost } from './host-protocol';
export { accessibilityProblems, type AccessibilityProblem } from './axe';
export { demoTenant, type DemoTenantClient, type DemoPersonInfo, type CalendarEvent } from './demo-tenant';
export { openBrowserSuite, useBrowserTimeouts, type BrowserSuite } from './browser-suite';
