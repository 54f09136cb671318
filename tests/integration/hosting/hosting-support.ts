/**
 * Support for the hosting tests: a clean copy of the repository's files in a temporary folder, and
 * a started command (`npm start`, the image's CMD) waited on until it prints where it listens.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../../../server/src/config';

export { repoRoot };

/** The files git knows (tracked, or new and not ignored): what a fresh clone would hold. */
export function sourceFiles(): string[] {
  return execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: repoRoot, encoding: 'utf8' })
    .split('\0')
    .filter(Boolean);
}

export function tempFolder(prefix: string): string {
  return mkdtempSync(path.join(os.tmpdir(), `unplug-${prefix}-`));
}

/** Copies repository paths (files or folders, relative to the root) into `into`. */
export function copyFromRepo(into: string, paths: string[]): void {
  for (const relative of paths) {
    mkdirSync(path.dirname(path.join(into, relative)), { recursive: true });
    cpSync(path.join(repoRoot, relative), path.join(into, relative), { recursive: true, preserveTimestamps: true });
  }
}

export interface RunResult {
  status: number | null;
  output: string;
}

/** Runs a command to its end (npm through the shell, as a person types it). */
export function run(command: string, args: string[], options: { cwd: string; env?: Record<string, string>; timeoutMs?: number }): RunResult {
  const result = spawnSync(command, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 120_000,
  });
  return { status: result.status, output: `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}` };
}

export interface Started {
  base: string;
  output: () => string;
  stop(): Promise<void>;
}

/** Starts a long-running command and waits for the server's "Unplug is running at …" banner. */
export async function startAndWaitForBanner(
  command: string,
  args: string[],
  options: { cwd: string; env: Record<string, string>; timeoutMs?: number },
): Promise<Started> {
  const child: ChildProcess = spawn(command, args, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const chunks: string[] = [];
  const output = () => chunks.join('');
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null && child.pid) {
      // npm start runs the server as a child: end the whole group this test started.
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
    await exited;
  };
  const base = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start banner within ${options.timeoutMs ?? 60_000} ms:\n${output()}`)), options.timeoutMs ?? 60_000);
    const read = (chunk: Buffer) => {
      chunks.push(chunk.toString());
      const match = /Unplug is running at http:\/\/[^/:]+:(\d+)\//.exec(output());
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${match[1]}`);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`${command} ${args.join(' ')} exited (${child.exitCode}) before it listened:\n${output()}`));
    });
  });
  return { base, output, stop };
}

/** npm as a person types it. */
export const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
