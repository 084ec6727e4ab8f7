// Escaping for text from the data (hamlet names, notes, sources) placed in the report's
// HTML and CSS. A handful of replacements, written here rather than pulled in: the
// rules are fixed by the HTML and CSS specs and the libraries that do it are as long.

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe as HTML element content and inside a double- or single-quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/**
 * Text as a double-quoted CSS string (for `content:` in @page margin boxes). Quotes,
 * backslashes and line breaks are escaped as code points, and so is `<`, so no name
 * can close the <style> element.
 */
export function cssString(text: string): string {
  const escaped = text.replace(/[\\"<>\r\n\f]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `);
  return `"${escaped}"`;
}
