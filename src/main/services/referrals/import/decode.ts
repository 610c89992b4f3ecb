import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { invalid } from '../../../../shared/api/errors';
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS } from '../../../../shared/api/methods/referrals';

export interface CsvTable {
  encoding: 'utf-8' | 'windows-1252';
  delimiter: string;
  header: string[];
  /** Data records; `row` counts the header as row 1, as a spreadsheet numbers them. */
  records: { row: number; cells: string[] }[];
}

/** Magic numbers of files people pick by mistake: PDF, ZIP (xlsx, docx), OLE (xls, doc), PNG, JPEG. */
const BINARY_MAGIC = [
  Buffer.from('%PDF'),
  Buffer.from([0x50, 0x4b, 0x03, 0x04]),
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0]),
  Buffer.from([0x89, 0x50, 0x4e, 0x47]),
  Buffer.from([0xff, 0xd8, 0xff]),
];
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * 'UTF-16 LE' or 'UTF-16 BE' for a file saved as UTF-16 (Excel's "Unicode text", Notepad's "Unicode"):
 * by its byte-order mark, else by every other byte being zero, as ASCII text looks in UTF-16.
 */
export function utf16Kind(bytes: Buffer): 'UTF-16 LE' | 'UTF-16 BE' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'UTF-16 LE';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'UTF-16 BE';
  const sample = bytes.subarray(0, 512 - (Math.min(bytes.length, 512) % 2));
  if (sample.length < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0) evenZero++;
    if (sample[i + 1] === 0) oddZero++;
  }
  const pairs = sample.length / 2;
  if (oddZero > pairs * 0.6 && evenZero === 0) return 'UTF-16 LE';
  if (evenZero > pairs * 0.6 && oddZero === 0) return 'UTF-16 BE';
  return null;
}

/**
 * Text of a CSV file as Swedish hospital systems and Excel write it: UTF-8 (with or without BOM),
 * else Windows-1252. A UTF-16 file is refused with how to save it as UTF-8, a file that is not text
 * at all with a clear message.
 */
export function decodeText(bytes: Buffer): { text: string; encoding: CsvTable['encoding'] } {
  if (bytes.length === 0) throw invalid('file', 'import.empty');
  if (bytes.length > IMPORT_MAX_BYTES) throw invalid('file', 'import.tooLarge');
  const utf16 = utf16Kind(bytes);
  if (utf16) throw invalid('file', 'import.utf16', { encoding: utf16 });
  if (bytes.includes(0) || BINARY_MAGIC.some((m) => bytes.subarray(0, m.length).equals(m))) throw invalid('file', 'import.notCsv');
  let text: string;
  let encoding: CsvTable['encoding'] = 'utf-8';
  if (bytes.subarray(0, 3).equals(UTF8_BOM)) text = bytes.subarray(3).toString('utf8');
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      text = iconv.decode(bytes, 'win1252');
      encoding = 'windows-1252';
    }
  }
  // Control characters other than tab and line breaks mean a binary file, whatever its name.
  // eslint-disable-next-line no-control-regex -- finding control characters is the point here
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text)) throw invalid('file', 'import.notCsv');
  return { text, encoding };
}

/** Splits the text into records with papaparse, guessing semicolon, comma or tab. */
export function parseCsv(bytes: Buffer): CsvTable {
  const { text, encoding } = decodeText(bytes);
  const parsed = Papa.parse<string[]>(text, { delimitersToGuess: [';', ',', '\t'], skipEmptyLines: false });
  const rows = parsed.data;
  const headerIndex = rows.findIndex((r) => r.some((c) => c.trim() !== ''));
  if (headerIndex < 0) throw invalid('file', 'import.empty');
  const records: CsvTable['records'] = [];
  for (let i = headerIndex + 1; i < rows.length; i++) {
    if (rows[i].every((c) => c.trim() === '')) continue;
    records.push({ row: i + 1, cells: rows[i] });
    if (records.length > IMPORT_MAX_ROWS) throw invalid('file', 'import.tooManyRows', { max: IMPORT_MAX_ROWS });
  }
  return { encoding, delimiter: parsed.meta.delimiter, header: rows[headerIndex], records };
}
