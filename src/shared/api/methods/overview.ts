import { z } from 'zod';
import { defineMethod } from '../contract';
import type { ReferralStatus } from '../../domain/referral-status';

/** Counts for the start page (no patient is shown, so no patient data is read). */
export interface OverviewCounts {
  /** Open referrals of the workplace's care areas, per status. */
  referralsByStatus: Partial<Record<ReferralStatus, number>>;
  /** Referrals still waiting for their MDK past the care area's lead-time target (from suspicion where known). */
  overTarget: number;
  pendingHandovers: number;
}

export const overviewMethods = {
  'overview.counts': defineMethod({ input: z.object({}), roles: 'any', patientData: 'none' }).returns<OverviewCounts>(),
};
