import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../src/app';
import { loadConfig } from '../src/config';

/** Where the committed OpenAPI document lives: beside the schemas it is made from. */
export const OPENAPI_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../contract/openapi.json');

/**
 * The OpenAPI document the server serves at `/docs/json`, as the committed file holds it
 * (2-space JSON with a final newline). Made by the demo-mode app, as `npm start` runs it.
 */
export async function servedOpenApi(): Promise<string> {
  const app = await buildApp(loadConfig({ DATA_DIR: 'memory://', LOG_LEVEL: 'silent', JOBS: 'off' }));
  try {
    const res = await app.inject('/docs/json');
    if (res.statusCode !== 200) throw new Error(`/docs/json answered ${res.statusCode}`);
    return `${JSON.stringify(res.json(), null, 2)}\n`;
  } finally {
    await app.close();
  }
}
