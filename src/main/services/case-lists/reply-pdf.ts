/**
 * The reply to the referring unit (MDK-svar): patient, question, the recommendation, who took part
 * and who chaired, and the date. One letter per discussed case; all of a meeting's into a folder.
 */
import { resolve } from 'node:path';
import { exportFolderProblem } from '../exports/export-folder';
import type { AfterCommit, RequestContext } from '../../router/context';
import { exportDestination } from '../exports/write-file';
import type { FilePayload } from '../../../shared/api/files';
import { conflict, invalid } from '../../../shared/api/errors';
import { createPdf, FONT } from '../../documents/pdf';
import { renderPdf } from '../../documents/pdf-pool';
import { getSetting } from '../settings';
import { stockholmToday } from '../../../shared/domain/lead-time';
import { formatIdentifier } from '../../../shared/domain/agenda';
import { loadItems, loadMeeting, loadParticipants, loadRecommendations, type ItemRow, type MeetingRow } from './queries';
import type { RecommendationVersion } from '../../../shared/api/methods/case-lists';
import { footer, heading, INTENT_SV, line, roleSv } from './pdf-parts';
import { reportBackText } from '../follow-through/settings';

export interface Letter {
  m: MeetingRow;
  item: ItemRow;
  caseNumber: number;
  recs: RecommendationVersion[];
  participants: ReturnType<typeof loadParticipants>;
  referrer: { physician: string | null; address: string | null };
  demo: boolean;
  today: string;
  /** How the referring unit reports back what became of the recommendation. */
  reportBack: string;
}

/** Reads what the letters of a meeting need (synchronously, inside the request's transaction). */
function lettersOf(ctx: RequestContext, meetingId: number, onlyReferralId?: number): Letter[] {
  const m = loadMeeting(ctx.db, meetingId);
  if (m.status !== 'finalised') throw conflict('reply.notFinalised');
  const items = loadItems(ctx.db, m);
  const recs = loadRecommendations(ctx.db, m.id);
  const participants = loadParticipants(ctx.db, m.id);
  const demo = getSetting<boolean>(ctx.db, 'demo.loaded', false);
  const referrer = ctx.db.prepare('SELECT r.referring_physician physician, u.address FROM referral r JOIN unit u ON u.id = r.referring_unit_id WHERE r.id = ?');
  // A reply is never dated before the conference it answers for.
  const today = [stockholmToday(ctx.now()), m.localDate].sort().at(-1)!;
  const reportBack = reportBackText(ctx.db);
  const letters: Letter[] = [];
  items.forEach((item, n) => {
    if (onlyReferralId !== undefined && item.referralId !== onlyReferralId) return;
    const r = recs.get(item.referralId);
    if (!r || item.outcome !== 'discussed') return;
    letters.push({ m, item, caseNumber: n + 1, recs: r, participants, referrer: referrer.get(item.referralId) as Letter['referrer'], demo, today, reportBack });
  });
  return letters;
}

/** A letter as a file: rendered in the PDF worker. */
async function renderLetter(l: Letter): Promise<FilePayload> {
  const bytes = await renderPdf('reply', l);
  return {
    fileName: `mdk-svar-${l.m.careAreaCode.toLowerCase()}-${l.m.localDate}-fall-${String(l.caseNumber).padStart(2, '0')}.pdf`,
    mimeType: 'application/pdf',
    base64: bytes.toString('base64'),
  };
}

