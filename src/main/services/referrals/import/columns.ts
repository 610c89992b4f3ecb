import type { ReferralFieldsInput } from '../../../../shared/api/methods/referrals';

/**
 * The import's columns (docs/import-referrals.md). Headers are matched after lower-casing and
 * folding å/ä/ö and spaces, so "Välgrundad misstanke" and "valgrundad_misstanke" are the same.
 */
export const COLUMNS = {
  personnummer: ['personnummer', 'identitet', 'samordningsnummer', 'reservnummer', 'pnr'],
  reservnummer_region: ['reservnummer_region', 'utfardande_region'],
  efternamn: ['efternamn'],
  fornamn: ['fornamn'],
  vardomrade: ['vardomrade'],
  remitterande_enhet: ['remitterande_enhet', 'enhet'],
  remitterande_lakare: ['remitterande_lakare', 'lakare'],
  telefon: ['telefon', 'remitterande_telefon'],
  mottagen: ['mottagen', 'mottagningsdatum', 'datum_mottagen'],
  valgrundad_misstanke: ['valgrundad_misstanke', 'misstanke'],
  fragestallning: ['fragestallning'],
  icd10: ['icd10', 'icd_10', 'diagnoskod'],
  diagnosgrund: ['diagnosgrund'],
  anamnes: ['anamnes'],
  samsjuklighet: ['samsjuklighet'],
  ecog: ['ecog', 'who_ecog', 'who'],
  bilder: ['bilder', 'bilder_finns'],
  rontgensvar: ['rontgensvar', 'rontgensvar_referens'],
  pad_referens: ['pad_referens', 'pad'],
  patientens_onskemal: ['patientens_onskemal'],
  psykosocial_situation: ['psykosocial_situation', 'psykosocialt'],
  patienten_har_fatt_veta: ['patienten_har_fatt_veta', 'patienten_informerad_om'],
  patient_informerad: ['patient_informerad', 'patienten_informerad'],
  prioritet: ['prioritet'],
  anteckningar: ['anteckningar'],
  extern_id: ['extern_id', 'remiss_id'],
} as const;
export type Column = keyof typeof COLUMNS;
export const REQUIRED_COLUMNS: Column[] = ['personnummer', 'efternamn', 'fornamn', 'vardomrade', 'remitterande_enhet', 'mottagen'];

export const normaliseHeader = (h: string) =>
  h
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');

/** Index of each known column in the header; unknown headers are ignored. */
export function mapHeader(header: string[]): { index: ColumnIndex; missing: Column[] } {
  const index: ColumnIndex = {};
  header.forEach((h, i) => {
    const n = normaliseHeader(h);
    for (const [col, names] of Object.entries(COLUMNS) as [Column, readonly string[]][]) if (names.includes(n) && index[col] === undefined) index[col] = i;
  });
  return { index, missing: REQUIRED_COLUMNS.filter((c) => index[c] === undefined) };
}

export type ColumnIndex = Partial<Record<Column, number>>;

/** One record's cells by column, trimmed; a column the file lacks reads as empty. */
export class RowCells {
  constructor(
    private readonly index: ColumnIndex,
    private readonly cells: string[],
  ) {}

  get(c: Column): string {
    const i = this.index[c];
    return i === undefined ? '' : (this.cells[i] ?? '').trim();
  }
}

const YES = ['ja', 'j', 'yes', 'y', '1', 'x', 'sant', 'true'];
const NO = ['nej', 'n', 'no', '0', 'falskt', 'false'];

/** Yes/no cells: ja/nej (and 1/0); empty is "not stated"; anything else is kept to be reported. */
export function yesNo(v: string): boolean | null | 'bad' {
  const s = v.trim().toLowerCase();
  if (!s) return null;
  if (YES.includes(s)) return true;
  if (NO.includes(s)) return false;
  return 'bad';
}

/** The referral fields of one row, before the contract's schema checks them. Unit and area resolved by the caller. */
export function rowToReferralInput(row: RowCells, careAreaCode: string, referringUnitId: number): ReferralFieldsInput & Record<string, unknown> {
  const basis = row.get('diagnosgrund').trim().toLowerCase();
  const priority = normaliseHeader(row.get('prioritet'));
  const ecog = row.get('ecog').trim();
  return {
    careAreaCode,
    referringUnitId,
    referringPhysician: row.get('remitterande_lakare'),
    referringPhone: row.get('telefon'),
    receivedDate: row.get('mottagen').trim(),
    suspicionDate: row.get('valgrundad_misstanke').trim(),
    question: row.get('fragestallning'),
    icd10: row.get('icd10'),
    diagnosisBasis: (basis === '' ? null : basis === 'pad' ? 'pad' : ['klinisk', 'clinical'].includes(basis) ? 'clinical' : basis) as 'pad',
    history: row.get('anamnes'),
    comorbidity: row.get('samsjuklighet'),
    ecog: (ecog === '' ? null : /^\d+$/.test(ecog) ? Number(ecog) : ecog) as number,
    imagingAvailable: yesNo(row.get('bilder')) as boolean,
    radiologyReportRef: row.get('rontgensvar'),
    pathologyRef: row.get('pad_referens'),
    patientWishes: row.get('patientens_onskemal'),
    psychosocial: row.get('psykosocial_situation'),
    patientTold: row.get('patienten_har_fatt_veta'),
    patientInformed: yesNo(row.get('patient_informerad')) as boolean,
    priority: (priority === '' || priority === 'normal' ? 'normal' : ['bradskande', 'urgent', 'akut'].includes(priority) ? 'urgent' : priority) as 'normal',
    notes: row.get('anteckningar'),
  };
}
