import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { repoRoot } from '../../../server/src/config';

const SOURCE = fileURLToPath(new URL('./host-script.ts', import.meta.url));
const CACHE_DIR = path.join(repoRoot, 'node_modules', '.cache', 'unplug-browser-tests');

let compiled: Promise<string> | undefined;

/**
 * The test host page's script as JavaScript. Transpiled with TypeScript only when its source
 * changed (cached by content hash), since loading the compiler costs seconds per test file.
 */
export function hostScriptJs(): Promise<string> {
  compiled ??= (async () => {
    const source = readFileSync(SOURCE, 'utf8');
    const hash = createHash('sha256').update(source).digest('hex').slice(0, 16);
    const cached = path.join(CACHE_DIR, `host-script-${hash}.js`);
    if (existsSync(cached)) return readFileSync(cached, 'utf8');
    const { default: ts } = await import('typescript');
    const js = ts.transpileModule(source, {
      compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, verbatimModuleSyntax: true },
    }).outputText;
    mkdirSync(CACHE_DIR, { recursive: true });
    // Whole or not at all: another worker may read it meanwhile.
    const partial = `${cached}.${process.pid}.tmp`;
    writeFileSync(partial, js);
    renameSync(partial, cached);
    return js;
  })();
  return compiled;
}
