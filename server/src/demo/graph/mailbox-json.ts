import type { DemoPerson } from '../org';
import type { TransitionRule } from '../time-zones';

const DAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

function graphTime(time: string): string {
  return `${time.length === 5 ? `${time}:00` : time}.0000000`;
}

function transition(rule: TransitionRule) {
  return { time: graphTime(rule.time), dayOccurrence: rule.dayOccurrence, dayOfWeek: DAY_NAMES[rule.dayOfWeek], month: rule.month, year: 0 };
}

/** `workingHours` as Graph returns it: a Windows zone name, or the custom zone with its rules. */
export function renderWorkingHours(person: DemoPerson): Record<string, unknown> {
  const zone = person.zone;
  const timeZone = zone.kind === 'custom'
    ? {
        '@odata.type': '#microsoft.graph.customTimeZone',
        bias: zone.rule.bias,
        name: zone.name,
        ...(zone.rule.standard ? { standardOffset: transition(zone.rule.standard) } : {}),
        ...(zone.rule.daylight ? { daylightOffset: { ...transition(zone.rule.daylight), daylightBias: zone.rule.daylight.daylightBias } } : {}),
      }
    : { name: person.windowsZone ?? zone.name };
  return {
    daysOfWeek: [...person.workingDays].sort((a, b) => a - b).map((d) => DAY_NAMES[d]),
    startTime: graphTime(person.startTime),
    endTime: graphTime(person.endTime),
    timeZone,
  };
}
