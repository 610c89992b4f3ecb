/** Small pieces the agenda and the reply letter share: labels in Swedish, headings, label–value lines. */
import { FONT, type Pdf } from '../../documents/pdf';

/** Conference roles of participants, in Swedish; an unknown role is shown as stored. */
const ROLE_SV: Record<string, string> = {
  chair: 'ordförande',
  surgeon: 'kirurg',
  oncologist: 'onkolog',
  radiologist: 'radiolog',
  pathologist: 'patolog',
  contact_nurse: 'kontaktsjuksköterska',
  coordinator: 'koordinator',
  physician: 'läkare',
  dermatologist: 'dermatolog',
  urologist: 'urolog',
  radiotherapist: 'strålbehandlande onkolog',
};
export const roleSv = (role: string) => ROLE_SV[role] ?? role;

export const INTENT_SV = { curative: 'Kurativ', palliative: 'Palliativ', undecided: 'Ej fastställd' } as const;

export function heading(doc: Pdf, text: string, size = 13): void {
  doc.moveDown(0.6).font(FONT.bold).fontSize(size).fillColor('#0d2f4f').text(text).fillColor('black').font(FONT.regular).fontSize(10.5);
}

/** "Label: value" on one line (wrapping under itself); nothing when the value is empty. */
export function line(doc: Pdf, label: string, value: string | number | null | undefined): void {
  if (value === null || value === undefined || value === '') return;
  doc.font(FONT.bold).fontSize(10.5).text(`${label}: `, { continued: true }).font(FONT.regular).text(String(value));
}

export function rule(doc: Pdf): void {
  const y = doc.y + 4;
  doc
    .moveTo(doc.page.margins.left, y)
    .lineTo(doc.page.width - doc.page.margins.right, y)
    .lineWidth(0.5)
    .strokeColor('#9aa8b5')
    .stroke();
  doc.y = y + 6;
}

/** Page numbers and a footer line on every page (the document is buffered until then). */
export function footer(doc: Pdf, text: string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font(FONT.regular)
      .fontSize(8)
      .fillColor('#5b6b7a')
      .text(`${text} · sida ${i + 1} av ${range.count}`, doc.page.margins.left, doc.page.height - 36, {
        width: doc.page.width - doc.page.margins.left - doc.page.margins.right,
        align: 'center',
        lineBreak: false,
      })
      .fillColor('black');
    doc.page.margins.bottom = bottom;
  }
}

export const cut = (s: string | null, max: number) => (!s ? null : s.length > max ? s.slice(0, max - 1) + '…' : s);
