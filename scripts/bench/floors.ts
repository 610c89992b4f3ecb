/**
 * The floors: the same work done directly, without our layers (router, zod, services), so the
 * benchmark can print our overhead as a ratio. Raw SQL on the same file; pdfkit alone for PDFs.
 */
import PDFDocument from 'pdfkit';
import { join } from 'node:path';
import { resourcesDir } from '../../src/main/paths';
import { INBOX_PAGE_ROWS } from '../../src/shared/api/methods/referrals';

export { openRaw } from './core';

/** The inbox's first page: open referrals, newest first, with patient, unit and first identifier. */
export const INBOX_SQL = `SELECT r.id, p.family_name, p.given_name, r.care_area_code, u.name, r.received_date, r.status,
    (SELECT value FROM patient_identifier WHERE patient_id = r.patient_id ORDER BY is_temporary, id LIMIT 1) ident
  FROM referral r JOIN patient p ON p.id = r.patient_id JOIN unit u ON u.id = r.referring_unit_id
  WHERE r.status IN ('received', 'awaiting_completion', 'complete', 'listed', 'discussed')
  ORDER BY r.received_date DESC, r.id DESC LIMIT ${INBOX_PAGE_ROWS}`;

export const SEARCH_SQL = `SELECT r.id FROM patient_search s JOIN referral r ON r.patient_id = s.rowid WHERE patient_search MATCH ? ORDER BY r.received_date DESC`;

/** Candidates of the proposal: complete or re-discussion referrals of the care area, not yet listed. */
export const PROPOSAL_SQL = `SELECT r.id, r.priority, r.received_date, r.suspicion_date FROM referral r
  WHERE r.care_area_code = ? AND r.status IN ('complete') AND NOT EXISTS (SELECT 1 FROM case_list_item ci WHERE ci.referral_id = r.id AND ci.outcome = 'pending')
  ORDER BY r.priority = 'urgent' DESC, coalesce(r.suspicion_date, r.received_date)`;

/** A dashboard's core: referrals of one care area over ten years by year and status, lead times by year. */
export const DASHBOARD_SQL = `SELECT substr(r.received_date, 1, 4) y, r.status, count(*), avg(julianday(coalesce(d.mdk_date, r.received_date)) - julianday(coalesce(r.suspicion_date, r.received_date)))
  FROM referral r LEFT JOIN referral_mdk_date d ON d.referral_id = r.id
  WHERE r.care_area_code = ? AND r.received_date BETWEEN ? AND ? GROUP BY y, r.status`;

/** pdfkit alone, with the same embedded font, writing the given lines. */
export function rawPdf(lines: string[]): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 56 });
  doc.registerFont('DejaVu', join(resourcesDir(), 'fonts', 'DejaVuSans.ttf'));
  doc.font('DejaVu').fontSize(10);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  for (const l of lines) doc.text(l);
  doc.end();
  return done;
}
