import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { resourcesDir } from '../paths';

const treatmentOptionsFile = z.object({
  source: z.string(),
  careAreas: z.array(z.object({ careAreaCode: z.string(), source: z.string().min(1), options: z.array(z.string().min(1)).min(1) })),
});

export type ShippedTreatmentOptions = z.infer<typeof treatmentOptionsFile>['careAreas'];

/** The starting treatment options per care area (from the national care programmes), resources/reference/treatment-options.json. */
export function readTreatmentOptionsFile(): ShippedTreatmentOptions {
  const file = join(resourcesDir(), 'reference', 'treatment-options.json');
  return treatmentOptionsFile.parse(JSON.parse(readFileSync(file, 'utf8'))).careAreas;
}
