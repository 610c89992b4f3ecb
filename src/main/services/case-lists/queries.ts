/**
 * The reads the case list, its documents and the meeting share. Each is one indexed query
 * (no query per case), so a proposal of 1,000 referrals and a 30-case agenda stay fast.
 */
import type { Db } from '../../db/driver';
import { notFound } from '../../../shared/api/errors';
import { daysLeft } from '../../../shared/domain/agenda';
import type { CaseBrief, CaseSummary, NotQuorate, RecommendationVersion } from '../../../shared/api/methods/case-lists';

export interface MeetingRow {
  id: number;
  careAreaCode: string;
  careAreaNameSv: string;
  careAreaNameEn: string;
  localDate: string;
  startsAt: string;
  durationMinutes: number;
  deadlineAt: string | null;
  status: 'planned' | 'cancelled' | 'finalised';
  location: string | null;
  videoLink: string | null;
  chairName: string | null;
  capacityCases: number | null;
  minutesPerCase: number | null;
  lockedAt: string | null;
  finalisedAt: string | null;
  finalisedBy: string | null;
  leadTimeTargetDays: number;
  treatmentOptions: string[];
  /** Finalised without quorum: the required roles missing and the chair's reason (null: quorate or not finalised). */
  notQuorate: NotQuorate | null;
  /** Raised by every change of the list (team mode: a reorder based on an older one is a conflict). */
  caseListVersion: number;
  caseListChangedBy: string | null;
  caseListChangedAt: string | null;
}

export function loadMeeting(db: Db, meetingId: number): MeetingRow {
  const row = db
    .prepare(
      `SELECT m.id, m.care_area_code careAreaCode, a.name_sv careAreaNameSv, a.name_en careAreaNameEn, m.local_date localDate,
              m.starts_at startsAt, m.duration_minutes durationMinutes, m.deadline_at deadlineAt, m.status, m.location,
              m.video_link videoLink, m.chair_name chairName, m.capacity_cases capacityCases, m.minutes_per_case minutesPerCase,
              m.case_list_locked_at lockedAt, m.finalised_at finalisedAt, m.finalised_by finalisedBy,
              a.lead_time_target_days leadTimeTargetDays, a.treatment_options treatmentOptions,
              m.quorum_missing_roles quorumMissingRoles, m.quorum_reason quorumReason,
              m.case_list_version caseListVersion, m.case_list_changed_by caseListChangedBy, m.case_list_changed_at caseListChangedAt
         FROM meeting m JOIN care_area a ON a.code = m.care_area_code WHERE m.id = ?`,
    )
    .get(meetingId) as
    | (Omit<MeetingRow, 'treatmentOptions' | 'notQuorate'> & { treatmentOptions: string; quorumMissingRoles: string | null; quorumReason: string | null })
    | undefined;
  if (!row) throw notFound('meeting', meetingId);
  const { quorumMissingRoles, quorumReason, ...rest } = row;
  const notQuorate = quorumMissingRoles === null ? null : { missingRoles: JSON.parse(quorumMissingRoles) as string[], reason: quorumReason ?? '' };
  return { ...rest, treatmentOptions: JSON.parse(row.treatmentOptions) as string[], notQuorate };
}

/** The next planned meeting of the same care area after this one: where overflow and postponed cases go. */
export function nextMeetingAfter(db: Db, m: { id: number; careAreaCode: string; startsAt: string }): { id: number; localDate: string } | null {
  return (
    (db
      .prepare(
        `SELECT id, local_date localDate FROM meeting
          WHERE care_area_code = ? AND status = 'planned' AND id <> ? AND starts_at > ? ORDER BY starts_at LIMIT 1`,
      )
      .get(m.careAreaCode, m.id, m.startsAt) as { id: number; localDate: string } | undefined) ?? null
  );
}

/** Columns of a case summary; `r` is the referral, `p` the patient, `u` the referring unit. */
const CASE_COLUMNS = `r.id referralId, r.patient_id patientId, p.given_name givenName, p.family_name familyName, p.birth_date birthDate,
  (SELECT pi.value FROM patient_identifier pi WHERE pi.patient_id = p.id ORDER BY pi.is_temporary, pi.id LIMIT 1) identifier,
  u.name referringUnitName, r.question, r.icd10, r.ecog, r.history, r.comorbidity, r.patient_wishes patientWishes,
  r.psychosocial, r.patient_told patientTold, r.patient_informed patientInformed,
  r.priority, r.received_date receivedDate, r.suspicion_date suspicionDate, r.status referralStatus`;

