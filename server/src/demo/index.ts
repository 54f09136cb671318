/** The demo tenant's public surface (see README.md in this folder). */
export {
  DEMO_APP_ID_URI, DEMO_AUTHORITY, DEMO_CLIENT_ID, DEMO_CLIENT_SECRET,
  DEMO_GRAPH_PATH, DEMO_IDENTITY_PATH, DEMO_PREFIX, DEMO_TENANT_ID, GRAPH_APP_ID, GRAPH_RESOURCE, SSO_SCOPE, TEAMS_WEB_CLIENT_ID,
  UNPLUG_ADMIN_ROLE, demoAuthorityUrl, demoIssuer, demoOpenIdConfiguration,
} from './constants';
export { createDemoTenant, type DemoTenant, type DemoTenantOptions } from './tenant';
export { DEMO_TENANT_DECORATOR, demoTenantRoutes, registerDemoTenant } from './plugin';
export { buildDemoTenantApp, startDemoTenant, type DemoTenantApp, type RunningDemoTenant } from './standalone';
export type { DemoFaultSettings } from './faults';
export type { DemoStats } from './stats';
export type { DemoOrg, DemoPerson } from './org';
export type { PersonSpec } from './seed-people';
export type { CalendarChange } from './calendar-store';
export type { PresenceOverrideChange } from './presence-store';
export { MAX_BATCH_REQUESTS } from './graph/batch';
export { MAX_PRESENCE_IDS } from './graph/presence';
export { CALENDAR_VIEW_PAGE_SIZE, CALENDAR_VIEW_MAX_TOP } from './graph/calendar-view';
export { DELTA_PAGE_SIZE } from './graph/calendar-delta';
