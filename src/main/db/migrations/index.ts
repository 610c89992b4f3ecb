import type { Migration } from '../migrate';
import { m0001_foundation } from './0001_foundation';
import { m0002_core_schema } from './0002_core_schema';
import { m0007_security } from './0007_security';

/**
 * Every migration in order. Append only: a released id is never renamed or removed.
 * Features add theirs here (one file each, numbered).
 */
export const migrations: readonly Migration[] = [
  m0001_foundation,
  m0002_core_schema,
  m0007_security,
  // 0003 referrals (issue 3), 0004 scheduling (4), 0005 case lists and meeting (5), 0006 care plans (6),
  // 0007 security (7), 0008 follow-up (8), 0009 demo data (9): each feature appends its own.
];
