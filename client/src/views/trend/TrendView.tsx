import { Badge, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { TrendResponse } from '@unplug/contract';
import { useApiResource } from '../../common/use-api-resource';
import { LoadingState } from '../../common/LoadingState';
import { ProblemMessage } from '../../common/ProblemMessage';
import { ViewFrame } from '../../common/ViewFrame';
import { formatDate, formatHours, formatPercent } from '../../format/format';
import { ScrollRegion } from '../../layout/ScrollRegion';
import { useSession } from '../../session/session';
import { trendSummary } from './trend-summary';

const useStyles = makeStyles({
  summary: { margin: 0 },
  note: { margin: 0, color: tokens.colorNeutralForeground2 },
  table: { minWidth: '40rem' },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** The last eight weeks of measured balance, and the streak of weeks that met the target. */
export function TrendView() {
  const { locale } = useSession();
  const { state, reload } = useApiResource<TrendResponse>('trend', (api, signal) => api.get<TrendResponse>('/api/me/trend', { signal }));
  return (
    <ViewFrame title="Trend" description="Your last eight weeks, counting only what has happened.">
      {state.status === 'loading' && <LoadingState label="Loading your trend…" lines={4} />}
      {state.status === 'error' && <ProblemMessage error={state.error} title="Could not load your trend." onRetry={reload} />}
      {state.status === 'ready' && <TrendContent trend={state.data} locale={locale} />}
    </ViewFrame>
  );
}

function TrendContent({ trend, locale }: { trend: TrendResponse; locale: string }) {
  const styles = useStyles();
  const hours = (minutes: number) => formatHours(minutes, locale);
  return (
    <>
      <Text as="p" size={400} weight="semibold" className={styles.summary} data-figure="trend-summary" aria-live="polite">{trendSummary(trend, locale)}</Text>
      <Text as="p" size={200} className={styles.note}>
        A week meets the target when the disconnect target was met on every working day so far. Disconnected time counts only uninterrupted stretches of at least your shortest block.
        {trend.presence ? '' : ' Honoured time is not measured: it needs Teams presence.'}
      </Text>
      <ScrollRegion label="Trend table" stickyFirstColumn>
        <Table className={styles.table} size="small" aria-label="Balance week by week">
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Week of</TableHeaderCell>
              <TableHeaderCell scope="col">Disconnected</TableHeaderCell>
              <TableHeaderCell scope="col">After hours</TableHeaderCell>
              <TableHeaderCell scope="col">Target met</TableHeaderCell>
              <TableHeaderCell scope="col">{trend.presence ? 'Blocks honoured' : 'Blocks protected'}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {[...trend.weeks].reverse().map((week) => (
              <TableRow key={week.weekStart} data-week={week.weekStart}>
                <TableCell>
                  {formatDate(week.weekStart, locale, 'short')}
                  {week.inProgress && <>{' '}<Badge appearance="tint" color="brand">So far</Badge></>}
                </TableCell>
                <TableCell>{week.disconnectedShare === null ? <span className={styles.muted}>no working time</span> : `${formatPercent(week.disconnectedShare, locale)} (${hours(week.disconnectedMinutes)})`}</TableCell>
                <TableCell>{hours(week.afterHoursConnectedMinutes)}</TableCell>
                <TableCell>
                  {week.targetDays === 0 ? <span className={styles.muted}>no target days</span> : (
                    <>
                      {`${week.targetDaysMet} of ${week.targetDays} days`}{' '}
                      {week.metTarget && <Badge appearance="tint" color="success">met</Badge>}
                    </>
                  )}
                </TableCell>
                <TableCell>{trend.presence ? `${hours(week.honouredMinutes)} of ${hours(week.protectedMinutes)}` : hours(week.protectedMinutes)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </ScrollRegion>
    </>
  );
}
