import { z } from 'zod';
import { defineMethod } from '../contract';

export interface DemoLoadResult {
  referrals: number;
  meetings: number;
  carePlans: number;
  handovers: number;
  byStatus: Record<string, number>;
}

/** Demo data (issue 9): loads a fictional national unit into an empty database. */
export const demoMethods = {
  'demo.load': defineMethod({ input: z.object({}), roles: ['administrator'], patientData: 'change' }).returns<DemoLoadResult>(),
};