/** `earlierRec`: the referral has a recommendation from an earlier meeting, so this is a re-discussion. */
type CaseRow = Omit<CaseSummary, 'birthYear' | 'daysLeft' | 'rediscussion'> & { birthDate: string | null; earlierRec: number };

function toSummary(row: CaseRow, meetingDate: string, targetDays: number): CaseSummary {
  const { birthDate, earlierRec, ...rest } = row;
  return {
    ...rest,
    // SQLite hands the flag over as 0/1.
    patientInformed: rest.patientInformed === null ? null : (rest.patientInformed as unknown) === 1,
    birthYear: birthDate ? Number(birthDate.slice(0, 4)) : null,
    daysLeft: daysLeft(row, meetingDate, targetDays),
    rediscussion: earlierRec === 1,
  };
}

/** What ranks a candidate for the list: no names or texts (those are loaded for the shown ones only). */
export interface EligibleKey {
  referralId: number;
  patientId: number;
  priority: CaseBrief['priority'];
  receivedDate: string;
  suspicionDate: string | null;
  referralStatus: string;
  rediscussion: boolean;
}

// The partial indexes of migration 0011 are named: the planner, judging by statistics gathered before
// they existed, would otherwise probe every list item of each referral.
const WAITING_ON_A_PLANNED_LIST = `SELECT 1 FROM case_list_item ci INDEXED BY case_list_item_pending JOIN meeting mm ON mm.id = ci.meeting_id
  WHERE ci.referral_id = r.id AND ci.outcome = 'pending' AND mm.status = 'planned'`;

/**
 * Referrals that may go on this meeting's list: complete and not yet discussed, or discussed with a
 * re-discussion date on or before the meeting; none already waiting on a planned meeting's list.
 * Raw rows of the ranking columns only: this is the benchmark's hot path (1,000 referrals).
 */
export function loadEligible(db: Db, m: MeetingRow): EligibleKey[] {
  const rows = db
    .prepare(
      // Two index ranges (complete; discussed and due again) instead of an OR over the whole care area.
      `SELECT r.id, r.patient_id, r.priority, r.received_date, r.suspicion_date, r.status
         FROM referral r
        WHERE r.care_area_code = @area AND r.status = 'complete'
          AND NOT EXISTS (${WAITING_ON_A_PLANNED_LIST})
       UNION ALL
       -- Due for re-discussion: the referral's latest current recommendation asks for it by the meeting date.
       SELECT r.id, r.patient_id, r.priority, r.received_date, r.suspicion_date, r.status
         FROM recommendation rc INDEXED BY recommendation_rediscuss CROSS JOIN referral r ON r.id = rc.referral_id
        WHERE rc.rediscuss_date IS NOT NULL AND rc.superseded_at IS NULL AND rc.rediscuss_date <= @date
          AND r.care_area_code = @area AND r.status = 'discussed'
          AND NOT EXISTS (SELECT 1 FROM recommendation later
                           WHERE later.referral_id = rc.referral_id AND later.superseded_at IS NULL
                             AND (later.recorded_at > rc.recorded_at OR (later.recorded_at = rc.recorded_at AND later.id > rc.id)))
          AND NOT EXISTS (${WAITING_ON_A_PLANNED_LIST})`,
    )
    .raw(true)
    .all({ area: m.careAreaCode, date: m.localDate }) as EligibleRow[];
  return rows.map(eligibleKey);
}

/** One raw row of `loadEligible`'s query: id, patient, priority, received, suspicion date, status. */
export type EligibleRow = [number, number, CaseBrief['priority'], string, string | null, string];

export const eligibleKey = ([referralId, patientId, priority, receivedDate, suspicionDate, status]: EligibleRow): EligibleKey => ({
  referralId,
  patientId,
  priority,
  receivedDate,
  suspicionDate,
  referralStatus: status,
  rediscussion: status === 'discussed',
});

