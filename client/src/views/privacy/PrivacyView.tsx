import { PendingView } from '../PendingView';

export function PrivacyView() {
  return (
    <PendingView title="Privacy">
      What Unplug stores about you and what it never stores, with a way to export your data and to
      delete it.
    </PendingView>
  );
}
