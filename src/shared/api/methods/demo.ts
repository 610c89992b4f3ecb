import { z } from 'zod';
import { defineMethod } from '../contract';

export interface DemoLoadResult {
  referrals: number;
  meetings: number;
  carePlans: number;
  handovers: number;
  byStatus: Record<string, number>;
  /** The workplace chosen before the load, replaced by the fictional demo unit (null: none was chosen). */
  replacedWorkplace: string | null;
}

/** Demo data: loads a fictional national unit into an empty database. */
export const demoMethods = {
  'demo.load': defineMethod({ input: z.object({}), roles: ['administrator'], patientData: 'change' }).returns<DemoLoadResult>(),
};
