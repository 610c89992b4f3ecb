/**
 * Care plan (vårdplan, "Min vårdplan") rules that need no database: lifecycle, follow-up dates,
 * handover responsibility and the Swedish FHIR identifier systems.
 */

export const CARE_PLAN_STATUSES = ['draft', 'finalised', 'superseded'] as const;
export type CarePlanStatus = (typeof CARE_PLAN_STATUSES)[number];

export const FOLLOW_UP_PLACES = ['national_unit', 'home_region'] as const;
/** Where a follow-up happens: at the national unit or at a unit in the patient's home region. */
export type FollowUpPlace = (typeof FOLLOW_UP_PLACES)[number];

export const INTERVAL_UNITS = ['days', 'weeks', 'months'] as const;
export type IntervalUnit = (typeof INTERVAL_UNITS)[number];

/** One item of the follow-up schedule (uppföljningsplan): what, when, where, who. */
export interface FollowUpItem {
  what: string;
  /** Either a fixed date … */
  dueDate: string | null;
  /** … or an interval after discharge (e.g. 3 months). */
  intervalValue: number | null;
  intervalUnit: IntervalUnit | null;
  place: FollowUpPlace;
  /** The unit, when known (a unit in the home region, or the national unit). */
  unitId: number | null;
  responsible: string;
}

/** The texts of a care plan that a care area's template fills in (vårdplansmall). */
export interface CarePlanTexts {
  rehabilitationNeeds: string;
  rehabilitationPlan: string;
  selfCareAdvice: string;
  warningSigns: string;
  callWeekdays: string;
  callOtherTimes: string;
  practicalMatters: string;
  patientRights: string;
}

export interface CarePlanTemplate extends CarePlanTexts {
  careAreaCode: string;
  followUps: FollowUpItem[];
  /** False while the built-in default is used (nothing saved for the care area yet). */
  saved: boolean;
}

export const TEXT_KEYS: readonly (keyof CarePlanTexts)[] = [
  'rehabilitationNeeds',
  'rehabilitationPlan',
  'selfCareAdvice',
  'warningSigns',
  'callWeekdays',
  'callOtherTimes',
  'practicalMatters',
  'patientRights',
];

/** Only a draft may be edited; finalised and superseded versions are read-only history. */
export function isEditable(status: CarePlanStatus): boolean {
  return status === 'draft';
}

/** The concrete date of a follow-up item: its own date, or discharge + interval (null if unknown). */
export function followUpDate(item: Pick<FollowUpItem, 'dueDate' | 'intervalValue' | 'intervalUnit'>, dischargeDate: string | null): string | null {
  if (item.dueDate) return item.dueDate;
  if (!dischargeDate || item.intervalValue == null || !item.intervalUnit) return null;
  const d = new Date(`${dischargeDate}T00:00:00Z`);
  if (item.intervalUnit === 'days') d.setUTCDate(d.getUTCDate() + item.intervalValue);
  else if (item.intervalUnit === 'weeks') d.setUTCDate(d.getUTCDate() + 7 * item.intervalValue);
  else {
    // Months: keep the day of month, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb).
    const day = d.getUTCDate();
    d.setUTCDate(1);
    d.setUTCMonth(d.getUTCMonth() + item.intervalValue);
    const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
    d.setUTCDate(Math.min(day, last));
  }
  return d.toISOString().slice(0, 10);
}

/** Whole calendar days from `from` to `to` (both YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * Active handover (aktiv överlämning): the national unit keeps responsibility until the receiving
 * unit's confirmation is recorded. Overdue when still pending more than `limitDays` after sending.
 */
export function handoverState(h: { status: 'pending' | 'confirmed'; sentDate: string }, today: string, limitDays: number) {
  const daysPending = h.status === 'pending' ? Math.max(0, daysBetween(h.sentDate, today)) : 0;
  return {
    nationalUnitResponsible: h.status === 'pending',
    daysPending,
    overdue: h.status === 'pending' && daysPending > limitDays,
  };
}

export const DEFAULT_HANDOVER_PENDING_DAYS = 7;

/** HL7 Sweden base profile systems (SEBasePatient); domain.md "Identifiers and codes". */
export const IDENTIFIER_SYSTEMS = {
  personnummer: 'http://electronichealth.se/identifier/personnummer',
  samordningsnummer: 'http://electronichealth.se/identifier/samordningsnummer',
} as const;

/** Regional reservnummer OIDs known to us, by county code (länskod); others get no system. */
export const RESERVNUMMER_OIDS: Record<string, string> = {
  '01': '1.2.752.97.3.1.3', // Region Stockholm
  '14': '1.2.752.113.11.0.2.1.1.1', // Västra Götalandsregionen
};

export function identifierSystem(system: 'personnummer' | 'samordningsnummer' | 'reservnummer', issuerRegionCode: string | null): string | null {
  if (system !== 'reservnummer') return IDENTIFIER_SYSTEMS[system];
  const oid = issuerRegionCode ? RESERVNUMMER_OIDS[issuerRegionCode] : undefined;
  return oid ? `urn:oid:${oid}` : null;
}

/** 12-digit personnummer/samordningsnummer shown as YYYYMMDD-NNNN; reservnummer as given. */
export function displayIdentifier(value: string): string {
  return /^\d{12}$/.test(value) ? `${value.slice(0, 8)}-${value.slice(8)}` : value;
}

/** Plain-language default texts (Swedish, for the patient) used until a care area's template is saved. */
export function defaultTemplate(careAreaCode: string): CarePlanTemplate {
  return {
    careAreaCode,
    saved: false,
    rehabilitationNeeds: 'Vi går igenom dina behov av rehabilitering tillsammans med dig före utskrivningen.',
    rehabilitationPlan: 'Din kontaktsjuksköterska hjälper dig att få kontakt med fysioterapeut, arbetsterapeut eller kurator vid behov.',
    selfCareAdvice: 'Drick mycket vatten och ät regelbundet. Var fysiskt aktiv efter förmåga, gärna promenader varje dag. Undvik att röka.',
    warningSigns: 'Ring oss om du får feber över 38 grader, ökande smärta, blödning, svullnad eller rodnad, eller om du känner dig mycket sämre.',
    callWeekdays: 'Ring din kontaktsjuksköterska på enhetens telefonnummer.',
    callOtherTimes: 'Ring 1177 eller åk till närmaste akutmottagning. Vid livshotande tillstånd, ring 112.',
    practicalMatters: 'Du får ett intyg och recept vid utskrivningen. Sjukresor kan ersättas enligt din regions regler.',
    patientRights:
      'Du har rätt till information om din vård, rätt att få en ny medicinsk bedömning och rätt att läsa din journal. Du kan lämna synpunkter till patientnämnden i din region.',
    followUps: [
      {
        what: 'Telefonsamtal med kontaktsjuksköterska',
        dueDate: null,
        intervalValue: 2,
        intervalUnit: 'weeks',
        place: 'national_unit',
        unitId: null,
        responsible: 'Kontaktsjuksköterska, nationell enhet',
      },
      {
        what: 'Återbesök med läkarundersökning',
        dueDate: null,
        intervalValue: 3,
        intervalUnit: 'months',
        place: 'home_region',
        unitId: null,
        responsible: 'Ansvarig läkare, hemregionen',
      },
    ],
  };
}
