import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageCommand, runAsProcess } from './app-package/cli';

/** `npm run package -- --env <name>`: see packageCommand. */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
runAsProcess((out) => packageCommand(root, process.argv.slice(2), out));
