/** A log destination for `buildApp` that keeps every line, so tests can read what was logged. */
export interface LogCapture {
  stream: { write(line: string): void };
  lines(): string[];
  clear(): void;
}

export function captureLogs(): LogCapture {
  let lines: string[] = [];
  return {
    stream: { write: (line) => { lines.push(line); } },
    lines: () => [...lines],
    clear: () => { lines = []; },
  };
}
