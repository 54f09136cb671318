/**
 * Shown when the tab cannot start at all (before React renders): replaces the loading state with
 * a message in plain DOM, since the theme and components are not there yet.
 */
export function showBootFailure(root: HTMLElement, error: unknown): void {
  console.error('the tab could not start', error);
  const message = document.createElement('p');
  message.setAttribute('role', 'alert');
  message.className = 'boot';
  const hostError = error instanceof Error && error.name === 'HostError';
  const retry = hostError && (error as { retry?: unknown }).retry === true;
  message.textContent = hostError
    ? `${(error as Error).message}${retry ? '' : ' Reload the tab to try again.'}`
    : 'Unplug could not start. Reload the tab to try again.';
  if (!retry) {
    root.replaceChildren(message);
    return;
  }
  // Teams did not answer in time (Microsoft 365 mode, no demo fallback): offer to ask it again.
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'boot-retry';
  button.textContent = 'Try again';
  button.addEventListener('click', () => window.location.reload());
  root.replaceChildren(message, button);
}
