/**
 * A labelled table of figures, the one shape the follow-up screen, its CSV and PDF exports and
 * the CLI all print, so every output shows the same numbers under the same headings.
 */
import { toCsv } from './csv';

/** decimal: at most one decimal; rate: two decimals (per 100,000 figures are small). */
export type ColumnKind = 'text' | 'int' | 'decimal' | 'rate' | 'percent';
export type Cell = string | number | null;

export interface ReportColumn {
  label: string;
  kind: ColumnKind;
}

export interface ReportTable {
  id: string;
  title: string;
  columns: ReportColumn[];
  rows: Cell[][];
  /** How the figures were counted, printed under the table. */
  note?: string;
}

const locale = (lang: 'sv' | 'en') => (lang === 'sv' ? 'sv-SE' : 'en-GB');

/**
 * A cell for reading on screen or paper: grouped thousands, at most one decimal, shares as "87,5 %";
 * empty figures as "–". Narrow no-break spaces become plain no-break spaces (every font has those).
 */
export function formatCell(value: Cell, kind: ColumnKind, lang: 'sv' | 'en'): string {
  if (value === null || value === '') return '–';
  if (typeof value === 'string') return value;
  const fmt = (n: number, min: number, max: number) =>
    new Intl.NumberFormat(locale(lang), { minimumFractionDigits: min, maximumFractionDigits: max }).format(n).replace(/\u202f/g, '\u00a0');
  switch (kind) {
    case 'int':
      return fmt(value, 0, 0);
    case 'decimal': // at most one decimal: counts in a "value" column stay whole
      return fmt(value, 0, 1);
    case 'rate':
      return fmt(value, 2, 2);
    case 'percent':
      return `${fmt(value * 100, 1, 1)}\u00a0%`;
    default:
      return String(value);
  }
}

/**
 * CSV that Swedish Excel opens as columns (the shared writer in csv.ts: UTF-8 with BOM, semicolons,
 * CRLF, formulas neutralised), with a decimal comma and no thousands separator; shares as percent
 * numbers (the heading says "%").
 */
export function toExcelCsv(table: ReportTable): string {
  const figure = (value: Cell, kind: ColumnKind): Cell => {
    if (typeof value !== 'number') return value;
    return kind === 'percent'
      ? Math.round(value * 1000) / 10
      : kind === 'decimal'
        ? Math.round(value * 10) / 10
        : kind === 'rate'
          ? Math.round(value * 100) / 100
          : value;
  };
  return toCsv(
    [
      table.columns.map((c) => (c.kind === 'percent' ? `${c.label} (%)` : c.label)),
      ...table.rows.map((r) => r.map((v, i) => figure(v, table.columns[i].kind))),
    ],
    (n) => String(n).replace('.', ','),
  );
}

/** A file name from a title: letters, digits and dashes only. */
export function fileSlug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
