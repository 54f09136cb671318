import { buildApp } from './app';
import { ConfigError, loadConfig, redactUrl } from './config';

/** The one place that listens: start, log the URL, close gracefully on SIGINT/SIGTERM. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Unplug cannot start.\n${error.message}\nSee the configuration table in README.md.`);
      process.exit(2);
    }
    throw error;
  }

  const app = await buildApp(config);
  let closing = false;
  const close = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const timer = setTimeout(() => {
      app.log.error('graceful shutdown took too long; exiting');
      process.exit(1);
    }, 10_000);
    timer.unref();
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void close('SIGINT'));
  process.once('SIGTERM', () => void close('SIGTERM'));

  await app.listen({ host: config.host, port: config.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const mode = config.entra ? 'Microsoft 365' : 'demo tenant';
  const store = config.databaseUrl ? `PostgreSQL ${redactUrl(config.databaseUrl)}` : `embedded PGlite in ${config.dataDir}`;
  app.log.info({ mode, store }, `Unplug is running at http://${shownHost}:${port}/`);
  console.log(`\n  Unplug is running at http://${shownHost}:${port}/  (${mode}; ${store})\n`);
}

main().catch((error: unknown) => {
  console.error(`Unplug failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
