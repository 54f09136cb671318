import type { FormEvent } from 'react';
import { Divider, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { AuditEntry, PolicyResponse } from '@unplug/contract';
import { LoadingState } from '../../common/LoadingState';
import { ProblemMessage } from '../../common/ProblemMessage';
import { ViewFrame } from '../../common/ViewFrame';
import { safeLocale } from '../../format/format';
import { ScrollRegion } from '../../layout/ScrollRegion';
import { useSession } from '../../session/session';
import { NumberField, SwitchField } from '../../settings/fields';
import { PreferencesFields } from '../../settings/PreferencesFields';
import { QuietTimeFields } from '../../settings/QuietTimeFields';
import { SaveBar } from '../../settings/SaveBar';
import { LIMITS } from '../../settings/settings-rules';
import { errorsUnder, usePolicy, usePolicyForm } from './use-admin-policy';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  part: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  note: { margin: 0, color: tokens.colorNeutralForeground2 },
  grid: { display: 'grid', alignItems: 'start', gridTemplateColumns: 'repeat(auto-fill, minmax(min(16rem, 100%), 1fr))', gap: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}` },
});

export function AdminView() {
  const policy = usePolicy();
  const { state } = policy;
  return (
    <ViewFrame title="Admin" description="Organisation-wide defaults and privacy thresholds. People's own choices override the defaults; every change is recorded.">
      {state.status === 'loading' && <LoadingState label="Loading the organisation settings…" lines={6} />}
      {state.status === 'error' && <ProblemMessage error={state.error} title="Could not load the organisation settings." onRetry={policy.reload} />}
      {state.status === 'ready' && <PolicyForm loaded={state.data} />}
    </ViewFrame>
  );
}

function PolicyForm({ loaded }: { loaded: PolicyResponse }) {
  const styles = useStyles();
  const { locale } = useSession();
  const { form, audit, updatedAt } = usePolicyForm(loaded);
  const { values, errors, change } = form;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    form.submit();
  };
  return (
    <form className={styles.form} onSubmit={submit} aria-label="Organisation settings" noValidate>
      <section className={styles.part} aria-labelledby="admin-privacy">
        <Text as="h3" id="admin-privacy" size={400} weight="semibold" className={styles.heading}>Privacy and retention</Text>
        <div className={styles.grid}>
          <NumberField label="Smallest team that sees aggregates" hint="Opted-in members a team needs before any figure is shown; never below 5."
            value={values.minGroupSize} onChange={(minGroupSize) => change((v) => ({ ...v, minGroupSize }))} error={errors['minGroupSize']}
            min={LIMITS.minGroupSize[0]} max={LIMITS.minGroupSize[1]} step={1} />
          <NumberField label="Keep presence history (days)" hint="Older presence intervals are deleted."
            value={values.presenceRetentionDays} onChange={(presenceRetentionDays) => change((v) => ({ ...v, presenceRetentionDays }))}
            error={errors['presenceRetentionDays']} min={LIMITS.presenceRetentionDays[0]} max={LIMITS.presenceRetentionDays[1]} step={1} />
        </div>
      </section>
      <section className={styles.part} aria-labelledby="admin-features">
        <Text as="h3" id="admin-features" size={400} weight="semibold" className={styles.heading}>Features</Text>
        <SwitchField label="Presence history" hint="Sample Teams presence to measure connected time and honoured blocks."
          checked={values.features.presenceTimeline} onChange={(on) => change((v) => ({ ...v, features: { ...v.features, presenceTimeline: on } }))} />
        <SwitchField label="Automatic status" hint="Let people have Unplug set their Teams status while they are unplugged (needs application consent)."
          checked={values.features.autoStatus} onChange={(on) => change((v) => ({ ...v, features: { ...v.features, autoStatus: on } }))} />
        <SwitchField label="Team balance" hint="Channel tabs show aggregate figures for teams with enough opted-in members."
          checked={values.features.teamBalance} onChange={(on) => change((v) => ({ ...v, features: { ...v.features, teamBalance: on } }))} />
      </section>
      <Divider />
      <section className={styles.part} aria-labelledby="admin-defaults">
        <Text as="h3" id="admin-defaults" size={400} weight="semibold" className={styles.heading}>Default targets and blocks</Text>
        <PreferencesFields values={values.defaults} errors={errorsUnder(errors, 'defaults.')}
          onChange={(update) => change((v) => ({ ...v, defaults: update(v.defaults) }))} />
      </section>
      <section className={styles.part} aria-labelledby="admin-quiet">
        <Text as="h3" id="admin-quiet" size={400} weight="semibold" className={styles.heading}>Default quiet time</Text>
        <QuietTimeFields values={values.quietTimeDefaults} errors={errorsUnder(errors, 'quietTimeDefaults.')}
          onChange={(update) => change((v) => ({ ...v, quietTimeDefaults: update(v.quietTimeDefaults) }))} />
      </section>
      <SaveBar form={form} label="Save organisation settings" />
      <Divider />
      <AuditTrail audit={audit} updatedAt={updatedAt} locale={locale} />
    </form>
  );
}

function AuditTrail({ audit, updatedAt, locale }: { audit: AuditEntry[]; updatedAt: string | null; locale: string }) {
  const styles = useStyles();
  const when = (iso: string) => new Intl.DateTimeFormat(safeLocale(locale), { dateStyle: 'medium', timeStyle: 'short' }).format(Date.parse(iso));
  return (
    <section className={styles.part} aria-labelledby="admin-audit">
      <Text as="h3" id="admin-audit" size={400} weight="semibold" className={styles.heading}>Recent changes</Text>
      <Text as="p" className={styles.note}>{updatedAt ? `Last changed ${when(updatedAt)}.` : 'The organisation still uses the built-in defaults.'}</Text>
      {audit.length > 0 && (
        <ScrollRegion label="Recent changes table">
        <Table size="small" aria-label="Recent changes">
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">When</TableHeaderCell>
              <TableHeaderCell scope="col">Who</TableHeaderCell>
              <TableHeaderCell scope="col">What changed</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {audit.map((entry) => (
              <TableRow key={`${entry.at}-${entry.actorUserId}`}>
                <TableCell>{when(entry.at)}</TableCell>
                <TableCell>{entry.actorUserId}</TableCell>
                <TableCell>{describeChanges(entry.detail)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        </ScrollRegion>
      )}
    </section>
  );
}

/** The changed setting names of an audit entry, e.g. `minGroupSize, defaults.bufferMinutes`. */
function describeChanges(detail: Record<string, unknown>): string {
  const changes = detail['changes'];
  if (typeof changes !== 'object' || changes === null) return 'Settings';
  const names: string[] = [];
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'object' && value !== null && !Array.isArray(value) && path !== 'defaults.lunch') {
      for (const [key, inner] of Object.entries(value)) walk(inner, path ? `${path}.${key}` : key);
    } else {
      names.push(path);
    }
  };
  walk(changes, '');
  return names.join(', ');
}
