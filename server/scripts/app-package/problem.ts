/** One thing wrong with a package, in words an admin can act on. */
export interface Problem {
  /** Which check found it, e.g. `schema`, `icons`, `valid-domains`: stable, for tests and grouping. */
  rule: string;
  /** A full sentence naming the field or file and what is wrong with it. */
  message: string;
}

export const problem = (rule: string, message: string): Problem => ({ rule, message });

/** A value shown inside a message: quoted, and cut short so one bad field cannot flood the output. */
export function shown(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  return JSON.stringify(text.length > 120 ? `${text.slice(0, 117)}...` : text);
}
