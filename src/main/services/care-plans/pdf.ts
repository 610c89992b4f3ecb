import { createPdf, FONT, type Pdf } from '../../documents/pdf';
import type { CarePlanDetail } from '../../../shared/api/methods/care-plans';
import { displayIdentifier } from '../../../shared/domain/care-plan';

const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];

/** "3 december 2026": plain Swedish, not ISO, for the patient. */
export function swedishDate(iso: string | null): string {
  if (!iso) return 'inte bestämt';
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

const INTERVAL_SV = { days: ['dag', 'dagar'], weeks: ['vecka', 'veckor'], months: ['månad', 'månader'] } as const;

function when(f: CarePlanDetail['followUps'][number]): string {
  if (f.dueDate) return swedishDate(f.dueDate);
  const [one, many] = INTERVAL_SV[f.intervalUnit!];
  const rel = `${f.intervalValue} ${f.intervalValue === 1 ? one : many} efter utskrivningen`;
  return f.date ? `${swedishDate(f.date)} (${rel})` : rel;
}

// Large type for readability (patients are often older): body 13 pt, headings 17 pt.
const BODY = 13;
const HEADING = 17;
const INK = '#111111';
const ACCENT = '#0b4f6c';

function heading(doc: Pdf, text: string) {
  if (doc.y > doc.page.height - doc.page.margins.bottom - 90) doc.addPage();
  doc.moveDown(0.6).font(FONT.bold).fontSize(HEADING).fillColor(ACCENT).text(text).moveDown(0.2);
  doc.font(FONT.regular).fontSize(BODY).fillColor(INK);
}

function paragraph(doc: Pdf, text: string | null | undefined) {
  doc
    .font(FONT.regular)
    .fontSize(BODY)
    .fillColor(INK)
    .text(text && text.trim() ? text : '–', { lineGap: 3 });
}

function labelled(doc: Pdf, label: string, value: string | null | undefined) {
  doc
    .font(FONT.bold)
    .fontSize(BODY)
    .text(`${label}: `, { continued: true })
    .font(FONT.regular)
    .text(value && value.trim() ? value : '–', { lineGap: 3 });
}

/** The unit's contact details, first and prominent: the patient must know whom to call. */
function contactBox(doc: Pdf, plan: CarePlanDetail) {
  const u = plan.nationalUnit;
  const x = doc.page.margins.left;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const top = doc.y;
  doc.x = x + 14;
  doc.y = top + 12;
  const inner = width - 28;
  doc.font(FONT.bold).fontSize(HEADING).fillColor(ACCENT).text('Så når du oss', { width: inner });
  doc
    .font(FONT.bold)
    .fontSize(BODY + 1)
    .fillColor(INK)
    .text(u?.name ?? '–', { width: inner });
  doc
    .font(FONT.bold)
    .fontSize(22)
    .text(`Telefon: ${u?.phone ?? '–'}`, { width: inner });
  doc.font(FONT.regular).fontSize(BODY);
  if (u?.phoneHours) doc.text(`Telefontider: ${u.phoneHours}`, { width: inner });
  if (u?.address) doc.text(`Adress: ${u.address}`, { width: inner });
  if (u?.email) doc.text(`E-post: ${u.email}`, { width: inner });
  doc.moveDown(0.3);
  doc.text(`Din kontaktsjuksköterska: ${plan.contactNurse ?? '–'}${plan.contactNursePhone ? `, telefon ${plan.contactNursePhone}` : ''}`, { width: inner });
  doc.text(`Din ansvariga läkare: ${plan.responsiblePhysician ?? '–'}`, { width: inner });
  const bottom = doc.y + 12;
  doc
    .save()
    .lineWidth(2)
    .strokeColor(ACCENT)
    .roundedRect(x, top, width, bottom - top, 6)
    .stroke()
    .restore();
  doc.x = x;
  doc.y = bottom + 6;
}

function responsibility(plan: CarePlanDetail): string {
  const unit = plan.nationalUnit?.name ?? 'den nationella vårdenheten';
  const h = plan.handover;
  if (!h) return `${unit} ansvarar för din vård tills ansvaret har lämnats över till en enhet i din hemregion.`;
  if (h.status === 'pending') {
    return `Vi har skickat din vårdplan till ${h.receivingUnitName} (kontaktsjuksköterska ${h.receivingContactNurse}) den ${swedishDate(h.sentDate)}. Tills de har bekräftat att de har kontaktat dig är det ${unit} som ansvarar för din vård.`;
  }
  return `Från ${swedishDate(h.confirmedDate)} ansvarar ${h.receivingUnitName} för din vård. Din kontaktsjuksköterska där är ${h.receivingContactNurse}.`;
}

/** The patient's own care plan ("Min vårdplan"): Swedish, plain language, large type. */
export async function carePlanPdf(plan: CarePlanDetail, options: { demo: boolean }): Promise<Buffer> {
  const { doc, finish } = createPdf({
    title: `Min vårdplan – ${plan.patientName}`,
    subject: 'Vårdplan vid utskrivning',
    demo: options.demo,
    margins: { top: 56, bottom: 64, left: 56, right: 56 },
  });
  doc.font(FONT.bold).fontSize(26).fillColor(ACCENT).text('Min vårdplan');
  doc
    .font(FONT.regular)
    .fontSize(BODY + 1)
    .fillColor(INK)
    .text(`${plan.patientName}${plan.patientIdentifier ? `, ${displayIdentifier(plan.patientIdentifier)}` : ''}`);
  doc.text(`Du skrivs ut: ${swedishDate(plan.dischargeDate)}`).moveDown(0.6);
  contactBox(doc, plan);

  heading(doc, 'Vem ringer du?');
  labelled(doc, 'Vardagar', plan.callWeekdays);
  labelled(doc, 'Kvällar, nätter och helger', plan.callOtherTimes);
  heading(doc, 'Hör av dig om du märker detta');
  paragraph(doc, plan.warningSigns);
  // The ICD-10 code with its ICD-10-SE text (the code alone outside the list), then the plain sentence.
  heading(doc, 'Din diagnos');
  paragraph(doc, plan.diagnosisText);
  if (plan.diagnosisPlain) paragraph(doc, plan.diagnosisPlain);
  heading(doc, 'Behandling du har fått');
  paragraph(doc, plan.treatmentSummary);
  heading(doc, 'Dina uppföljningar');
  if (plan.followUps.length === 0) paragraph(doc, 'Inga planerade uppföljningar.');
  for (const f of plan.followUps) {
    const where = f.place === 'national_unit' ? `hos oss (${plan.nationalUnit?.name ?? 'den nationella vårdenheten'})` : 'i din hemregion';
    doc.font(FONT.bold).fontSize(BODY).text(`• ${f.what}`, { lineGap: 2 });
    // The details hang under the bullet's text: the whole block is indented, not only its first line.
    const left = doc.x;
    const width = doc.page.width - doc.page.margins.right - left - 14;
    doc.font(FONT.regular).text(`När: ${when(f)}. Var: ${where}. Ansvarig: ${f.responsible}.`, left + 14, doc.y, { width, lineGap: 3 });
    doc.x = left;
  }
  heading(doc, 'Rehabilitering');
  labelled(doc, 'Dina behov', plan.rehabilitationNeeds);
  labelled(doc, 'Planen', plan.rehabilitationPlan);
  heading(doc, 'Det här kan du göra själv');
  paragraph(doc, plan.selfCareAdvice);
  heading(doc, 'Vem ansvarar för din vård?');
  paragraph(doc, responsibility(plan));
  heading(doc, 'Praktiska saker');
  paragraph(doc, plan.practicalMatters);
  heading(doc, 'Dina rättigheter');
  paragraph(doc, plan.patientRights);
  footer(doc, plan);
  return finish();
}

function footer(doc: Pdf, plan: CarePlanDetail) {
  const range = doc.bufferedPageRange();
  const state = plan.status === 'draft' ? 'UTKAST – inte fastställd' : `Fastställd ${swedishDate(plan.finalisedAt)} av ${plan.finalisedBy}`;
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font(FONT.regular)
      .fontSize(9)
      .fillColor('#444444')
      .text(`Vårdplan version ${plan.version} · ${state} · Sida ${i - range.start + 1} av ${range.count}`, doc.page.margins.left, doc.page.height - 40, {
        width: doc.page.width - doc.page.margins.left - doc.page.margins.right,
        align: 'center',
        lineBreak: false,
      });
    doc.page.margins.bottom = bottom;
  }
}
