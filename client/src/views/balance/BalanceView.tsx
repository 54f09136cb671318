import { Suspense, lazy } from 'react';
import { Button, MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ChevronLeftRegular, ChevronRightRegular } from '@fluentui/react-icons';
import type { BalanceResponse } from '@unplug/contract';
import { EmptyState } from '../../common/EmptyState';
import { LoadingState } from '../../common/LoadingState';
import { ProblemMessage } from '../../common/ProblemMessage';
import { ViewFrame } from '../../common/ViewFrame';
import { formatDateRange } from '../../format/format';
import { describeZone } from '../../format/plan-clock';
import { useSession } from '../../session/session';
import { balanceSummary, protectedNote, sourcesNote } from './balance-summary';
import { BalanceTable } from './BalanceTable';
import { NextStep } from './NextStep';
import { useBalance } from './use-balance';

const BalanceCharts = lazy(() => import('./BalanceCharts'));

const useStyles = makeStyles({
  summary: { margin: 0 },
  note: { margin: 0, color: tokens.colorNeutralForeground2 },
  block: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  chartSpinner: { justifyContent: 'flex-start', minHeight: '280px' },
});

export function BalanceView() {
  const { locale } = useSession();
  const model = useBalance();
  const { state } = model;
  const range = state.status === 'ready' ? formatDateRange(state.data.range.from, state.data.range.to, locale) : undefined;

  const navigation = (
    <>
      <Button icon={<ChevronLeftRegular />} onClick={model.previousWeek} disabled={state.status === 'loading'}>Previous week</Button>
      <Button onClick={model.thisWeek} disabled={model.isThisWeek}>This week</Button>
      <Button icon={<ChevronRightRegular />} iconPosition="after" onClick={model.nextWeek} disabled={model.isThisWeek || state.status === 'loading'}>Next week</Button>
    </>
  );

  return (
    <ViewFrame title="Balance" description={range ? `${model.isThisWeek ? 'This week' : 'Week of'} ${range}` : 'Your week, day by day'} actions={navigation}>
      {state.status === 'loading' && <LoadingState label="Loading your balance…" lines={4} />}
      {state.status === 'error' && <ProblemMessage error={state.error} title="Could not load your balance." onRetry={model.reload} />}
      {state.status === 'ready' && <BalanceContent balance={state.data} locale={locale} refreshing={state.refreshing} />}
    </ViewFrame>
  );
}

function BalanceContent({ balance, locale, refreshing }: { balance: BalanceResponse; locale: string; refreshing: boolean }) {
  const styles = useStyles();
  const nothing = balance.days.every((d) => d.workingMinutes === 0 && d.afterHoursConnectedMinutes === 0 && d.meetingMinutes === 0);
  const protection = protectedNote(balance, locale);
  return (
    <>
      <div className={styles.block} aria-busy={refreshing}>
        <Text as="p" size={400} weight="semibold" className={styles.summary} aria-live="polite" data-figure="balance-summary">
          {balanceSummary(balance, locale)}
        </Text>
        {protection && <Text as="p" className={styles.note}>{protection}</Text>}
        <Text as="p" size={200} className={styles.note}>
          {sourcesNote(balance)} Days and hours are in your working-hours time zone ({describeZone(balance.timeZone, balance.timeZoneOffsetMinutes, locale)}).
        </Text>
      </div>
      {balance.timeZoneProblem && (
        <MessageBar intent="warning"><MessageBarBody>{balance.timeZoneProblem.message} Figures use UTC until your Outlook time zone is fixed.</MessageBarBody></MessageBar>
      )}
      {nothing ? (
        <EmptyState title="No working time or meetings in these days.">
          Your Outlook working hours and calendar have nothing for this week, so there is no balance to show. Check your working hours in Outlook if that looks wrong.
        </EmptyState>
      ) : (
        <Suspense fallback={<Spinner className={styles.chartSpinner} size="small" label="Loading the charts…" />}>
          <BalanceCharts days={balance.days} locale={locale} presence={balance.sources.presence} />
        </Suspense>
      )}
      <BalanceTable balance={balance} locale={locale} />
      <NextStep locale={locale} />
    </>
  );
}
