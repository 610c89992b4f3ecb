/** Reference data: healthcare regions, regions, units and care areas (domain.md "Reference data"). */

export interface HealthcareRegion {
  code: string; // e.g. "SODRA"
  nameSv: string;
  nameEn: string;
}

export interface Region {
  code: string; // county code (länskod), e.g. "12" for Skåne
  name: string;
  /** Null where the region belongs to two healthcare regions (Halland): the unit decides. */
  defaultHealthcareRegionCode: string | null;
}

export interface Unit {
  id: number;
  code: string | null;
  name: string;
  regionCode: string;
  /** Property of the unit, not only of its region (Halland is split between Västra and Södra). */
  healthcareRegionCode: string;
  city: string | null;
  isUniversityHospital: boolean;
  phone: string | null;
  phoneHours: string | null;
  address: string | null;
  email: string | null;
  active: boolean;
}

export interface CareArea {
  code: string; // e.g. "ANAL"
  nameSv: string;
  nameEn: string;
  /** ICD-10 codes or ranges, e.g. ["C40-C41", "C48-C49"]. */
  icd10: string[];
  /** Units holding the national assignment (nationella vårdenheter). */
  nationalUnitIds: number[];
  active: boolean;
  /** Lead-time target in days from receipt to MDK (editable in Settings). */
  leadTimeTargetDays: number;
  /** Referral fields required before a case may be discussed (editable in Settings). */
  requiredFields: string[];
  /** Treatments a recommendation picks from (editable in Settings). */
  treatmentOptions: string[];
  /** Where the shipped starting list came from (a national care programme); null when none was shipped. */
  treatmentOptionsSource: string | null;
}

export interface ReferenceData {
  healthcareRegions: HealthcareRegion[];
  regions: Region[];
  units: Unit[];
  careAreas: CareArea[];
}

/** The unit the user works at and the care areas it serves, chosen in the first-run step. */
export interface Workplace {
  unitId: number;
  careAreaCodes: string[];
}
