/**
 * Shown when the tab cannot start at all (before React renders): replaces the loading state with
 * a message in plain DOM, since the theme and components are not there yet.
 */
export function showBootFailure(root: HTMLElement, error: unknown): void {
  console.error('the tab could not start', error);
  const message = document.createElement('p');
  message.setAttribute('role', 'alert');
  message.className = 'boot';
  message.textContent = error instanceof Error && error.name === 'HostError'
    ? `${error.message} Reload the tab to try again.`
    : 'Unplug could not start. Reload the tab to try again.';
  root.replaceChildren(message);
}
