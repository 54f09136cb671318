import { makeStyles, tokens } from '@fluentui/react-components';
import type { PreferredPresence, QuietTime } from '@unplug/contract';
import { NumberField, SelectField, SwitchField, TextField } from './fields';
import { LIMITS, type FieldErrors } from './settings-rules';

const useStyles = makeStyles({
  grid: { display: 'grid', alignItems: 'start', gridTemplateColumns: 'repeat(auto-fill, minmax(min(16rem, 100%), 1fr))', gap: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}` },
  wide: { gridColumn: '1 / -1' },
});

const PRESENCES: { value: PreferredPresence | 'none'; text: string }[] = [
  { value: 'none', text: 'Leave my presence as it is' },
  { value: 'DoNotDisturb', text: 'Do not disturb' },
  { value: 'Away', text: 'Away' },
  { value: 'BeRightBack', text: 'Be right back (Teams shows Away)' },
  { value: 'Busy', text: 'Busy' },
  { value: 'Offline', text: 'Appear offline (Teams shows Away)' },
];

interface QuietTimeFieldsProps {
  values: QuietTime;
  errors: FieldErrors;
  onChange(update: (values: QuietTime) => QuietTime): void;
  /** Why the automatic status cannot be used, when it cannot. */
  autoStatusUnavailable?: string;
  /** Working hours in words, to say where the evening window starts from. */
  workingHours?: string;
  disabled?: boolean;
}

/** Evening and weekend quiet time and the automatic status (a person's own, or the organisation's defaults). */
export function QuietTimeFields({ values, errors, onChange, autoStatusUnavailable, workingHours, disabled }: QuietTimeFieldsProps) {
  const styles = useStyles();
  const set = <K extends keyof QuietTime>(key: K) => (value: QuietTime[K]) => onChange((v) => ({ ...v, [key]: value }));
  const off = disabled || !values.enabled;
  const statusOff = off || autoStatusUnavailable !== undefined;
  return (
    <div className={styles.grid}>
      <div className={styles.wide}>
        <SwitchField label="Quiet time after work" hint="Suggests an evening offline and warns about meetings inside it." checked={values.enabled}
          onChange={set('enabled')} disabled={disabled} />
      </div>
      <NumberField label="Starts after the end of the working day (minutes)" hint={workingHours}
        value={values.eveningBufferMinutes} onChange={set('eveningBufferMinutes')} error={errors['eveningBufferMinutes']}
        min={LIMITS.eveningBufferMinutes[0]} max={LIMITS.eveningBufferMinutes[1]} step={15} disabled={off} />
      <SwitchField label="Weekends and days off are quiet all day" checked={values.weekends} onChange={set('weekends')} disabled={off} />
      <div className={styles.wide}>
        <SwitchField label="Set my Teams status while I am unplugged"
          hint={autoStatusUnavailable ?? 'During booked blocks and quiet time; it clears itself at the end.'}
          checked={values.autoStatus && autoStatusUnavailable === undefined} onChange={set('autoStatus')} disabled={statusOff} />
      </div>
      <TextField label="Status message" hint="{until} becomes the time you are back." value={values.statusMessage}
        onChange={set('statusMessage')} error={errors['statusMessage']} disabled={statusOff || !values.autoStatus} />
      <SelectField label="Presence while unplugged" value={values.preferredPresence ?? 'none'} options={PRESENCES}
        hint="A presence you choose yourself in Teams always shows instead, and Unplug never changes it."
        onChange={(value) => set('preferredPresence')(value === 'none' ? null : value)} error={errors['preferredPresence']}
        disabled={statusOff || !values.autoStatus} />
    </div>
  );
}
