import type { Problem } from './problem';

/** The problems as lines a person can work through, numbered, with the check that found each. */
export function formatProblems(problems: readonly Problem[]): string {
  return problems.map((p, i) => `  ${String(i + 1).padStart(2)}. [${p.rule}] ${p.message}`).join('\n');
}

/** Reads `--name value` or `--name=value` from argv. */
export function readOption(argv: readonly string[], name: string): string | undefined {
  for (const [i, arg] of argv.entries()) {
    if (arg === `--${name}`) return argv[i + 1];
    if (arg.startsWith(`--${name}=`)) return arg.slice(name.length + 3);
  }
  return undefined;
}
