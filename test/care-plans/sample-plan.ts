/** A finalised care plan as the core hands it to the PDF renderer: enough text for two pages. */
import type { CarePlanDetail } from '../../src/shared/api/methods/care-plans';

const long = (sentence: string, times: number) => Array.from({ length: times }, () => sentence).join(' ');

export function samplePlan(): CarePlanDetail {
  return {
    id: 7,
    patientId: 3,
    patientName: 'Märta Åström',
    patientIdentifier: '194612019882',
    referralId: 11,
    careAreaCode: 'ANAL',
    recommendation: null,
    version: 2,
    status: 'finalised',
    nationalUnitId: 1,
    nationalUnit: { id: 1, name: 'Sahlgrenska Universitetssjukhuset', phone: '031-342 10 00', phoneHours: 'Vardagar 8–16', address: 'Blå stråket 5, 413 45 Göteborg', email: 'kontakt@example.se' },
    contactNurse: 'Karin Öberg',
    contactNursePhone: '031-342 20 00',
    responsiblePhysician: 'Dr Åke Ström',
    diagnosisText: 'C21.1 Analkanalen',
    diagnosisCode: 'C21.1',
    diagnosisIcdText: 'Analkanalen',
    diagnosisPlain: 'En tumör i ändtarmsöppningen.',
    treatmentSummary: long('Radiokemoterapi avslutad i oktober, väl genomförd.', 6),
    dischargeDate: '2026-11-20',
    followUps: [
      { what: 'Återbesök med läkarundersökning', dueDate: null, intervalValue: 3, intervalUnit: 'months', place: 'national_unit', unitId: 1, responsible: 'Kirurgmottagningen', date: '2027-02-20' },
      { what: 'Provtagning hos vårdcentralen', dueDate: '2026-12-04', intervalValue: null, intervalUnit: null, place: 'home_region', unitId: null, responsible: 'Vårdcentralen Kungsbacka', date: '2026-12-04' },
    ],
    finalisedAt: '2026-11-18T09:30:00.000Z',
    finalisedBy: 'Karin Öberg',
    createdBy: 'Karin Öberg',
    updatedAt: '2026-11-18T09:30:00.000Z',
    updatedBy: 'Karin Öberg',
    rowVersion: 4,
    handover: null,
    versions: [],
    rehabilitationNeeds: long('Trötthet och ändrade tarmvanor efter strålningen.', 4),
    rehabilitationPlan: long('Fysioterapeut två gånger i veckan under sex veckor.', 4),
    selfCareAdvice: long('Rör på dig varje dag, drick mycket vatten och ät fiberrik mat.', 6),
    warningSigns: long('Feber över 38 grader, blödning eller svåra smärtor.', 4),
    callWeekdays: 'Din kontaktsjuksköterska, 031-342 20 00',
    callOtherTimes: 'Avdelning 12, 031-342 30 00',
    practicalMatters: long('Sjukintyg skickas till Försäkringskassan.', 4),
    patientRights: long('Du har rätt till en ny medicinsk bedömning och att ta del av din journal.', 5),
  };
}
