/** The Graph gateway's public surface: everything services and jobs need, nothing of Graph's JSON. */
export { createGraphGateway, GRAPH_ROOT, demoGraphRoot, personContext, appContext, type GraphGateway } from './gateway';
export type { GraphContext, PersonContext, AppContext, GraphClientOptions } from './graph-client';
export type { TabData } from './tab-data';
export type { CurrentPresence, UserPresence } from './map-presence';
export type { EventMappingOptions } from './map-event';
export { UNPLUG_CATEGORY } from './map-event';
export type { CalendarDelta } from './delta';
export type { StatusMessageInput } from './presence';
export { MAX_PRESENCE_IDS } from './presence';
export { transactionIdFor, type BlockEventInput } from './events';
export { ConsentRequiredError, GraphThrottledError, GraphResponseError, GraphRequestError } from './errors';
export { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry';
