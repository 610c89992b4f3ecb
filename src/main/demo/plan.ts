/** The demo unit's shape: care areas with their series rhythm, and the fictional team. */
import type { ParticipantRole } from '../../shared/domain/quorum';

export interface DemoArea {
  code: string;
  name: string;
  /** Share of the referrals. */
  share: number;
  sex: 'female' | 'male' | 'any';
  weekday: number;
  startTime: string;
  durationMinutes: number;
  frequency: 'weekly' | 'biweekly' | 'monthly';
  monthWeek: -1 | 1 | 2 | 3 | 4 | null;
  minutesPerCase: number;
  capacity: number;
  icd10: string[];
  questions: string[];
  treatments: string[];
}

const common = { durationMinutes: 120, minutesPerCase: 6 };
export const DEMO_AREAS: DemoArea[] = [
  {
    ...common,
    code: 'SARCOMA',
    name: 'sarkom',
    share: 40,
    sex: 'any',
    weekday: 2,
    startTime: '13:00',
    frequency: 'weekly',
    monthWeek: null,
    capacity: 20,
    icd10: ['C49.2', 'C49.1', 'C40.2', 'C48.0'],
    questions: ['Ställningstagande till kirurgi?', 'Preoperativ strålbehandling?', 'Fortsatt utredning?'],
    treatments: ['Kirurgi', 'Strålbehandling', 'Cytostatika'],
  },
  {
    ...common,
    code: 'PENILE',
    name: 'peniscancer',
    share: 20,
    sex: 'male',
    weekday: 4,
    startTime: '08:00',
    frequency: 'weekly',
    monthWeek: null,
    capacity: 15,
    icd10: ['C60.1', 'C60.9'],
    questions: ['Organbevarande kirurgi?', 'Portvaktskörtelbiopsi?'],
    treatments: ['Kirurgi', 'Portvaktskörtelbiopsi', 'Strålbehandling'],
  },
  {
    ...common,
    code: 'ANAL',
    name: 'analcancer',
    share: 20,
    sex: 'any',
    weekday: 3,
    startTime: '15:00',
    frequency: 'biweekly',
    monthWeek: null,
    capacity: 25,
    icd10: ['C21.0', 'C21.1'],
    questions: ['Kurativ kemoradioterapi?', 'Oligometastatisk sjukdom: lokalbehandling?'],
    treatments: ['Kemoradioterapi', 'Kirurgi'],
  },
  {
    ...common,
    code: 'VULVAR',
    name: 'vulvacancer',
    share: 10,
    sex: 'female',
    weekday: 1,
    startTime: '14:00',
    frequency: 'monthly',
    monthWeek: 2,
    capacity: 25,
    icd10: ['C51.9', 'C51.0'],
    questions: ['Radikal vulvektomi?', 'Kemoradioterapi?'],
    treatments: ['Kirurgi', 'Kemoradioterapi'],
  },
  {
    ...common,
    code: 'ILP',
    name: 'ILP',
    share: 10,
    sex: 'any',
    weekday: 5,
    startTime: '09:00',
    frequency: 'monthly',
    monthWeek: -1,
    capacity: 25,
    icd10: ['C43.7', 'C49.2'],
    questions: ['Isolerad hypertermisk perfusion?'],
    treatments: ['ILP', 'Kirurgi'],
  },
];

/** Fictional team; area '*' sits in every series (contact nurse and coordinator). */
export const DEMO_PEOPLE: { name: string; role: ParticipantRole; area: string }[] = [
  { name: 'Demo Ordförandesson', role: 'chair', area: '*' },
  { name: 'Demo Koordinatorsdotter', role: 'coordinator', area: '*' },
  { name: 'Demo Kontaktsköterska', role: 'contact_nurse', area: '*' },
  { name: 'Demo Radiologsson', role: 'radiologist', area: '*' },
  { name: 'Demo Patologsdotter', role: 'pathologist', area: '*' },
  { name: 'Demo Onkologsson', role: 'oncologist', area: '*' },
  { name: 'Demo Sarkomkirurg', role: 'surgeon', area: 'SARCOMA' },
  { name: 'Demo Urologsdotter', role: 'surgeon', area: 'PENILE' },
  { name: 'Demo Kolorektalkirurg', role: 'surgeon', area: 'ANAL' },
  { name: 'Demo Gynekologsson', role: 'surgeon', area: 'VULVAR' },
  { name: 'Demo Perfusionskirurg', role: 'surgeon', area: 'ILP' },
];

/**
 * Fictional units: the demo's national unit and the hospitals that refer to it. No real hospital
 * stands in for the demo unit, and no real hospital's name appears on a demo referral.
 */
export interface DemoUnit {
  code: string;
  name: string;
  city: string;
  regionCode: string;
  healthcareRegionCode: string;
  phone: string;
  phoneHours: string | null;
  address: string | null;
}

export const DEMO_NATIONAL_UNIT: DemoUnit = {
  code: 'DEMO-NHV',
  name: 'Demosjukhuset, nationell vårdenhet (fiktiv)',
  city: 'Demostad',
  regionCode: '14',
  healthcareRegionCode: 'VASTRA',
  phone: '010-000 00 00',
  phoneHours: 'Vardagar 8–16',
  address: 'Demovägen 1, 000 00 Demostad',
};

export const DEMO_REFERRING_UNITS: DemoUnit[] = [
  {
    code: 'DEMO-NORR',
    name: 'Demo länssjukhus Norrby (fiktivt)',
    city: 'Norrby',
    regionCode: '25',
    healthcareRegionCode: 'NORRA',
    phone: '010-000 01 00',
    phoneHours: null,
    address: 'Sjukhusvägen 1, Norrby',
  },
  {
    code: 'DEMO-MITT',
    name: 'Demo centrallasarett Mittby (fiktivt)',
    city: 'Mittby',
    regionCode: '19',
    healthcareRegionCode: 'MELLAN',
    phone: '010-000 02 00',
    phoneHours: null,
    address: 'Lasarettsgatan 2, Mittby',
  },
  {
    code: 'DEMO-STAD',
    name: 'Demo sjukhus Stadsby (fiktivt)',
    city: 'Stadsby',
    regionCode: '01',
    healthcareRegionCode: 'STHLM_GOTLAND',
    phone: '010-000 03 00',
    phoneHours: null,
    address: 'Vårdvägen 3, Stadsby',
  },
  {
    code: 'DEMO-OST',
    name: 'Demo länssjukhus Österby (fiktivt)',
    city: 'Österby',
    regionCode: '05',
    healthcareRegionCode: 'SYDOSTRA',
    phone: '010-000 04 00',
    phoneHours: null,
    address: 'Sjukhusgatan 4, Österby',
  },
  {
    code: 'DEMO-VAST',
    name: 'Demo lasarett Västby (fiktivt)',
    city: 'Västby',
    regionCode: '14',
    healthcareRegionCode: 'VASTRA',
    phone: '010-000 05 00',
    phoneHours: null,
    address: 'Lasarettsvägen 5, Västby',
  },
  {
    code: 'DEMO-SYD',
    name: 'Demo sjukhus Söderby (fiktivt)',
    city: 'Söderby',
    regionCode: '12',
    healthcareRegionCode: 'SODRA',
    phone: '010-000 06 00',
    phoneHours: null,
    address: 'Sjukhusvägen 6, Söderby',
  },
];
