/**
 * The one CSV writer of the app: semicolon-separated UTF-8 with a BOM and CRLF lines, as Swedish
 * Excel opens it, with spreadsheet formulas neutralised. A text cell that starts with =, +, -, @, tab
 * or carriage return is read as a formula by Excel, LibreOffice and Google Sheets (OWASP "CSV
 * Injection"): such a cell gets a leading apostrophe, so it shows as the text it is and never runs.
 * Numbers are the app's own figures and stay numbers (a negative number is not a formula).
 */
export type CsvValue = string | number | null;

const FORMULA_START = /^[=+\-@\t\r]/;

/** The text as a spreadsheet shows it, never as a formula it would run. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One field: text neutralised, then quoted where it holds the separator, a quote or a line break. */
export function csvField(value: CsvValue, formatNumber: (n: number) => string = String): string {
  if (value === null) return '';
  if (typeof value === 'number') return formatNumber(value);
  const text = neutraliseFormula(value);
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole file: a header row and data rows. `formatNumber` writes figures (e.g. with a decimal comma). */
export function toCsv(rows: CsvValue[][], formatNumber?: (n: number) => string): string {
  return '\ufeff' + rows.map((r) => r.map((v) => csvField(v, formatNumber)).join(';')).join('\r\n') + '\r\n';
}
