import { PendingView } from '../PendingView';

export function QuietTimeView() {
  return (
    <PendingView title="Quiet time">
      Your evening and weekend quiet windows, the optional status message while you are unplugged,
      your targets, and meetings already booked inside quiet time.
    </PendingView>
  );
}