/** The briefs (patient, referrer, question, days left) of the given candidates, in their order. */
export function loadBriefs(db: Db, m: MeetingRow, keys: readonly EligibleKey[]): CaseBrief[] {
  if (!keys.length) return [];
  const rows = db
    .prepare(
      `SELECT r.id, p.given_name, p.family_name, p.birth_date, u.name, r.question,
              (SELECT pi.value FROM patient_identifier pi WHERE pi.patient_id = r.patient_id ORDER BY pi.is_temporary, pi.id LIMIT 1)
         FROM json_each(?) k CROSS JOIN referral r ON r.id = k.value
         JOIN patient p ON p.id = r.patient_id JOIN unit u ON u.id = r.referring_unit_id`,
    )
    .raw(true)
    .all(JSON.stringify(keys.map((k) => k.referralId))) as [number, string, string, string | null, string, string | null, string | null][];
  const byId = new Map(rows.map((r) => [r[0], r]));
  return keys.map((k): CaseBrief => {
    const [, givenName, familyName, birthDate, unitName, question, identifier] = byId.get(k.referralId)!;
    return {
      ...k,
      givenName,
      familyName,
      birthYear: birthDate ? Number(birthDate.slice(0, 4)) : null,
      identifier,
      referringUnitName: unitName,
      question,
      daysLeft: daysLeft(k, m.localDate, m.leadTimeTargetDays),
    };
  });
}

export interface ItemRow extends CaseSummary {
  position: number;
  minutes: number;
  addedByHand: boolean;
  outcome: 'pending' | 'discussed' | 'postponed';
  carriedFrom: { meetingId: number; localDate: string } | null;
}

/** The meeting's list in its order, each case with its summary. */
export function loadItems(db: Db, m: MeetingRow): ItemRow[] {
  const rows = db
    .prepare(
      `SELECT ${CASE_COLUMNS}, ci.position, ci.minutes, ci.added_by_hand addedByHand, ci.outcome,
              ci.carried_from_meeting_id carriedFromId, cm.local_date carriedFromDate,
              EXISTS (SELECT 1 FROM recommendation rc WHERE rc.referral_id = r.id AND rc.meeting_id <> ci.meeting_id) earlierRec
         FROM case_list_item ci JOIN referral r ON r.id = ci.referral_id JOIN patient p ON p.id = r.patient_id
         JOIN unit u ON u.id = r.referring_unit_id LEFT JOIN meeting cm ON cm.id = ci.carried_from_meeting_id
        WHERE ci.meeting_id = ? ORDER BY ci.position, ci.id`,
    )
    .all(m.id) as (CaseRow & {
    position: number;
    minutes: number;
    addedByHand: number;
    outcome: ItemRow['outcome'];
    carriedFromId: number | null;
    carriedFromDate: string | null;
  })[];
  return rows.map(({ position, minutes, addedByHand, outcome, carriedFromId, carriedFromDate, ...r }) => ({
    ...toSummary(r, m.localDate, m.leadTimeTargetDays),
    position,
    minutes,
    addedByHand: addedByHand === 1,
    outcome,
    carriedFrom: carriedFromId ? { meetingId: carriedFromId, localDate: carriedFromDate ?? '' } : null,
  }));
}

/** Recommendations recorded at this meeting, by referral: current version first, then the earlier ones. */
export function loadRecommendations(db: Db, meetingId: number): Map<number, RecommendationVersion[]> {
  const rows = db
    .prepare(
      `SELECT rc.referral_id referralId, rc.version, rc.intent, rc.treatments, rc.treatment_text treatmentText,
              rc.place_of_treatment placeOfTreatment, rc.next_step nextStep, rc.responsible_unit_id responsibleUnitId,
              u.name responsibleUnitName, rc.rediscuss_date rediscussDate, rc.amendment_reason amendmentReason,
              rc.recorded_at recordedAt, rc.recorded_by recordedBy, rc.superseded_at supersededAt, rc.row_version rowVersion
         FROM recommendation rc LEFT JOIN unit u ON u.id = rc.responsible_unit_id
        WHERE rc.meeting_id = ? ORDER BY rc.referral_id, rc.version DESC`,
    )
    .all(meetingId) as (Omit<RecommendationVersion, 'treatments'> & { referralId: number; treatments: string })[];
  const out = new Map<number, RecommendationVersion[]>();
  for (const { referralId, treatments, ...r } of rows) {
    const list = out.get(referralId) ?? [];
    list.push({ ...r, treatments: JSON.parse(treatments) as string[] });
    out.set(referralId, list);
  }
  return out;
}

export function loadParticipants(db: Db, meetingId: number) {
  return db
    .prepare(
      `SELECT mp.person_id personId, p.name, mp.role, u.name unitName, mp.attendance
         FROM meeting_participant mp JOIN person p ON p.id = mp.person_id LEFT JOIN unit u ON u.id = p.unit_id
        WHERE mp.meeting_id = ? ORDER BY p.name`,
    )
    .all(meetingId) as { personId: number; name: string; role: string; unitName: string | null; attendance: 'present' | 'remote' | 'absent' | null }[];
}
