/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * A plain, accessible HTML page: one `h1`, landmarks, readable line length, light and dark
 * colours from the reader's system setting. Only inline styles (the CSP allows them); no scripts.
 * `bodyHtml` is trusted markup written in this folder, never user input.
 */
export function legalPage(title: string, bodyHtml: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Unplug</title>
<style>
  :root { color-scheme: light dark; font-family: "Segoe UI", system-ui, sans-serif; line-height: 1.5; }
  body { margin: 0 auto; max-width: 44rem; padding: 1.5rem; }
  h1 { font-size: 1.75rem; } h2 { font-size: 1.25rem; margin-top: 2rem; }
  a { color: LinkText; } a:focus-visible { outline: 2px solid currentColor; outline-offset: 2px; }
  footer { margin-top: 3rem; font-size: 0.9rem; }
</style>
</head>
<body>
<header><p><strong>Unplug</strong></p></header>
<main>
<h1>${escapeHtml(title)}</h1>
${bodyHtml}
</main>
<footer><nav aria-label="Legal"><a href="/privacy">Privacy statement</a> · <a href="/terms">Terms of use</a></nav></footer>
</body>
</html>
`;
}
