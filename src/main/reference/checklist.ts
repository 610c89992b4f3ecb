import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { resourcesDir } from '../paths';
import { CHECKLIST_ITEMS, type ChecklistRules } from '../../shared/domain/checklist';

const days = z.number().int().min(0).max(60);
const checklistFile = z.object({
  source: z.string().min(1),
  defaults: z.object({ items: z.array(z.enum(CHECKLIST_ITEMS)), beforeWorkingDays: days, replyWorkingDays: days, patientToldWorkingDays: days }),
  careAreas: z.array(
    z.object({
      careAreaCode: z.string().min(1),
      note: z.string().optional(),
      items: z.array(z.enum(CHECKLIST_ITEMS)).optional(),
      beforeWorkingDays: days.optional(),
      replyWorkingDays: days.optional(),
      patientToldWorkingDays: days.optional(),
    }),
  ),
});

/** The shipped nMDK checklist (RCC): the national defaults and each care area's rules, resources/reference/nmdk-checklist.json. */
export function readChecklistFile(): { defaults: ChecklistRules; careAreas: Record<string, ChecklistRules> } {
  const file = checklistFile.parse(JSON.parse(readFileSync(join(resourcesDir(), 'reference', 'nmdk-checklist.json'), 'utf8')));
  const careAreas = Object.fromEntries(
    file.careAreas.map(({ careAreaCode, note: _note, ...over }) => [
      careAreaCode,
      { ...file.defaults, ...Object.fromEntries(Object.entries(over).filter(([, v]) => v !== undefined)) },
    ]),
  );
  return { defaults: file.defaults, careAreas };
}
