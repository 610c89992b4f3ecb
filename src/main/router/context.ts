import type { Db } from '../db/driver';
import type { Role } from '../../shared/api/contract';

/** Who is calling. Until local accounts exist (issue 7) the one local user is an administrator. */
export interface Caller {
  userId: number | null;
  name: string;
  role: Role;
  unitId: number | null;
}

/** One touch of a patient's data, noted by a handler; the router hands these to the access log. */
export interface PatientAccess {
  patientId: number;
  objectType: string; // e.g. "referral", "care_plan", "agenda"
  objectId: string | number;
  /** Defaults to the method's patientData use ("read" / "change"); exports say "export"/"print". */
  action?: string;
}

export interface RequestContext {
  db: Db;
  caller: Caller;
  method: string;
  now(): Date;
  /** Handlers call this for every patient whose data they return or change. */
  notePatientAccess(access: PatientAccess): void;
  /** Data folder of this database (exports default below it). */
  dataDir: string;
}
