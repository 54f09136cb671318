import { makeStyles, tokens } from '@fluentui/react-components';
import type { BlockShowAs, Preferences, TimeOfDay } from '@unplug/contract';
import { NumberField, SelectField, SwitchField, TextField } from './fields';
import { LIMITS, type FieldErrors } from './settings-rules';

const useStyles = makeStyles({
  grid: { display: 'grid', alignItems: 'start', gridTemplateColumns: 'repeat(auto-fill, minmax(min(16rem, 100%), 1fr))', gap: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}` },
  lunch: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-end' },
});

const TIMES_OF_DAY: { value: TimeOfDay; text: string }[] = [
  { value: 'any', text: 'Any time' },
  { value: 'morning', text: 'Mornings' },
  { value: 'afternoon', text: 'Afternoons' },
];

const SHOW_AS: { value: BlockShowAs; text: string }[] = [
  { value: 'busy', text: 'Busy' },
  { value: 'tentative', text: 'Tentative' },
  { value: 'oof', text: 'Away (out of office)' },
  { value: 'workingElsewhere', text: 'Working elsewhere' },
  { value: 'free', text: 'Free' },
];

interface PreferencesFieldsProps {
  values: Preferences;
  errors: FieldErrors;
  onChange(update: (values: Preferences) => Preferences): void;
  disabled?: boolean;
}

/** Targets and disconnect-block preferences (a person's own, or the organisation's defaults). */
export function PreferencesFields({ values, errors, onChange, disabled }: PreferencesFieldsProps) {
  const styles = useStyles();
  const set = <K extends keyof Preferences>(key: K) => (value: Preferences[K]) => onChange((v) => ({ ...v, [key]: value }));
  const lunch = values.lunch;
  return (
    <>
      <div className={styles.grid}>
        <NumberField label="Daily disconnect target (minutes)" hint="Disconnected working time to aim for each working day."
          value={values.dailyDisconnectTargetMinutes} onChange={set('dailyDisconnectTargetMinutes')} error={errors['dailyDisconnectTargetMinutes']}
          min={LIMITS.dailyDisconnectTargetMinutes[0]} max={LIMITS.dailyDisconnectTargetMinutes[1]} step={15} disabled={disabled} />
        <NumberField label="Shortest block (minutes)" value={values.minBlockMinutes} onChange={set('minBlockMinutes')} error={errors['minBlockMinutes']}
          min={LIMITS.minBlockMinutes[0]} max={LIMITS.minBlockMinutes[1]} step={15} disabled={disabled} />
        <NumberField label="Longest block (minutes)" value={values.maxBlockMinutes} onChange={set('maxBlockMinutes')} error={errors['maxBlockMinutes']}
          min={LIMITS.maxBlockMinutes[0]} max={LIMITS.maxBlockMinutes[1]} step={15} disabled={disabled} />
        <NumberField label="Buffer to meetings (minutes)" hint="Free time kept between a block and a meeting."
          value={values.bufferMinutes} onChange={set('bufferMinutes')} error={errors['bufferMinutes']}
          min={LIMITS.bufferMinutes[0]} max={LIMITS.bufferMinutes[1]} step={5} disabled={disabled} />
        <SelectField label="Preferred time of day" value={values.preferredTimeOfDay} options={TIMES_OF_DAY} onChange={set('preferredTimeOfDay')}
          error={errors['preferredTimeOfDay']} disabled={disabled} />
        <TextField label="Title of booked blocks" hint="The subject of the calendar events Unplug books." value={values.blockSubject}
          onChange={set('blockSubject')} error={errors['blockSubject']} disabled={disabled} />
        <SelectField label="Booked blocks show as" value={values.blockShowAs} options={SHOW_AS} onChange={set('blockShowAs')}
          error={errors['blockShowAs']} disabled={disabled} />
      </div>
      <div className={styles.lunch}>
        <SwitchField label="Keep lunch free" checked={lunch !== null} disabled={disabled}
          onChange={(on) => onChange((v) => ({ ...v, lunch: on ? { start: '12:00', end: '13:00' } : null }))} />
        {lunch && (
          <>
            <TextField type="time" label="Lunch starts" value={lunch.start} error={errors['lunch.start']} disabled={disabled}
              onChange={(start) => onChange((v) => ({ ...v, lunch: v.lunch && { ...v.lunch, start } }))} />
            <TextField type="time" label="Lunch ends" value={lunch.end} error={errors['lunch.end'] ?? errors['lunch']} disabled={disabled}
              onChange={(end) => onChange((v) => ({ ...v, lunch: v.lunch && { ...v.lunch, end } }))} />
          </>
        )}
      </div>
    </>
  );
}
