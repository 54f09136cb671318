/** What each kind of suggestion is called on screen. */
export function kindLabel(kind: string): string {
  switch (kind) {
    case 'disconnect-block': return 'Disconnect block';
    case 'recovery': return 'Recovery time';
    case 'quiet-time': return 'Quiet time';
    default: return 'Time off';
  }
}
