import type { Db } from '../../db/driver';
import type { FilePayload } from '../../../shared/api/files';
import { invalid } from '../../../shared/api/errors';
import { hasMessage, translate, type Lang } from '../../../shared/i18n';
import { normalizeIdentifier, patientLogRows } from './access-log';
import { toCsv } from '../../../shared/domain/csv';

/** The patient behind an identifier as typed (with or without hyphen). */
export function findPatientByIdentifier(db: Db, identifier: string): number {
  const id = db.prepare('SELECT patient_id FROM patient_identifier WHERE value = ? LIMIT 1').pluck().get(normalizeIdentifier(identifier)) as number | undefined;
  if (id === undefined) throw invalid('patientIdentifier', 'accessLog.unknownPatient');
  return id;
}

/**
 * A patient's log extract (utdrag ur åtkomstloggen, Patientdatalagen 8 kap. 6 §): every access, oldest
 * first, as semicolon CSV with a BOM so Excel opens it correctly with Swedish settings.
 */
export function patientLogExtract(db: Db, patientId: number, identifier: string, lang: Lang): FilePayload {
  const t = (k: string) => translate(lang, k);
  const header = ['accessLog.at', 'accessLog.user', 'accessLog.userName', 'accessLog.role', 'accessLog.unit', 'accessLog.action', 'accessLog.object'].map(t);
  const rows = patientLogRows(db, patientId).map((e) => [
    e.at,
    e.userFullName,
    e.userName,
    t(`role.${e.role}`),
    e.unitName,
    t(`accessLog.action.${e.action}`),
    `${hasMessage(`accessLog.object.${e.objectType}`) ? t(`accessLog.object.${e.objectType}`) : e.objectType} ${e.objectId}`,
  ]);
  // Names and units are typed by people: the shared writer neutralises any that reads as a formula.
  const text = toCsv([header, ...rows]);
  return {
    fileName: `atkomstlogg-${normalizeIdentifier(identifier)}.csv`,
    mimeType: 'text/csv; charset=utf-8',
    base64: Buffer.from(text, 'utf8').toString('base64'),
  };
}
