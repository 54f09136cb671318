import type { RequestAuth } from '../auth/bearer';
import type { GraphGateway } from '../graph/gateway';
import type { PersonContext } from '../graph/graph-client';
import type { Store } from '../store/store';

/** What the API's services need from the outside world: narrow, so tests fake little. */
export interface ApiPorts {
  store: Store;
  graph: Pick<GraphGateway, 'loadTabData' | 'createBlockEvent' | 'deleteBlockEvent' | 'isTeamMember'>;
  /** The Graph context acting for the caller (on-behalf-of their SSO token). */
  personContext(auth: RequestAuth): PersonContext;
  /** The clock: the only place the API reads the time. */
  now(): Date;
}
