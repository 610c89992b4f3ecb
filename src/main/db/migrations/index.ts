import type { Migration } from '../migrate';
import { m0001_foundation } from './0001_foundation';
import { m0002_core_schema } from './0002_core_schema';
import { m0003_referrals } from './0003_referrals';
import { m0004_scheduling } from './0004_scheduling';
import { m0005_case_lists } from './0005_case_lists';
import { m0006_care_plans } from './0006_care_plans';
import { m0007_security } from './0007_security';
import { m0008_follow_up } from './0008_follow_up';
import { m0009_access_log_index } from './0009_access_log_index';
import { m0010_follow_up_covering } from './0010_follow_up_covering';
import { m0011_list_indexes } from './0011_list_indexes';
import { m0012_fewer_referral_indexes } from './0012_fewer_referral_indexes';
import { m0013_meeting_quorum } from './0013_meeting_quorum';
import { m0014_icd10_se } from './0014_icd10_se';
import { m0018_access_log_search } from './0018_access_log_search';
import { m0022_access_log_client_address } from './0022_access_log_client_address';
import { m0023_row_versions } from './0023_row_versions';
import { m0025_treatment_options } from './0025_treatment_options';
import { m0027_follow_through } from './0027_follow_through';
import { m0031_referral_forms } from './0031_referral_forms';
import { m0032_more_row_versions } from './0032_more_row_versions';
import { m0033_nmdk_checklist } from './0033_nmdk_checklist';
import { m0034_security_events } from './0034_security_events';

/**
 * Every migration in order. Append only: a released id is never renamed or removed.
 * Features add theirs here (one file each, numbered).
 */
export const migrations: readonly Migration[] = [
  m0001_foundation,
  m0002_core_schema,
  m0003_referrals,
  m0004_scheduling,
  m0005_case_lists,
  m0006_care_plans,
  m0007_security,
  m0008_follow_up,
  m0009_access_log_index,
  m0010_follow_up_covering,
  m0011_list_indexes,
  m0012_fewer_referral_indexes,
  m0013_meeting_quorum,
  m0014_icd10_se,
  m0018_access_log_search,
  m0022_access_log_client_address,
  m0023_row_versions,
  m0025_treatment_options,
  m0027_follow_through,
  m0031_referral_forms,
  m0032_more_row_versions,
  m0033_nmdk_checklist,
  m0034_security_events,
];
