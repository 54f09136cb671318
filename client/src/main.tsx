import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { showBootFailure } from './boot/boot-failure';
import { fetchServerMode } from './boot/server-mode';
import { connectToHost } from './host/teams-host';
import { App } from './shell/App';

// index.html already shows a loading state; it stays until we know where the tab runs.
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

connectToHost({ mode: fetchServerMode() }).then(
  (host) => createRoot(root).render(<StrictMode><App host={host} /></StrictMode>),
  (error: unknown) => showBootFailure(root, error),
);
