import type { Role } from './contract';

/**
 * Who changes settings that shape everyone's documents and lists (care-plan templates and settings,
 * treatment options, units, referral rules): the administrator and the coordinator. The UI names this
 * reason where it hides such a setting (settings.sharedOnly).
 */
export const SHARED_SETTINGS_ROLES: readonly Role[] = ['administrator', 'coordinator'];
