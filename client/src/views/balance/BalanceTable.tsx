import { Badge, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { BalanceDay, BalanceFigures, BalanceResponse } from '../../api/types';
import { formatDate, formatHours } from '../../format/format';
import { ScrollRegion } from '../../layout/ScrollRegion';

const useStyles = makeStyles({
  table: { minWidth: '44rem' },
  day: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  total: { fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3 },
});

const COLUMNS = ['Day', 'Working time', 'Connected', 'Disconnected', 'After hours', 'Protected', 'Honoured', 'Target'] as const;

interface BalanceTableProps {
  balance: BalanceResponse;
  locale: string;
}

/** Every figure of the week, day by day: the accessible form of the charts. */
export function BalanceTable({ balance, locale }: BalanceTableProps) {
  const styles = useStyles();
  const hours = (minutes: number) => formatHours(minutes, locale);
  const honoured = (figures: BalanceFigures) => (balance.sources.presence ? hours(figures.honouredMinutes) : <span className={styles.muted} title="Needs Teams presence">not measured</span>);

  return (
    <ScrollRegion label="Balance table" stickyFirstColumn>
      <Table className={styles.table} size="small" aria-label="Balance day by day">
        <TableHeader>
          <TableRow>
            {COLUMNS.map((column) => <TableHeaderCell key={column} scope="col">{column}</TableHeaderCell>)}
          </TableRow>
        </TableHeader>
        <TableBody>
          {balance.days.map((day) => (
            <TableRow key={day.date} data-date={day.date}>
              <TableCell><DayLabel day={day} locale={locale} /></TableCell>
              <TableCell>{hours(day.workingMinutes)}</TableCell>
              <TableCell>{hours(day.connectedMinutes)}</TableCell>
              <TableCell>{hours(day.disconnectedMinutes)}</TableCell>
              <TableCell>{hours(day.afterHoursConnectedMinutes)}</TableCell>
              <TableCell>{hours(day.protectedMinutes)}</TableCell>
              <TableCell>{honoured(day)}</TableCell>
              <TableCell>{day.targetMinutes > 0 ? <Target met={day.targetMet} text={hours(day.targetMinutes)} /> : <span className={styles.muted}>none</span>}</TableCell>
            </TableRow>
          ))}
          <TableRow className={styles.total} data-date="total">
            <TableCell><Text weight="semibold">Total</Text></TableCell>
            <TableCell>{hours(balance.totals.workingMinutes)}</TableCell>
            <TableCell>{hours(balance.totals.connectedMinutes)}</TableCell>
            <TableCell>{hours(balance.totals.disconnectedMinutes)}</TableCell>
            <TableCell>{hours(balance.totals.afterHoursConnectedMinutes)}</TableCell>
            <TableCell>{hours(balance.totals.protectedMinutes)}</TableCell>
            <TableCell>{honoured(balance.totals)}</TableCell>
            <TableCell>{`${balance.totals.targetDaysMet} of ${balance.totals.targetDays} days met`}</TableCell>
          </TableRow>
        </TableBody>
      </Table>
    </ScrollRegion>
  );
}

function DayLabel({ day, locale }: { day: BalanceDay; locale: string }) {
  const styles = useStyles();
  return (
    <span className={styles.day}>
      <span>{formatDate(day.date, locale, 'short')}</span>
      {day.outOfOffice && <Badge appearance="tint" color="informative">Out of office</Badge>}
      {!day.isWorkingDay && !day.outOfOffice && <Badge appearance="outline" color="informative">Day off</Badge>}
    </span>
  );
}

function Target({ met, text }: { met: boolean; text: string }) {
  return (
    <span>
      {text}{' '}
      <Badge appearance="tint" color={met ? 'success' : 'warning'}>{met ? 'met' : 'not met'}</Badge>
    </span>
  );
}
