import type { FormEvent } from 'react';
import { Divider, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Profile } from '@unplug/contract';
import { LoadingState } from '../../common/LoadingState';
import { ProblemMessage } from '../../common/ProblemMessage';
import { ViewFrame } from '../../common/ViewFrame';
import { suggestionsClock } from '../../format/plan-clock';
import { useSession } from '../../session/session';
import { PreferencesFields } from '../../settings/PreferencesFields';
import { QuietTimeFields } from '../../settings/QuietTimeFields';
import { SaveBar } from '../../settings/SaveBar';
import type { SettingsForm } from '../../settings/use-settings-form';
import { QuietTimeWarnings } from '../suggestions/QuietTimeWarnings';
import { NudgesSection } from './NudgesSection';
import { usePreferencesForm, useProfile, useQuietTimeForm, useQuietTimeWarnings } from './use-quiet-time';
import { describeWorkingHours } from './working-hours';
import { QuietWindowsOn } from './QuietWindowsOn';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  note: { margin: 0, color: tokens.colorNeutralForeground2 },
});

export function QuietTimeView() {
  const profile = useProfile();
  const { state } = profile;
  return (
    <ViewFrame title="Quiet time" description="Evenings and weekends offline, your status while you are unplugged, how Unplug picks your blocks, and nudges in Teams.">
      {state.status === 'loading' && <LoadingState label="Loading your settings…" lines={6} />}
      {state.status === 'error' && <ProblemMessage error={state.error} title="Could not load your settings." onRetry={profile.reload} />}
      {state.status === 'ready' && <QuietTimeContent profile={state.data} />}
    </ViewFrame>
  );
}

const onSubmit = <T extends object>(form: SettingsForm<T>) => (event: FormEvent) => {
  event.preventDefault();
  form.submit();
};

function QuietTimeContent({ profile }: { profile: Profile }) {
  const styles = useStyles();
  const { locale } = useSession();
  const quiet = useQuietTimeForm(profile.quietTime);
  const preferences = usePreferencesForm(profile.preferences);
  const warnings = useQuietTimeWarnings();
  return (
    <>
      <form className={styles.form} onSubmit={onSubmit(quiet)} aria-labelledby="quiet-time-heading" noValidate>
        <Text as="h3" id="quiet-time-heading" size={400} weight="semibold" className={styles.heading}>Evenings and weekends</Text>
        <QuietTimeFields values={quiet.values} errors={quiet.errors} onChange={quiet.change}
          workingHours={`Your working hours in Outlook: ${describeWorkingHours(profile, locale)}.`}
          autoStatusUnavailable={profile.features.autoStatus ? undefined : 'Your organisation has turned the automatic status off.'} />
        <SaveBar form={quiet} label="Save quiet time" />
      </form>
      <Divider />
      <form className={styles.form} onSubmit={onSubmit(preferences)} aria-labelledby="targets-heading" noValidate>
        <Text as="h3" id="targets-heading" size={400} weight="semibold" className={styles.heading}>Targets and blocks</Text>
        <PreferencesFields values={preferences.values} errors={preferences.errors} onChange={preferences.change} />
        <SaveBar form={preferences} label="Save targets and blocks" />
      </form>
      <Divider />
      <NudgesSection />
      <Divider />
      {warnings.state.status === 'loading' && <LoadingState label="Looking for meetings in your quiet time…" lines={1} />}
      {warnings.state.status === 'error' && <ProblemMessage error={warnings.state.error} title="Could not check for meetings in your quiet time." onRetry={warnings.reload} />}
      {warnings.state.status === 'ready' && (
        <>
          <QuietWindowsOn windows={warnings.state.data.quietWindows} choices={warnings.state.data.quietChoices} clock={suggestionsClock(warnings.state.data)}
            locale={locale} statusBehaviour={statusBehaviour(profile)} onChanged={warnings.reload} />
          <QuietTimeWarnings warnings={warnings.state.data.warnings} clock={suggestionsClock(warnings.state.data)} locale={locale} />
        </>
      )}
    </>
  );
}

/** What the automatic status does in quiet windows that are on, in words. */
function statusBehaviour(profile: Profile): string {
  if (!profile.quietTime.enabled) return 'Quiet time is off above, so windows change nothing until you turn it on.';
  if (!profile.features.autoStatus) return 'Your organisation has turned the automatic status off, so your Teams status is not changed.';
  if (!profile.quietTime.autoStatus) return 'Your Teams status is not changed in them: turn on the automatic status above to show when you are back.';
  return 'While one runs, your Teams status says you are unplugged and until when; it is cleared when the window ends.';
}
