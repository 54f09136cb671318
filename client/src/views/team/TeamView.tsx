import { PendingView } from '../PendingView';

export function TeamView() {
  return (
    <PendingView title="Team">
      The team&apos;s balance as aggregate figures only, never anyone&apos;s own numbers, shown once enough
      members have opted in. You can opt in or out here.
    </PendingView>
  );
}
