import { Badge, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { BalanceDay, BalanceResponse } from '@unplug/contract';
import { formatDate, formatHours } from '../../format/format';
import { rowsThatAddUp } from './balance-figures';
import { ScrollRegion } from '../../layout/ScrollRegion';

const useStyles = makeStyles({
  wrap: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  table: { minWidth: '48rem' },
  day: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  total: { fontWeight: tokens.fontWeightSemibold },
  planned: { color: tokens.colorNeutralForeground2, fontStyle: 'italic' },
  muted: { color: tokens.colorNeutralForeground3 },
  note: { margin: 0, color: tokens.colorNeutralForeground2 },
});

type Figure = 'workingMinutes' | 'connectedMinutes' | 'disconnectedMinutes' | 'fragmentedMinutes' | 'afterHoursConnectedMinutes' | 'protectedMinutes' | 'honouredMinutes';

const FIGURES: readonly { key: Figure; label: string; presenceOnly?: boolean }[] = [
  { key: 'workingMinutes', label: 'Working time' },
  { key: 'connectedMinutes', label: 'Connected' },
  { key: 'disconnectedMinutes', label: 'Disconnected' },
  { key: 'fragmentedMinutes', label: 'Broken up' },
  { key: 'afterHoursConnectedMinutes', label: 'After hours' },
  { key: 'protectedMinutes', label: 'Protected' },
  { key: 'honouredMinutes', label: 'Honoured', presenceOnly: true },
];

interface BalanceTableProps {
  balance: BalanceResponse;
  locale: string;
}

/**
 * The minutes each cell shows: days that count (measured, in progress) rounded so that they add
 * up to their total; planned days rounded on their own (a forecast, not in the total).
 */
export function shownMinutes(balance: BalanceResponse, key: Figure): { days: Map<string, number>; total: number } {
  const counted = balance.days.filter((d) => d.state !== 'planned');
  const { rows, total } = rowsThatAddUp(counted.map((d) => d[key]));
  const days = new Map<string, number>();
  counted.forEach((d, i) => days.set(d.date, rows[i] ?? 0));
  for (const d of balance.days) if (d.state === 'planned') days.set(d.date, Math.round(d[key] / 6) * 6);
  return { days, total };
}

/** Every figure of the week, day by day: the accessible form of the charts. */
export function BalanceTable({ balance, locale }: BalanceTableProps) {
  const styles = useStyles();
  const hours = (minutes: number) => formatHours(minutes, locale);
  const figures = FIGURES.filter((f) => !f.presenceOnly || balance.sources.presence);
  const shown = new Map(figures.map((f) => [f.key, shownMinutes(balance, f.key)]));
  const cell = (key: Figure, date: string) => hours(shown.get(key)?.days.get(date) ?? 0);
  const anyPlanned = balance.days.some((d) => d.state === 'planned');
  const inProgress = balance.days.some((d) => d.state === 'in-progress');

  return (
    <div className={styles.wrap}>
      <ScrollRegion label="Balance table" stickyFirstColumn>
      <Table className={styles.table} size="small" aria-label="Balance day by day">
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">Day</TableHeaderCell>
            {figures.map((f) => <TableHeaderCell key={f.key} scope="col">{f.label}</TableHeaderCell>)}
            <TableHeaderCell scope="col">Target</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {balance.days.map((day) => (
            <TableRow key={day.date} data-date={day.date} data-state={day.state} className={day.state === 'planned' ? styles.planned : undefined}>
              <TableCell><DayLabel day={day} locale={locale} /></TableCell>
              {figures.map((f) => <TableCell key={f.key}>{cell(f.key, day.date)}</TableCell>)}
              <TableCell><TargetCell day={day} text={hours(day.targetMinutes)} /></TableCell>
            </TableRow>
          ))}
          <TableRow className={styles.total} data-date="total">
            <TableCell><Text weight="semibold">{anyPlanned || inProgress ? 'Total so far' : 'Total'}</Text></TableCell>
            {figures.map((f) => <TableCell key={f.key}>{hours(shown.get(f.key)?.total ?? 0)}</TableCell>)}
            <TableCell>{`${balance.totals.targetDaysMet} of ${balance.totals.targetDays} days met`}</TableCell>
          </TableRow>
        </TableBody>
      </Table>
      </ScrollRegion>
      <Text as="p" size={200} className={styles.note} data-figure="table-note">
        {tableNote(balance)}
      </Text>
    </div>
  );
}

/** What the table's figures are, said once under it. */
export function tableNote(balance: BalanceResponse): string {
  const parts = ['Hours are rounded to a tenth so that the days add up to the total.',
    '“Broken up” is free working time in stretches too short to count as disconnected.'];
  if (balance.days.some((d) => d.state === 'in-progress')) parts.push('Today counts up to now.');
  if (balance.days.some((d) => d.state === 'planned')) parts.push('Planned days are a forecast of what your calendar holds so far and are not in the total.');
  if (!balance.sources.presence) parts.push('Honoured time (really offline in protected time) is not measured: it needs Teams presence.');
  return parts.join(' ');
}

function DayLabel({ day, locale }: { day: BalanceDay; locale: string }) {
  const styles = useStyles();
  return (
    <span className={styles.day}>
      <span>{formatDate(day.date, locale, 'short')}</span>
      {day.state === 'in-progress' && <Badge appearance="tint" color="brand">Today, so far</Badge>}
      {day.state === 'planned' && <Badge appearance="tint" color="informative">Planned</Badge>}
      {day.outOfOffice && <Badge appearance="tint" color="informative">Out of office</Badge>}
      {!day.isWorkingDay && !day.outOfOffice && <Badge appearance="outline" color="informative">Day off</Badge>}
    </span>
  );
}

function TargetCell({ day, text }: { day: BalanceDay; text: string }) {
  const styles = useStyles();
  if (day.targetMinutes <= 0) return <span className={styles.muted}>none</span>;
  const [label, color] = day.state === 'planned'
    ? [day.targetMet ? 'room for it' : 'no room yet', 'informative'] as const
    : day.targetMet ? ['met', 'success'] as const
      : day.state === 'in-progress' ? ['not yet', 'informative'] as const : ['not met', 'warning'] as const;
  return (
    <span>
      {text}{' '}
      <Badge appearance="tint" color={color}>{label}</Badge>
    </span>
  );
}
