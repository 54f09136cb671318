import { useEffect, useState } from 'react';
import type { ApiError } from '../../api/api-error';
import type { BalanceResponse, MembershipResponse, TeamBalanceResponse } from '@unplug/contract';
import { asApiError } from '../../common/problems';
import { useApiResource, type Resource } from '../../common/use-api-resource';
import { addDays } from '../../format/format';
import { useSession } from '../../session/session';

/**
 * The team a demo-mode channel tab stands for (outside Teams there is no team context): the demo
 * organisation's Customer Success team, whose members are every seeded person
 * (`server/src/demo/teams.ts`).
 */
export const DEMO_TEAM_ID = '6f1e2b0a-4c3d-4e5f-9a7b-1c2d3e4f5a60';

export interface TeamRef {
  /** The team's Microsoft 365 group id: the server checks the caller's membership of it with Graph. */
  id: string | undefined;
  name: string | undefined;
}

export type MembershipChange = { status: 'idle' } | { status: 'running'; optIn: boolean } | { status: 'failed'; optIn: boolean; error: ApiError };

export interface TeamModel {
  team: TeamRef | undefined;
  membership: Resource<MembershipResponse>;
  /** Shown at once while the change is on its way (optimistic). */
  optedIn: boolean | undefined;
  change: MembershipChange;
  setOptedIn(optIn: boolean): void;
  balance: Resource<TeamBalanceResponse> | undefined;
  isThisWeek: boolean;
  previousWeek(): void;
  nextWeek(): void;
  reload(): void;
}

/** The channel tab: the caller's opt-in, and the team's aggregate for a week once they opted in. */
export function useTeam(): TeamModel {
  const { host, api } = useSession();
  // The group id, not the thread id (`internalId`): membership is checked against the group.
  const team: TeamRef | undefined = host.kind === 'teams'
    ? host.context.team && { id: host.context.team.groupId, name: host.context.team.displayName }
    : { id: DEMO_TEAM_ID, name: 'Customer Success (demo team)' };
  const path = team?.id ? `/api/teams/${encodeURIComponent(team.id)}` : undefined;

  const membership = useApiResource<MembershipResponse>(`membership:${path}`, (client, signal) =>
    (path ? client.get<MembershipResponse>(`${path}/membership`, { signal }) : Promise.resolve({ optedIn: false })));
  const [change, setChange] = useState<MembershipChange>({ status: 'idle' });
  const [week, setWeek] = useState<string | undefined>();

  const loadedOptIn = membership.state.status === 'ready' ? membership.state.data.optedIn : undefined;
  const optedIn = change.status === 'running' ? change.optIn : loadedOptIn;
  const canSee = Boolean(path) && loadedOptIn === true;

  // The team's week is the viewer's own (Monday in their zone), and asking for their balance also
  // records their figures for it, so they count in the team's totals at once.
  const balanceResource = useApiResource<TeamBalanceResponse | undefined>(`balance:${path}:${canSee}:${week ?? 'this'}`, async (client, signal) => {
    if (!canSee || !path) return undefined;
    const asked = week ?? (await client.get<BalanceResponse>('/api/me/balance', { signal })).range.from;
    return client.get<TeamBalanceResponse>(`${path}/balance`, { query: { week: asked }, signal });
  });
  const balance = canSee ? (balanceResource.state as Resource<TeamBalanceResponse>) : undefined;

  const setOptedIn = (optIn: boolean) => {
    if (!path || change.status === 'running') return;
    setChange({ status: 'running', optIn });
    const request = optIn ? api.put<MembershipResponse>(`${path}/membership`, {}) : api.delete<MembershipResponse>(`${path}/membership`);
    request.then(
      (answer) => {
        membership.update(() => answer);
        setChange({ status: 'idle' });
      },
      (e: unknown) => setChange({ status: 'failed', optIn, error: asApiError(e) }),
    );
  };

  const shownWeek = balance?.status === 'ready' ? balance.data.week : undefined;
  const [currentWeek, setCurrentWeek] = useState<string | undefined>();
  useEffect(() => {
    if (week === undefined && shownWeek) setCurrentWeek(shownWeek);
  }, [week, shownWeek]);
  const step = (days: number) => {
    const from = week ?? shownWeek;
    if (!from) return;
    const next = addDays(from, days);
    setWeek(currentWeek && next >= currentWeek ? undefined : next);
  };

  return {
    team, membership: membership.state, optedIn, change, setOptedIn, balance,
    isThisWeek: week === undefined,
    previousWeek: () => step(-7),
    nextWeek: () => step(7),
    reload: () => {
      membership.reload();
      balanceResource.reload();
    },
  };
}