/** The letter's PDF (in the PDF worker). */
export function letterPdf(l: Letter): Promise<Buffer> {
  const { m, item } = l;
  const rec = l.recs[0];
  const { doc, finish } = createPdf({ title: `MDK-svar ${m.careAreaNameSv} ${m.localDate}`, demo: l.demo, subject: 'Svar från nationell MDK' });
  doc.font(FONT.bold).fontSize(17).text('MDK-svar – nationell multidisciplinär konferens');
  doc.font(FONT.regular).fontSize(12).text(m.careAreaNameSv).moveDown(0.4).fontSize(10.5);
  line(doc, 'Till', `${item.referringUnitName}${l.referrer.physician ? `, ${l.referrer.physician}` : ''}`);
  line(doc, 'Adress', l.referrer.address);
  line(doc, 'Konferensdatum', m.localDate);
  line(doc, 'Svarsdatum', l.today);
  if (m.notQuorate) line(doc, 'Beslutsförhet', `Mötet var inte beslutsmässigt – saknades: ${m.notQuorate.missingRoles.map(roleSv).join(', ')}`);

  heading(doc, 'Patient');
  line(doc, 'Namn', `${item.familyName}, ${item.givenName}`);
  line(doc, 'Personnummer', formatIdentifier(item.identifier));
  line(doc, 'Frågeställning', item.question);

  heading(doc, 'Rekommendation');
  line(doc, 'Behandlingsavsikt', INTENT_SV[rec.intent]);
  line(doc, 'Rekommenderad behandling', rec.treatments.join(', '));
  line(doc, 'Kommentar', rec.treatmentText);
  line(doc, 'Behandlas vid', rec.placeOfTreatment);
  line(doc, 'Nästa steg', rec.nextStep);
  line(doc, 'Ansvarig enhet', rec.responsibleUnitName);
  line(doc, 'Åter till MDK', rec.rediscussDate ? `ja, senast ${rec.rediscussDate}` : 'nej');
  if (rec.version > 1) {
    doc.moveDown(0.3);
    line(doc, `Ändrad (version ${rec.version})`, `${rec.recordedAt.slice(0, 10)} av ${rec.recordedBy}: ${rec.amendmentReason ?? ''}`);
    doc
      .font(FONT.italic)
      .text(`Ersätter tidigare rekommendation (version ${l.recs[1]?.version ?? rec.version - 1}).`)
      .font(FONT.regular);
  }

  heading(doc, 'Återrapportering');
  doc.text(l.reportBack);

  // Only those recorded as present (on site or remote): an invitation is not attendance.
  heading(doc, 'Närvarande vid konferensen');
  const present = l.participants.filter((p) => p.attendance === 'present' || p.attendance === 'remote');
  if (present.length === 0) doc.text('Ingen närvaro registrerades.');
  for (const p of present) doc.text(`${p.name}, ${roleSv(p.role)}${p.unitName ? ` – ${p.unitName}` : ''}${p.attendance === 'remote' ? ' (på distans)' : ''}`);
  if (m.notQuorate) {
    doc.moveDown(0.3).font(FONT.bold).text('Mötet var inte beslutsmässigt.', { continued: true }).font(FONT.regular);
    doc.text(` Roller som saknades: ${m.notQuorate.missingRoles.map(roleSv).join(', ')}. Ordförandens skäl att fastställa ändå: ${m.notQuorate.reason}`);
  }
  doc.moveDown(0.4);
  line(doc, 'Ordförande', m.chairName ?? m.finalisedBy);
  line(doc, 'Fastställd', `${(m.finalisedAt ?? '').slice(0, 10)} av ${m.finalisedBy ?? ''}`);
  footer(doc, `MDK-svar ${m.localDate} · innehåller patientuppgifter, omfattas av sekretess`);
  return finish();
}

export async function replyPdf(ctx: RequestContext, meetingId: number, referralId: number): Promise<FilePayload> {
  const [letter] = lettersOf(ctx, meetingId, referralId);
  if (!letter) throw conflict('reply.noRecommendation');
  ctx.notePatientAccess({ patientId: letter.item.patientId, objectType: 'mdk_reply', objectId: referralId, action: 'export' });
  return renderLetter(letter);
}

/**
 * Writes every letter of the meeting into the folder the user picked.
 * The letters are read and logged in the call's transaction; the files are made after it committed
 * (ctx.afterCommit), each under a temporary name until complete.
 */
export function exportReplies(
  ctx: RequestContext,
  meetingId: number,
  dir: string | null,
  download = false,
): AfterCommit<{ dir: string | null; files: string[]; downloads?: FilePayload[] }> {
  const letters = lettersOf(ctx, meetingId);
  if (letters.length === 0) throw conflict('reply.noRecommendation');
  const target = download ? null : pickedFolder(dir, ctx.dataDir);
  for (const l of letters) ctx.notePatientAccess({ patientId: l.item.patientId, objectType: 'mdk_reply', objectId: l.item.referralId, action: 'export' });
  return ctx.afterCommit(async () => {
    const out = exportDestination(target);
    for (const l of letters) {
      const f = await renderLetter(l);
      try {
        out.put(f);
      } catch {
        throw invalid('dir', 'reply.dirNotWritable', { dir: target ?? '' });
      }
    }
    return { dir: target, files: out.names, downloads: out.files };
  });
}

/** Only into a folder the user picked: never a default beside the database (exports are not encrypted). */
function pickedFolder(dir: string | null, dataDir: string): string {
  if (!dir) throw invalid('dir', 'validation.required');
  const problem = exportFolderProblem(dir, dataDir);
  if (problem === 'notAbsolute') throw invalid('dir', 'reply.dirAbsolute');
  if (problem === 'missing') throw invalid('dir', 'reply.dirNotWritable', { dir });
  if (problem === 'insideDataFolder') throw invalid('dir', 'export.insideDataFolder');
  return resolve(dir);
}
