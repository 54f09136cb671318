/**
 * The repository's Dockerfile read into build stages, so the hosting tests can check its rules and
 * run what its final stage runs (no Docker engine is needed).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DockerfileParser, type Instruction } from 'dockerfile-ast';
import { repoRoot } from '../../../server/src/config';

export const DOCKERFILE = path.join(repoRoot, 'Dockerfile');

export interface Step {
  keyword: string;
  /** The arguments as written (shell words, not expanded). */
  args: string[];
  /** `--name=value` flags, e.g. `{ from: 'build' }` on a COPY. */
  flags: Record<string, string>;
  /** The instruction's text after its keyword. */
  content: string;
}

export interface Stage {
  name: string | undefined;
  image: string;
  steps: Step[];
}

export function dockerfileText(): string {
  return readFileSync(DOCKERFILE, 'utf8');
}

export function readStages(text = dockerfileText()): Stage[] {
  const stages: Stage[] = [];
  for (const instruction of DockerfileParser.parse(text).getInstructions()) {
    const step = toStep(instruction);
    if (step.keyword === 'FROM') {
      const asAt = step.args.findIndex((a) => a.toUpperCase() === 'AS');
      stages.push({ image: step.args[0] ?? '', name: asAt >= 0 ? step.args[asAt + 1] : undefined, steps: [] });
    } else {
      stages.at(-1)?.steps.push(step);
    }
  }
  return stages;
}

function toStep(instruction: Instruction): Step {
  const flags: Record<string, string> = {};
  const withFlags = instruction as Instruction & { getFlags?: () => { getName(): string; getValue(): string | null }[] };
  for (const flag of withFlags.getFlags?.() ?? []) flags[flag.getName()] = flag.getValue() ?? '';
  return {
    keyword: instruction.getKeyword().toUpperCase(),
    args: instruction.getArguments().map((a) => a.getValue()),
    flags,
    content: instruction.getArgumentsContent() ?? '',
  };
}

/** An exec-form command (`["node", "…"]`) after any `--flags` and an optional leading `CMD`. */
export function execForm(step: Step): string[] {
  const json = step.content.replace(/^(\s*--\S+)*\s*/, '').replace(/^CMD\s+/i, '');
  const parsed = JSON.parse(json) as unknown;
  if (!Array.isArray(parsed) || !parsed.every((p) => typeof p === 'string')) throw new Error(`${step.keyword} is not in exec form: ${step.content}`);
  return parsed;
}

/** `ENV A=1 B=2` steps of a stage as one record. */
export function envOf(stage: Stage): Record<string, string> {
  const env: Record<string, string> = {};
  for (const step of stage.steps.filter((s) => s.keyword === 'ENV')) {
    for (const pair of step.args) {
      const at = pair.indexOf('=');
      if (at > 0) env[pair.slice(0, at)] = pair.slice(at + 1);
    }
  }
  return env;
}

/** The shell commands of a stage's RUN steps, split at `&&`. */
export function runCommands(stage: Stage): string[] {
  return stage.steps
    .filter((s) => s.keyword === 'RUN')
    .flatMap((s) => s.content.replace(/\\\n/g, ' ').split('&&'))
    .map((c) => c.replace(/\s+/g, ' ').trim());
}
