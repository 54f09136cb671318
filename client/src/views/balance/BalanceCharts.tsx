/**
 * The balance as charts (@fluentui/react-charts). Loaded lazily: the charts library is the
 * heaviest part of the tab, and the table beside it shows the same figures at once.
 *
 * The target line is drawn against one series only — disconnected hours a day, unstacked — so the
 * two compare directly. Planned days are a forecast and get their own colour and legend. Axes
 * step by half or whole hours (`niceHourAxis`).
 */
import { GroupedVerticalBarChart, ResponsiveContainer, VerticalBarChart, type GroupedVerticalBarChartData, type VerticalBarChartDataPoint } from '@fluentui/react-charts';
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { BalanceDay } from '@unplug/contract';
import { formatDate, formatHours, hoursOf } from '../../format/format';
import { useNarrow } from '../../layout/use-narrow';
import { useThemeName } from '../../theme/theme-name';
import { niceHourAxis } from './balance-figures';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL },
  figure: { margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  caption: { color: tokens.colorNeutralForeground2 },
});

/** Series colours from theme tokens, so light and dark each get theirs. */
const COLOURS = {
  connected: tokens.colorPaletteBerryBorderActive,
  disconnected: tokens.colorPaletteGreenBorderActive,
  planned: tokens.colorNeutralStroke1,
  afterHours: tokens.colorPaletteMarigoldBorderActive,
  target: tokens.colorNeutralForeground1,
  protected: tokens.colorBrandBackground,
  honoured: tokens.colorPaletteLightTealBorderActive,
};

/**
 * High contrast maps every palette colour to one cyan, so the series there use the tokens that
 * stay distinct: cyan, green (disabled text), yellow (links) and white.
 */
const CONTRAST_COLOURS: typeof COLOURS = {
  connected: tokens.colorCompoundBrandForeground1,
  disconnected: tokens.colorCompoundBrandForeground1,
  planned: tokens.colorNeutralForegroundDisabled,
  afterHours: tokens.colorBrandForegroundLink,
  target: tokens.colorNeutralForeground1,
  protected: tokens.colorCompoundBrandForeground1,
  honoured: tokens.colorNeutralForegroundDisabled,
};

interface BalanceChartsProps {
  days: BalanceDay[];
  locale: string;
  presence: boolean;
}

const LEGEND = {
  measured: 'Disconnected',
  'in-progress': 'Disconnected so far today',
  planned: 'Free in the calendar (planned, a forecast)',
} as const;

