import { describe, expect, it } from 'vitest';
import { fileSlug, formatCell, toExcelCsv, type ReportTable } from './report-table';

const table: ReportTable = {
  id: 't',
  title: 'Ledtider',
  columns: [
    { label: 'Ledtid', kind: 'text' },
    { label: 'Antal', kind: 'int' },
    { label: 'Median (dagar)', kind: 'decimal' },
    { label: 'Andel inom mål', kind: 'percent' },
  ],
  rows: [
    ['Mottagen → MDK', 12345, 20.5, 0.875],
    ['Text med ; och "citat"', 0, null, null],
  ],
};

describe('toExcelCsv', () => {
  it('writes UTF-8 BOM, semicolons, decimal comma and CRLF, quoting only where needed', () => {
    expect(toExcelCsv(table)).toBe(
      '\ufeffLedtid;Antal;Median (dagar);Andel inom mål (%)\r\n' + 'Mottagen → MDK;12345;20,5;87,5\r\n' + '"Text med ; och ""citat""";0;;\r\n',
    );
  });
});

describe('toExcelCsv formulas', () => {
  it('writes text that starts like a formula as text, and negative figures as numbers', () => {
    const evil: ReportTable = {
      id: 'e',
      title: 'x',
      columns: [
        { label: '=1+1', kind: 'text' },
        { label: 'Antal', kind: 'int' },
      ],
      rows: [
        ["=cmd|' /C calc'!A0", -3],
        ['@SUM(A1)', 1],
      ],
    };
    expect(toExcelCsv(evil)).toBe("\ufeff'=1+1;Antal\r\n'=cmd|' /C calc'!A0;-3\r\n'@SUM(A1);1\r\n");
  });
});

describe('formatCell', () => {
  it('groups thousands and uses a decimal comma in Swedish, a point in English', () => {
    expect(formatCell(12345, 'int', 'sv')).toBe('12\u00a0345');
    expect(formatCell(20.25, 'decimal', 'sv')).toBe('20,3');
    expect(formatCell(12, 'decimal', 'sv')).toBe('12');
    expect(formatCell(0.10393, 'rate', 'sv')).toBe('0,10');
    expect(formatCell(0.875, 'percent', 'sv')).toBe('87,5\u00a0%');
    expect(formatCell(0.875, 'percent', 'en')).toBe('87.5\u00a0%');
    expect(formatCell(null, 'int', 'sv')).toBe('–');
  });
});

describe('fileSlug', () => {
  it('keeps letters and digits, drops diacritics', () => {
    expect(fileSlug('Anmälningar per sjukvårdsregion 2025')).toBe('anmalningar-per-sjukvardsregion-2025');
  });
});
