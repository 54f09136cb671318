/**
 * The real server, compiled (tests/server-build.ts), in a child process on a loopback port, so a test can
 * kill it (SIGKILL: no shutdown hooks, jobs cut mid-flight) and start another on the same data.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { repoRoot } from '../../../../server/src/config';
import { compiledServerArgs } from '../../../server-build';

export interface ServerProcess {
  base: string;
  pid: number;
  /** Everything it printed (log lines and the banner). */
  output: string[];
  kill(signal: NodeJS.Signals): Promise<number | null>;
}

export async function startServerProcess(env: Record<string, string>, startTimeoutMs = 60_000): Promise<ServerProcess> {
  const child: ChildProcess = spawn(process.execPath, compiledServerArgs(), {
    cwd: repoRoot,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code, signal) => resolve(code ?? (signal ? -1 : null))));
  const base = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start within ${startTimeoutMs} ms:\n${output.join('')}`)), startTimeoutMs);
    const read = (chunk: Buffer) => {
      const text = chunk.toString();
      output.push(text);
      const match = /Unplug is running at (http:\/\/127\.0\.0\.1:\d+)\//.exec(output.join(''));
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code}) before it listened:\n${output.join('')}`));
    });
  });
  return {
    base,
    pid: child.pid ?? 0,
    output,
    async kill(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
