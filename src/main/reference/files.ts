import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { resourcesDir } from '../paths';

const healthcareRegionsFile = z.object({
  healthcareRegions: z.array(z.object({ code: z.string(), nameSv: z.string(), nameEn: z.string() })),
});
const regionsFile = z.object({
  regions: z.array(z.object({ code: z.string(), name: z.string(), defaultHealthcareRegionCode: z.string().nullable() })),
});
const unitsFile = z.object({
  units: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      city: z.string(),
      regionCode: z.string(),
      healthcareRegionCode: z.string(),
      isUniversityHospital: z.boolean().optional(),
    }),
  ),
});
const careAreasFile = z.object({
  careAreas: z.array(
    z.object({
      code: z.string(),
      nameSv: z.string(),
      nameEn: z.string(),
      icd10: z.array(z.string()),
      nationalUnitCodes: z.array(z.string()),
    }),
  ),
});

const icd10File = z.object({
  source: z.string(),
  edition: z.string(),
  codes: z.array(z.object({ code: z.string().regex(/^[A-Z]\d{2}(\.\d{1,2})?$/), textSv: z.string().min(1) })),
});

/** ICD-10-SE texts (Socialstyrelsen) for the codes the care areas admit: resources/reference/icd10-se.json. */
export function readIcd10File() {
  return readJson('icd10-se.json', icd10File);
}

function readJson<T>(name: string, schema: z.ZodType<T>): T {
  const file = join(resourcesDir(), 'reference', name);
  return schema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

/** The shipped reference data files under resources/reference, checked against their shape. */
export function readReferenceFiles() {
  return {
    healthcareRegions: readJson('healthcare-regions.json', healthcareRegionsFile).healthcareRegions,
    regions: readJson('regions.json', regionsFile).regions,
    units: readJson('units.json', unitsFile).units,
    careAreas: readJson('care-areas.json', careAreasFile).careAreas,
  };
}
