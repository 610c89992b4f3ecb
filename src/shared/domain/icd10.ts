/**
 * ICD-10 codes as the care areas admit them (`C21`, `C40-C41`, `C79.2`) and as a patient reads them:
 * the code with its Swedish text from ICD-10-SE, or the code alone when the text is not known.
 */

const CODE = /^([A-Z])(\d{2})(?:\.(\d{1,2}))?$/;

/** The three-character category of a code (`C49.2` → `C49`), or null for something that is no ICD-10 code. */
export function icdCategory(code: string): string | null {
  const m = CODE.exec(code.trim().toUpperCase());
  return m ? `${m[1]}${m[2]}` : null;
}

/**
 * Whether a care area's ranges admit a code. A category (`C43`) admits itself and its subcodes; a range
 * (`C40-C41`) every category between; a subcode (`C79.2`) only itself and its own subcodes.
 */
export function icdAdmitted(code: string, ranges: readonly string[]): boolean {
  const c = code.trim().toUpperCase();
  const category = icdCategory(c);
  if (!category) return false;
  return ranges.some((range) => {
    const [from, to = from] = range.split('-');
    if (from.includes('.')) return c === from || c.startsWith(`${from}`);
    return category >= from.slice(0, 3) && category <= to.slice(0, 3);
  });
}

/** The three-character categories and explicit four-character codes a care area's ranges name. */
export function icdRangeCodes(ranges: readonly string[]): string[] {
  const out: string[] = [];
  for (const range of ranges) {
    const [from, to = from] = range.split('-');
    if (from.includes('.')) {
      out.push(from);
      continue;
    }
    const letter = from[0];
    for (let n = Number(from.slice(1, 3)); n <= Number(to.slice(1, 3)); n++) out.push(`${letter}${String(n).padStart(2, '0')}`);
  }
  return out;
}

/** The line the patient reads: `C21.1 Malign tumör i analkanalen`, or the code alone when its text is unknown. */
export function diagnosisLine(code: string | null, textSv: string | null): string | null {
  if (!code) return null;
  return textSv ? `${code} ${textSv}` : code;
}
