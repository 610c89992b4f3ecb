import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { resourcesDir } from '../../paths';

const populationFile = z.object({
  source: z.string(),
  sourceEn: z.string(),
  year: z.number().int(),
  regions: z.record(z.string(), z.number().int().positive()),
  splitRegions: z.array(
    z.object({
      regionCode: z.string(),
      parts: z.array(z.object({ healthcareRegionCode: z.string(), population: z.number().int().positive() })),
    }),
  ),
});

export interface PopulationFigures {
  source: string;
  sourceEn: string;
  year: number;
  /** Inhabitants per region (county code 01..25). */
  byRegion: Map<string, number>;
  /** Inhabitants per healthcare region; a split region (Halland) counts by its municipalities. */
  byHealthcareRegion: Map<string, number>;
}

let cached: PopulationFigures | null = null;

/**
 * Population figures shipped in resources/reference/population.json (SCB). Read once per process;
 * the healthcare-region totals need each region's default healthcare region from the database.
 */
export function populationFigures(defaultHealthcareRegion: ReadonlyMap<string, string | null>): PopulationFigures {
  if (cached) return cached;
  const file = populationFile.parse(JSON.parse(readFileSync(join(resourcesDir(), 'reference', 'population.json'), 'utf8')));
  const byRegion = new Map(Object.entries(file.regions));
  const byHealthcareRegion = new Map<string, number>();
  const add = (code: string, n: number) => byHealthcareRegion.set(code, (byHealthcareRegion.get(code) ?? 0) + n);
  const split = new Map(file.splitRegions.map((s) => [s.regionCode, s.parts]));
  for (const [regionCode, inhabitants] of byRegion) {
    const parts = split.get(regionCode);
    if (parts) for (const p of parts) add(p.healthcareRegionCode, p.population);
    else {
      const hr = defaultHealthcareRegion.get(regionCode);
      if (hr) add(hr, inhabitants);
    }
  }
  cached = { source: file.source, sourceEn: file.sourceEn, year: file.year, byRegion, byHealthcareRegion };
  return cached;
}
