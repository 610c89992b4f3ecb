/** Conference roles of participants (deltagarroller). */
export const PARTICIPANT_ROLES = [
  'chair', // ordförande
  'surgeon', // kirurg
  'urologist', // urolog
  'oncologist', // onkolog
  'radiologist', // radiolog
  'pathologist', // patolog
  'dermatologist', // dermatolog
  'gynecologist', // gynekolog
  'contact_nurse', // kontaktsjuksköterska
  'coordinator', // koordinator
  'other', // annan
] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

export const ATTENDANCE = ['present', 'remote', 'absent'] as const; // närvarande, på distans, frånvarande
export type Attendance = (typeof ATTENDANCE)[number];

export interface QuorumParticipant {
  role: string;
  attendance: Attendance | null;
}

export interface Quorum {
  /** Every required role has someone present or attending remotely (beslutsför). */
  met: boolean;
  missingRoles: string[];
  /** Before the meeting: every required role has someone invited who is not marked absent. */
  expectedMet: boolean;
  expectedMissingRoles: string[];
  /** Whether any attendance has been recorded yet (then `met` is the meeting's real state). */
  recorded: boolean;
}

/** Quorum = every required role present (on site or remote). */
export function computeQuorum(requiredRoles: readonly string[], participants: readonly QuorumParticipant[]): Quorum {
  const attending = new Set(participants.filter((p) => p.attendance === 'present' || p.attendance === 'remote').map((p) => p.role));
  const expected = new Set(participants.filter((p) => p.attendance !== 'absent').map((p) => p.role));
  const missingRoles = requiredRoles.filter((r) => !attending.has(r));
  const expectedMissingRoles = requiredRoles.filter((r) => !expected.has(r));
  return {
    met: missingRoles.length === 0,
    missingRoles,
    expectedMet: expectedMissingRoles.length === 0,
    expectedMissingRoles,
    recorded: participants.some((p) => p.attendance !== null),
  };
}
