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
