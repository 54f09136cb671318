import { Button, MessageBar, MessageBarActions, MessageBarBody, Spinner, Switch, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ChevronLeftRegular, ChevronRightRegular } from '@fluentui/react-icons';
import type { TeamBalanceResponse, TeamFigure } from '@unplug/contract';
import { EmptyState } from '../../common/EmptyState';
import { LoadingState } from '../../common/LoadingState';
import { ProblemMessage } from '../../common/ProblemMessage';
import { ViewFrame } from '../../common/ViewFrame';
import { addDays, formatDateRange, formatHours, formatPercent } from '../../format/format';
import { ScrollRegion } from '../../layout/ScrollRegion';
import { useSession } from '../../session/session';
import { useTeam, type TeamModel } from './use-team';

const useStyles = makeStyles({
  block: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  text: { margin: 0 },
  note: { margin: 0, color: tokens.colorNeutralForeground2 },
  nav: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  table: { maxWidth: '40rem' },
});

const FIGURES: { figure: TeamFigure; label: string }[] = [
  { figure: 'workingMinutes', label: 'Working time' },
  { figure: 'connectedMinutes', label: 'Connected' },
  { figure: 'disconnectedMinutes', label: 'Disconnected' },
  { figure: 'afterHoursConnectedMinutes', label: 'Connected after hours' },
  { figure: 'meetingMinutes', label: 'In meetings' },
  { figure: 'protectedMinutes', label: 'Protected with Unplug blocks' },
  { figure: 'honouredMinutes', label: 'Protected time honoured' },
];

export function TeamView() {
  const styles = useStyles();
  const model = useTeam();
  const { team, membership } = model;
  return (
    <ViewFrame title="Team" description={team?.name ? `How ${team.name} is doing, as a team: aggregate figures only, never anyone's own.` : 'Aggregate figures only, never anyone\'s own.'}>
      {!team && (
        <EmptyState title="Open this from a channel tab.">Team figures belong to a team: add Unplug as a tab in one of your team&apos;s channels.</EmptyState>
      )}
      {team && !team.id && (
        <EmptyState title="Teams did not say which team this is.">Team figures need the team&apos;s Microsoft 365 group, which Teams gives to tabs in a team&apos;s standard channels. Add Unplug as a tab in one of those.</EmptyState>
      )}
      {team?.id && membership.status === 'loading' && <LoadingState label="Loading your team…" />}
      {team?.id && membership.status === 'error' && <ProblemMessage error={membership.error} title="Could not load your team." onRetry={model.reload} />}
      {team?.id && membership.status === 'ready' && (
        <>
          <OptIn model={model} />
          {model.optedIn === true && model.balance && <TeamBalance model={model} />}
          {model.optedIn === false && (
            <Text as="p" className={styles.note}>Team figures are shown only to members who share their own, and only once enough of them do.</Text>
          )}
        </>
      )}
    </ViewFrame>
  );
}

function OptIn({ model }: { model: TeamModel }) {
  const styles = useStyles();
  const { change } = model;
  return (
    <div className={styles.block}>
      <Switch checked={model.optedIn === true} disabled={change.status === 'running'} onChange={(_event, data) => model.setOptedIn(data.checked)}
        label={model.optedIn ? 'I share my figures with this team' : 'Share my figures with this team'} />
      <Text as="p" className={styles.note}>
        Your figures count towards the team&apos;s totals only. Nobody, not even admins, sees your own numbers here. You can stop sharing at any time.
      </Text>
      {change.status === 'running' && <Spinner size="extra-tiny" label={change.optIn ? 'Opting in…' : 'Opting out…'} labelPosition="after" />}
      {change.status === 'failed' && (
        <MessageBar intent="error">
          <MessageBarBody>{`Could not ${change.optIn ? 'opt in' : 'opt out'}: ${change.error.message}`}</MessageBarBody>
          <MessageBarActions><Button onClick={() => model.setOptedIn(change.optIn)}>Retry</Button></MessageBarActions>
        </MessageBar>
      )}
    </div>
  );
}

function TeamBalance({ model }: { model: TeamModel }) {
  const styles = useStyles();
  const { locale } = useSession();
  const { balance } = model;
  if (!balance) return null;
  const week = balance.status === 'ready' ? balance.data.week : undefined;
  return (
    <section className={styles.block} aria-label="Team balance">
      <div className={styles.nav}>
        <Text as="h3" size={400} weight="semibold" className={styles.text}>
          {week ? `${model.isThisWeek ? 'This week' : 'Week of'} ${formatDateRange(week, addDays(week, 6), locale)}` : 'This week'}
        </Text>
        <Button size="small" icon={<ChevronLeftRegular />} onClick={model.previousWeek} disabled={balance.status === 'loading'}>Previous week</Button>
        <Button size="small" icon={<ChevronRightRegular />} iconPosition="after" onClick={model.nextWeek} disabled={model.isThisWeek || balance.status === 'loading'}>Next week</Button>
      </div>
      {balance.status === 'loading' && <LoadingState label="Loading the team's figures…" />}
      {balance.status === 'error' && <ProblemMessage error={balance.error} title="Could not load the team's figures." onRetry={model.reload} />}
      {balance.status === 'ready' && <TeamFigures data={balance.data} locale={locale} />}
    </section>
  );
}

function TeamFigures({ data, locale }: { data: TeamBalanceResponse; locale: string }) {
  const styles = useStyles();
  const sharing = (
    <Text as="p" className={styles.text} data-figure="team-sharing">
      {`Sharing now: ${data.members} of the ${data.minimum} members needed${data.members >= data.minimum ? ' — enough for team figures' : ` — ${data.minimum - data.members} more needed`}.`}
    </Text>
  );
  if (data.status === 'not-enough-members') {
    return (
      <>
      {sharing}
      <EmptyState title={`Not enough people have opted in yet (${data.members} of ${data.minimum}).`}>
        {`Team figures appear once at least ${data.minimum} members share theirs for the week, so that nobody's own numbers can be picked out. Ask your teammates to opt in here.`}
      </EmptyState>
      </>
    );
  }
  const hours = (minutes: number) => formatHours(minutes, locale);
  return (
    <>
      {sharing}
      <Text as="p" size={400} weight="semibold" className={styles.text}>
        {data.balanceRatio === null
          ? `${data.members} members shared their figures.`
          : `${data.members} members shared their figures: together they were disconnected for ${formatPercent(data.balanceRatio, locale)} of their working time.`}
      </Text>
      <ScrollRegion label="Team figures table" stickyFirstColumn>
      <Table className={styles.table} size="small" aria-label="Team figures">
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">Figure</TableHeaderCell>
            <TableHeaderCell scope="col">Team total</TableHeaderCell>
            <TableHeaderCell scope="col">Average per member</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {FIGURES.map(({ figure, label }) => (
            <TableRow key={figure}>
              <TableCell>{label}</TableCell>
              <TableCell>{hours(data.totals[figure])}</TableCell>
              <TableCell>{hours(data.averages[figure])}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      </ScrollRegion>
      <Text as="p" size={200} className={styles.note}>
        {`Totals are rounded to ${hours(data.roundingMinutes)}, so that comparing weeks or teams cannot reveal one person's figures.`}
      </Text>
    </>
  );
}
