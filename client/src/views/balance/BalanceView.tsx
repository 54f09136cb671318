import { PendingView } from '../PendingView';

export function BalanceView() {
  return (
    <PendingView title="Balance">
      This week, day by day: connected and disconnected hours, time connected after hours, protected
      time and how much of it was honoured, against your daily target.
    </PendingView>
  );
}
