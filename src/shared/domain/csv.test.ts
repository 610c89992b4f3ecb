import { describe, expect, it } from 'vitest';
import { csvField, neutraliseFormula, toCsv } from './csv';

describe('CSV writer', () => {
  it('neutralises every cell a spreadsheet would run as a formula (=, +, -, @, tab, CR)', () => {
    for (const formula of ["=cmd|' /C calc'!A0", '+1+1', '-2+3', '@SUM(A1:A9)', '\t=1+1', '\r=1+1']) {
      expect(neutraliseFormula(formula)).toBe(`'${formula}`);
    }
    expect(neutraliseFormula('Anna Andersson')).toBe('Anna Andersson');
    expect(neutraliseFormula('a=b')).toBe('a=b');
  });

  it('quotes after neutralising, keeps numbers as numbers and writes BOM, semicolons and CRLF', () => {
    expect(csvField('=HYPERLINK("https://example.invalid";"x")')).toBe('"\'=HYPERLINK(""https://example.invalid"";""x"")"');
    expect(csvField('\r=1')).toBe('"\'\r=1"');
    expect(csvField(-5)).toBe('-5');
    expect(csvField(2.5, (n) => String(n).replace('.', ','))).toBe('2,5');
    expect(csvField(null)).toBe('');
    expect(
      toCsv([
        ['Namn', 'Antal'],
        ['=1+1', -1],
      ]),
    ).toBe("\ufeffNamn;Antal\r\n'=1+1;-1\r\n");
  });
});
