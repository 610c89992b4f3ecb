import { describe, expect, it } from 'vitest';
import { diagnosisLine, icdAdmitted, icdCategory, icdRangeCodes } from './icd10';

describe('ICD-10 ranges and lines', () => {
  it('reads categories and admits codes by a care area’s ranges', () => {
    expect(icdCategory('c49.2')).toBe('C49');
    expect(icdCategory('Sarkom')).toBeNull();
    expect(icdAdmitted('C41.4', ['C40-C41', 'C48-C49'])).toBe(true);
    expect(icdAdmitted('C42', ['C40-C41'])).toBe(false);
    expect(icdAdmitted('C79.2', ['C43', 'C49', 'C79.2'])).toBe(true);
    expect(icdAdmitted('C79.3', ['C43', 'C49', 'C79.2'])).toBe(false);
    expect(icdRangeCodes(['C40-C41', 'C79.2'])).toEqual(['C40', 'C41', 'C79.2']);
  });

  it('shows the code with its text, or the code alone', () => {
    expect(diagnosisLine('C21.1', 'Malign tumör i analkanalen')).toBe('C21.1 Malign tumör i analkanalen');
    expect(diagnosisLine('C99.9', null)).toBe('C99.9');
    expect(diagnosisLine(null, null)).toBeNull();
  });
});
