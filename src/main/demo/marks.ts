/**
 * How exported files say DEMO while demo data is loaded. PDFs stamp every page (createPdf's
 * `demo`); calendars prefix each event; FHIR bundles carry HL7's "test health data" tag (HTEST).
 */
import type { Db } from '../db/driver';
import { getSetting } from '../services/settings';

export const isDemo = (db: Db): boolean => getSetting<boolean>(db, 'demo.loaded', false);
export const DEMO_LINE = 'DEMO – fiktiva uppgifter';
export const DEMO_FHIR_META = { tag: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActReason', code: 'HTEST', display: 'test health data (DEMO)' }] };
