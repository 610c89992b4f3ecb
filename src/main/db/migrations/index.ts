import type { Migration } from '../migrate';
import { m0001_foundation } from './0001_foundation';

/**
 * Every migration in order. Append only: a released id is never renamed or removed.
 * Features add theirs here (one file each, numbered).
 */
export const migrations: readonly Migration[] = [m0001_foundation];
