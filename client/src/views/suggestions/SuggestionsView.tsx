import { PendingView } from '../PendingView';

export function SuggestionsView() {
  return (
    <PendingView title="Suggestions">
      Suggested disconnect blocks in your working hours, each with why it was suggested. Accept one to
      book it in your calendar, adjust it by 15 minutes, or dismiss it.
    </PendingView>
  );
}
