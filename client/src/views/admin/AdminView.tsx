import { PendingView } from '../PendingView';

export function AdminView() {
  return (
    <PendingView title="Admin">
      Organisation defaults, the minimum team size for aggregates, how long data is kept, and which
      features are on.
    </PendingView>
  );
}
