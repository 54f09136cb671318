/**
 * The balance as charts (@fluentui/react-charts). Loaded lazily: the charts library is the
 * heaviest part of the tab, and the table beside it shows the same figures at once.
 */
import { GroupedVerticalBarChart, ResponsiveContainer, VerticalStackedBarChart, type GroupedVerticalBarChartData, type VerticalStackedChartProps } from '@fluentui/react-charts';
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { BalanceDay } from '../../api/types';
import { formatDate, formatHours, hoursOf } from '../../format/format';
import { useNarrow } from '../../layout/use-narrow';
import { useThemeName } from '../../theme/theme-name';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL },
  figure: { margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  caption: { color: tokens.colorNeutralForeground2 },
});

/** Series colours from theme tokens, so light and dark each get theirs. */
const COLOURS = {
  connected: tokens.colorPaletteBerryBorderActive,
  disconnected: tokens.colorPaletteGreenBorderActive,
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
  disconnected: tokens.colorNeutralForegroundDisabled,
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

// hideTickOverlap off: a week has seven short day names, which fit even at 320 px; the chart's
// own overlap rule (10 px between labels) would drop some of them on a phone.
export default function BalanceCharts({ days, locale, presence }: BalanceChartsProps) {
  const styles = useStyles();
  const colours = useThemeName() === 'contrast' ? CONTRAST_COLOURS : COLOURS;
  // Fluent's ResponsiveContainer sizes the chart to its box, legend included. On a phone the
  // legend wraps to one entry a line, so the box is taller there to keep the bars as tall.
  const height = useNarrow() ? 480 : 350;
  const label = (day: BalanceDay) => formatDate(day.date, locale, 'weekday');
  const point = (day: BalanceDay, legend: string, minutes: number, color: string) => ({
    legend, data: hoursOf(minutes), color, yAxisCalloutData: formatHours(minutes, locale), xAxisCalloutData: formatDate(day.date, locale, 'long'),
  });

  const balance: VerticalStackedChartProps[] = days.map((day) => ({
    xAxisPoint: label(day),
    chartData: [
      point(day, 'Connected (working hours)', day.connectedMinutes, colours.connected),
      point(day, 'Disconnected (working hours)', day.disconnectedMinutes, colours.disconnected),
      point(day, 'Connected after hours', day.afterHoursConnectedMinutes, colours.afterHours),
    ],
    lineData: day.targetMinutes > 0
      ? [{ y: hoursOf(day.targetMinutes), legend: 'Disconnect target', color: colours.target, yAxisCalloutData: formatHours(day.targetMinutes, locale) }]
      : [],
  }));

  const anyProtected = days.some((d) => d.protectedMinutes > 0);
  const protection: GroupedVerticalBarChartData[] = days.map((day) => ({
    name: label(day),
    series: [
      { key: 'protected', legend: 'Protected', data: hoursOf(day.protectedMinutes), color: colours.protected, yAxisCalloutData: formatHours(day.protectedMinutes, locale) },
      ...(presence ? [{ key: 'honoured', legend: 'Honoured (really offline)', data: hoursOf(day.honouredMinutes), color: colours.honoured, yAxisCalloutData: formatHours(day.honouredMinutes, locale) }] : []),
    ],
  }));

  return (
    <div className={styles.root}>
      <figure className={styles.figure}>
        <Text as="h3" weight="semibold" size={400}>Connected and disconnected, hours a day</Text>
        <ResponsiveContainer height={height}>
          <VerticalStackedBarChart data={balance} yAxisTitle="Hours" culture={locale} barWidth="auto" maxBarWidth={40} hideTickOverlap={false}
            chartTitle="Connected and disconnected hours per day, with the disconnect target" roundCorners enabledLegendsWrapLines />
        </ResponsiveContainer>
        <Text as="p" size={200} className={styles.caption}>The line is your daily disconnect target; the table below has every figure.</Text>
      </figure>
      <figure className={styles.figure}>
        <Text as="h3" weight="semibold" size={400}>Protected time{presence ? ' and how much was honoured' : ''}</Text>
        {anyProtected ? (
          <ResponsiveContainer height={height}>
            <GroupedVerticalBarChart data={protection} yAxisTitle="Hours" culture={locale} barWidth="auto" maxBarWidth={24} hideTickOverlap={false}
              chartTitle={presence ? 'Protected and honoured hours per day' : 'Protected hours per day'} roundCorners enabledLegendsWrapLines />
          </ResponsiveContainer>
        ) : (
          <Text as="p" className={styles.caption}>No Unplug blocks were booked in these days. Accept a suggestion to protect time.</Text>
        )}
      </figure>
    </div>
  );
}
