import { describe, expect, it } from 'vitest';
import { completionRequestText, missingFields } from './completeness';

describe('completeness', () => {
  it('lists required fields without an answer; "no" is an answer', () => {
    const required = ['question', 'ecog', 'patientInformed', 'history'];
    expect(missingFields({ question: '  ', ecog: 0, patientInformed: false, history: null }, required)).toEqual(['question', 'history']);
    expect(missingFields({ question: 'Kurativ?' }, [])).toEqual([]);
  });

  it('writes a Swedish completion request naming exactly what is missing', () => {
    const text = completionRequestText({
      careAreaName: 'Analcancer',
      referringUnitName: 'Helsingborgs lasarett',
      referringPhysician: 'Dr Berg',
      patientName: 'Tolvan Tolvansson',
      patientIdentifier: '19121212-1212',
      receivedDate: '2026-11-02',
      missing: ['ecog', 'question'],
      senderUnitName: 'Sahlgrenska Universitetssjukhuset',
      senderPhone: '031-342 10 00',
      today: '2026-11-23',
    });
    expect(text).toContain('Till: Helsingborgs lasarett, Dr Berg');
    expect(text).toContain('– Frågeställning till konferensen');
    expect(text).toContain('– Funktionsstatus (WHO/ECOG 0–4)');
    expect(text).not.toContain('Anamnes');
    expect(text).toContain('Sahlgrenska Universitetssjukhuset, tel. 031-342 10 00');
  });
});