// hideTickOverlap off: a week has seven short day names, which fit even at 320 px; the chart's
// own overlap rule (10 px between labels) would drop some of them on a phone.
export default function BalanceCharts({ days, locale, presence }: BalanceChartsProps) {
  const styles = useStyles();
  const colours = useThemeName() === 'contrast' ? CONTRAST_COLOURS : COLOURS;
  // Fluent's ResponsiveContainer sizes the chart to its box, legend included. On a phone the
  // legend wraps to one entry a line (four for the first chart), so the box is taller there to
  // keep the plot at least 240 px high, as on a wide screen.
  const height = useNarrow() ? 440 : 320;
  const label = (day: BalanceDay) => formatDate(day.date, locale, 'weekday');
  const hoursText = (day: BalanceDay, minutes: number) => `${formatHours(minutes, locale)}${day.state === 'planned' ? ' (forecast)' : ''}`;

  const disconnected: VerticalBarChartDataPoint[] = days.map((day) => ({
    x: label(day),
    y: hoursOf(day.disconnectedMinutes),
    legend: LEGEND[day.state],
    color: day.state === 'planned' ? colours.planned : colours.disconnected,
    xAxisCalloutData: formatDate(day.date, locale, 'long'),
    yAxisCalloutData: hoursText(day, day.disconnectedMinutes),
    ...(day.targetMinutes > 0 ? { lineData: { y: hoursOf(day.targetMinutes) } } : {}),
  }));
  const disconnectedAxis = niceHourAxis(Math.max(...days.map((d) => Math.max(hoursOf(d.disconnectedMinutes), hoursOf(d.targetMinutes)))));

  const connected: GroupedVerticalBarChartData[] = days.map((day) => ({
    name: label(day),
    series: [
      { key: 'connected', legend: 'Connected in working hours', data: hoursOf(day.connectedMinutes), color: colours.connected, yAxisCalloutData: hoursText(day, day.connectedMinutes) },
      { key: 'after-hours', legend: 'Connected after hours', data: hoursOf(day.afterHoursConnectedMinutes), color: colours.afterHours, yAxisCalloutData: hoursText(day, day.afterHoursConnectedMinutes) },
    ],
  }));
  const connectedAxis = niceHourAxis(Math.max(...days.map((d) => Math.max(hoursOf(d.connectedMinutes), hoursOf(d.afterHoursConnectedMinutes)))));

  const anyProtected = days.some((d) => d.protectedMinutes > 0);
  const protection: GroupedVerticalBarChartData[] = days.map((day) => ({
    name: label(day),
    series: [
      { key: 'protected', legend: 'Protected', data: hoursOf(day.protectedMinutes), color: colours.protected, yAxisCalloutData: hoursText(day, day.protectedMinutes) },
      ...(presence ? [{ key: 'honoured', legend: 'Honoured (really offline)', data: hoursOf(day.honouredMinutes), color: colours.honoured, yAxisCalloutData: formatHours(day.honouredMinutes, locale) }] : []),
    ],
  }));
  const protectionAxis = niceHourAxis(Math.max(...days.map((d) => hoursOf(d.protectedMinutes))));
  const anyPlanned = days.some((d) => d.state === 'planned');

  return (
    <div className={styles.root}>
      <figure className={styles.figure} data-chart="disconnected">
        <Text as="h3" weight="semibold" size={400}>Disconnected hours a day, against your target</Text>
        <ResponsiveContainer height={height}>
          <VerticalBarChart data={disconnected} yAxisTitle="Hours" culture={locale} barWidth="auto" maxBarWidth={40}
            yMaxValue={disconnectedAxis.max} yAxisTickCount={disconnectedAxis.count}
            lineLegendText="Disconnect target" lineLegendColor={colours.target}
            chartTitle="Disconnected hours per day, with the daily disconnect target" hideTickOverlap={false} roundCorners enabledLegendsWrapLines />
        </ResponsiveContainer>
        <Text as="p" size={200} className={styles.caption}>
          The line is your daily disconnect target; only stretches of uninterrupted free time count.
          {anyPlanned ? ' Grey bars are days still to come: what your calendar leaves free so far.' : ''}
        </Text>
      </figure>
      <figure className={styles.figure} data-chart="connected">
        <Text as="h3" weight="semibold" size={400}>Connected hours, in and after working hours</Text>
        <ResponsiveContainer height={height}>
          <GroupedVerticalBarChart data={connected} yAxisTitle="Hours" culture={locale} barWidth="auto" maxBarWidth={24}
            yMaxValue={connectedAxis.max} yAxisTickCount={connectedAxis.count}
            chartTitle="Connected hours per day, in working hours and after hours" hideTickOverlap={false} roundCorners enabledLegendsWrapLines />
        </ResponsiveContainer>
      </figure>
      <figure className={styles.figure} data-chart="protected">
        <Text as="h3" weight="semibold" size={400}>Protected time{presence ? ' and how much was honoured' : ''}</Text>
        {anyProtected ? (
          <ResponsiveContainer height={height}>
            <GroupedVerticalBarChart data={protection} yAxisTitle="Hours" culture={locale} barWidth="auto" maxBarWidth={24}
              yMaxValue={protectionAxis.max} yAxisTickCount={protectionAxis.count}
              chartTitle={presence ? 'Protected and honoured hours per day' : 'Protected hours per day'} hideTickOverlap={false} roundCorners enabledLegendsWrapLines />
          </ResponsiveContainer>
        ) : (
          <Text as="p" className={styles.caption}>No Unplug blocks were booked in these days. Accept a suggestion to protect time.</Text>
        )}
      </figure>
    </div>
  );
}
