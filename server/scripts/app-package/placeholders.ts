/** `${{NAME}}`, as the Agents Toolkit writes placeholders (spaces inside the braces allowed). */
const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** The distinct placeholder names in a template, in order of first use. */
export function placeholderNames(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

export interface FilledTemplate {
  text: string;
  /** Placeholders with no value or an empty one: the template cannot be used until they have one. */
  missing: string[];
}

/**
 * Replaces every `${{NAME}}` with its value. Values are inserted as JSON string content (quotes
 * and backslashes escaped), because every placeholder in our templates sits inside a JSON string.
 */
export function fillPlaceholders(template: string, values: ReadonlyMap<string, string>): FilledTemplate {
  const missing = placeholderNames(template).filter((name) => (values.get(name) ?? '').trim() === '');
  const text = template.replace(PLACEHOLDER, (whole, name: string) => {
    const value = values.get(name)?.trim();
    return value ? JSON.stringify(value).slice(1, -1) : whole;
  });
  return { text, missing };
}
