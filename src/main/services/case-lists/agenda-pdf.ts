/**
 * The agenda (falllista) as an A4 PDF in Swedish. Full: meeting, participants, and per case its
 * number, planned time, patient, referring unit, question and key facts. Minimal (for wider
 * distribution): case number, planned time, initials and birth year only.
 */
import type { RequestContext } from '../../router/context';
import type { FilePayload } from '../../../shared/api/files';
import { createPdf, FONT } from '../../documents/pdf';
import { renderPdf } from '../../documents/pdf-pool';
import { getSetting } from '../settings';
import { formatIdentifier, initialsOf, plannedStarts, stockholmClock } from '../../../shared/domain/agenda';
import { loadItems, loadMeeting, loadParticipants, type ItemRow, type MeetingRow } from './queries';
import { cut, footer, heading, line, roleSv, rule } from './pdf-parts';
import { translate } from '../../../shared/i18n';
import { caseChecklists } from '../checklist/evaluate';
import { openBefore, type ChecklistEntry } from '../../../shared/domain/checklist';
import { stockholmToday } from '../../../shared/domain/lead-time';

/** The case's open "before" items, in Swedish, with the referral fields still missing. */
const beforeMissingSv = (entries: ChecklistEntry[]) =>
  openBefore(entries)
    .map(
      (e) =>
        translate('sv', `checklist.item.${e.item}`) + (e.detail.length ? ` (${e.detail.map((f) => translate('sv', `referral.field.${f}`)).join(', ')})` : ''),
    )
    .join(', ');

/** What the agenda shows, read in the call's transaction; plain data, so it can go to the PDF worker. */
export interface AgendaModel {
  m: MeetingRow;
  items: ItemRow[];
  participants: ReturnType<typeof loadParticipants>;
  checklists: Map<number, ChecklistEntry[]>;
  demo: boolean;
  minimal: boolean;
}

export async function agendaPdf(ctx: RequestContext, meetingId: number, minimal: boolean, purpose: 'export' | 'print'): Promise<FilePayload> {
  // Every read happens before the first await: inside the request's transaction.
  const m = loadMeeting(ctx.db, meetingId);
  const items = loadItems(ctx.db, m);
  const participants = loadParticipants(ctx.db, m.id);
  const checklists = caseChecklists(ctx.db, m, items, stockholmToday(ctx.now()));
  const demo = getSetting<boolean>(ctx.db, 'demo.loaded', false);
  for (const i of items) ctx.notePatientAccess({ patientId: i.patientId, objectType: 'agenda', objectId: m.id, action: purpose });
  const bytes = await renderPdf('agenda', { m, items, participants, checklists, demo, minimal });
  const suffix = minimal ? '-kort' : '';
  return { fileName: `falllista-${m.careAreaCode.toLowerCase()}-${m.localDate}${suffix}.pdf`, mimeType: 'application/pdf', base64: bytes.toString('base64') };
}

/** The agenda's PDF from its model (in the PDF worker). */
export function agendaPdfBytes({ m, items, participants, checklists, demo, minimal }: AgendaModel): Promise<Buffer> {
  const starts = plannedStarts(
    m.startsAt,
    items.map((i) => i.minutes),
  );
  const endsAt = new Date(Date.parse(m.startsAt) + m.durationMinutes * 60_000).toISOString();

  const title = `Falllista nationell MDK ${m.careAreaNameSv} ${m.localDate}`;
  const { doc, finish } = createPdf({ title, demo, subject: minimal ? 'Falllista för bred spridning' : 'Falllista' });
  doc
    .font(FONT.bold)
    .fontSize(17)
    .text(minimal ? 'Falllista – nationell MDK (utan personuppgifter)' : 'Falllista – nationell MDK');
  doc.font(FONT.regular).fontSize(12).text(m.careAreaNameSv).moveDown(0.3).fontSize(10.5);
  line(doc, 'Datum', `${m.localDate}, kl. ${stockholmClock(m.startsAt)}–${stockholmClock(endsAt)}`);
  line(doc, 'Plats', m.location);
  line(doc, 'Videolänk', m.videoLink);
  line(doc, 'Ordförande', m.chairName);
  line(doc, 'Antal fall', `${items.length}${m.lockedAt ? '' : ' (listan är inte låst)'}`);

  if (!minimal) {
    heading(doc, 'Deltagare');
    if (participants.length === 0) doc.text('Inga deltagare registrerade.');
    for (const p of participants) doc.text(`${p.name}, ${roleSv(p.role)}${p.unitName ? ` – ${p.unitName}` : ''}`);
  }

  heading(doc, 'Fall');
  items.forEach((c, n) => {
    if (doc.y > doc.page.height - doc.page.margins.bottom - (minimal ? 30 : 120)) doc.addPage();
    const head = `Fall ${n + 1}   kl. ${stockholmClock(starts[n])} (${c.minutes} min)${c.priority === 'urgent' ? '   BRÅDSKANDE' : ''}${c.rediscussion ? '   Återdiskussion' : ''}`;
    if (minimal) {
      doc
        .font(FONT.bold)
        .text(head, { continued: true })
        .font(FONT.regular)
        .text(`   ${initialsOf(c.givenName, c.familyName)}, född ${c.birthYear ?? 'okänt år'}`);
      return;
    }
    doc.font(FONT.bold).fontSize(11.5).text(head).fontSize(10.5);
    line(doc, 'Patient', `${c.familyName}, ${c.givenName}${c.identifier ? `, ${formatIdentifier(c.identifier)}` : ''}`);
    line(doc, 'Remitterande enhet', c.referringUnitName);
    line(doc, 'Frågeställning', c.question);
    const facts = [
      c.icd10 && `ICD-10 ${c.icd10}`,
      c.ecog !== null && `ECOG ${c.ecog}`,
      `anmäld ${c.receivedDate}`,
      c.suspicionDate && `välgrundad misstanke ${c.suspicionDate}`,
      c.daysLeft >= 0 ? translate('sv', 'agenda.daysLeftToTarget', { days: c.daysLeft }) : translate('sv', 'agenda.daysOverTarget', { days: -c.daysLeft }),
    ].filter(Boolean);
    line(doc, 'Fakta', facts.join(' · '));
    line(doc, 'Anamnes', cut(c.history, 600));
    line(doc, 'Samsjuklighet', cut(c.comorbidity, 300));
    line(doc, 'Patientens önskemål', cut(c.patientWishes, 300));
    line(doc, translate('sv', 'checklist.agendaPdf'), beforeMissingSv(checklists.get(c.referralId) ?? []));
    rule(doc);
  });
  if (items.length === 0) doc.text('Inga fall på listan.');
  footer(doc, minimal ? `Falllista ${m.localDate}` : `Falllista ${m.localDate} · innehåller patientuppgifter, omfattas av sekretess`);
  return finish();
}
