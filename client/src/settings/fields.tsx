/** Form fields for settings: a Fluent `Field` (label, hint, message beside the control) around each control. */
import { Field, Input, Select, SpinButton, Switch } from '@fluentui/react-components';
import { sentence } from './settings-rules';

interface Common {
  label: string;
  hint?: string;
  error?: string;
  disabled?: boolean;
}

const validation = (error: string | undefined) => (error ? { validationState: 'error' as const, validationMessage: sentence(error) } : {});

/** A whole number with a stepper (arrow keys step too). What is typed is kept, even when invalid, so the message can say why. */
export function NumberField({ label, hint, error, disabled, value, onChange, min, max, step = 5 }: Common & {
  value: number; onChange(value: number): void; min: number; max: number; step?: number;
}) {
  return (
    <Field label={label} hint={hint} {...validation(error)}>
      <SpinButton value={Number.isFinite(value) ? value : null} displayValue={Number.isFinite(value) ? undefined : ''} min={min} max={max} step={step} disabled={disabled}
        onChange={(_event, data) => {
          const next = data.value ?? (data.displayValue === undefined || data.displayValue.trim() === '' ? Number.NaN : Number(data.displayValue));
          onChange(next ?? Number.NaN);
        }} />
    </Field>
  );
}

export function TextField({ label, hint, error, disabled, value, onChange, type = 'text' }: Common & { value: string; onChange(value: string): void; type?: 'text' | 'time' }) {
  return (
    <Field label={label} hint={hint} {...validation(error)}>
      <Input type={type} value={value} disabled={disabled} onChange={(_event, data) => onChange(data.value)} />
    </Field>
  );
}

export function SwitchField({ label, hint, error, disabled, checked, onChange }: Common & { checked: boolean; onChange(checked: boolean): void }) {
  return (
    <Field hint={hint} {...validation(error)}>
      <Switch label={label} checked={checked} disabled={disabled} onChange={(_event, data) => onChange(data.checked)} />
    </Field>
  );
}

export function SelectField<V extends string>({ label, hint, error, disabled, value, options, onChange }: Common & {
  value: V; options: readonly { value: V; text: string }[]; onChange(value: V): void;
}) {
  return (
    <Field label={label} hint={hint} {...validation(error)}>
      <Select value={value} disabled={disabled} onChange={(_event, data) => onChange(data.value as V)}>
        {options.map((option) => <option key={option.value} value={option.value}>{option.text}</option>)}
      </Select>
    </Field>
  );
}
