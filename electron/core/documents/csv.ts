/**
 * RFC 4180 CSV, safe to open in a spreadsheet. A cell that a spreadsheet would read as a formula
 * (starting with = + - @, a tab or a carriage return, or their full-width forms, which some spreadsheets
 * also accept) is prefixed with a single quote, so it shows as text and never runs.
 */

const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/u;
const NEEDS_QUOTES = /[",\r\n]/;

/** The cell's text as a spreadsheet will show it: a formula-like start made inert. */
export function inertCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function csvCell(value: string): string {
  const inert = inertCell(value);
  return NEEDS_QUOTES.test(inert) ? `"${inert.replaceAll('"', '""')}"` : inert;
}

/**
 * Records separated and ended by CRLF, as RFC 4180 has it, after a byte order mark so that Excel reads
 * the file as UTF-8 (without it, names with accents arrive garbled).
 */
export function csvText(rows: ReadonlyArray<readonly string[]>): string {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
