import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { Db } from '../../../db/driver';
import { notFound } from '../../../../shared/api/errors';
import { translate } from '../../../../shared/i18n';
import { getWorkplace } from '../../system/workplace';
import { ALWAYS_REQUIRED, FORM_FIELDS, FORM_ID_FIELD, FORM_VERSION, formIdentityText, type FormField } from './spec';

interface Recipient {
  name: string;
  address: string | null;
  phone: string | null;
  email: string | null;
}

interface FormFacts {
  careAreaCode: string;
  careAreaName: string;
  required: Set<string>;
  recipient: Recipient | null;
  unitNames: string[];
}

/** The national unit the form goes to: the user's own unit when it serves the care area, else the first that does. */
function formFacts(db: Db, careAreaCode: string): FormFacts {
  const area = db.prepare('SELECT code, name_sv AS name, required_fields AS required FROM care_area WHERE code = ?').get(careAreaCode) as
    { code: string; name: string; required: string } | undefined;
  if (!area) throw notFound('care_area', careAreaCode);
  const national = db.prepare('SELECT unit_id FROM care_area_national_unit WHERE care_area_code = ? ORDER BY unit_id').pluck().all(careAreaCode) as number[];
  const own = getWorkplace(db)?.unitId;
  const recipientId = own !== undefined && national.includes(own) ? own : (national[0] ?? own);
  const recipient =
    recipientId === undefined
      ? null
      : ((db.prepare('SELECT name, address, phone, email FROM unit WHERE id = ?').get(recipientId) as Recipient | undefined) ?? null);
  const unitNames = db.prepare('SELECT name FROM unit WHERE active = 1 ORDER BY name').pluck().all() as string[];
  const requiredFields = JSON.parse(area.required) as string[];
  const required = new Set<string>([
    ...ALWAYS_REQUIRED,
    ...FORM_FIELDS.filter((f) => f.requirable && requiredFields.includes(f.requirable)).map((f) => f.column),
  ]);
  return { careAreaCode: area.code, careAreaName: area.name, required, recipient, unitNames };
}

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 48;
const WIDTH = A4.width - 2 * MARGIN;
const sv = (key: string, params?: Record<string, string | number>) => translate('sv', key, params);

/** Text the standard font can draw (WinAnsi covers Swedish); anything else becomes "?". */
function drawable(font: PDFFont, text: string): string {
  const set = new Set(font.getCharacterSet());
  return [...text].map((ch) => (set.has(ch.codePointAt(0)!) ? ch : '?')).join('');
}

/** Greedy word wrap to the page width. */
function wrap(font: PDFFont, size: number, text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ')) {
      const next = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(next, size) > width && line) {
        lines.push(line);
        line = word;
      } else line = next;
    }
    lines.push(line);
  }
  return lines;
}

const fieldHeight = (f: FormField) => (f.kind === 'multiline' ? (f.maxLength > 5_000 ? 96 : 54) : 20);

/**
 * A fillable PDF (AcroForm) registration form for one care area, in Swedish: the national unit's
 * name, address and phone and how to send the form, one field per import column with the required
 * ones marked, combo boxes for choices, a format hint on dates, and a hidden form identity and version.
 */
export async function referralFormPdf(db: Db, careAreaCode: string): Promise<{ fileName: string; bytes: Uint8Array }> {
  const facts = formFacts(db, careAreaCode);
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const title = sv('forms.pdf.title', { careArea: facts.careAreaName });
  doc.setTitle(drawable(font, title));
  doc.setSubject(formIdentityText(facts.careAreaCode));
  doc.setKeywords([formIdentityText(facts.careAreaCode)]);
  doc.setCreator('MDK Coordinator');
  doc.setLanguage('sv-SE');
  const form = doc.getForm();

  let page: PDFPage = doc.addPage([A4.width, A4.height]);
  let y = A4.height - MARGIN;
  const write = (text: string, size: number, f: PDFFont = font, color = rgb(0, 0, 0)) => {
    for (const line of wrap(f, size, drawable(f, text), WIDTH)) {
      page.drawText(line, { x: MARGIN, y: y - size, size, font: f, color });
      y -= size * 1.35;
    }
  };
  const newPageIfBelow = (needed: number) => {
    if (y - needed > MARGIN) return;
    page = doc.addPage([A4.width, A4.height]);
    y = A4.height - MARGIN;
  };

  write(title, 16, bold);
  y -= 4;
  const r = facts.recipient;
  if (r) {
    write(sv('forms.pdf.to', { unit: r.name }), 10, bold);
    if (r.address) write(r.address, 10);
    if (r.phone) write(sv('forms.pdf.phone', { phone: r.phone }), 10);
  }
  write(r?.email ? sv('forms.pdf.howToSendEmail', { email: r.email }) : sv('forms.pdf.howToSend'), 9);
  write(sv('forms.pdf.requiredNote'), 9, font, rgb(0.3, 0.3, 0.3));
  y -= 8;

  for (const f of FORM_FIELDS) {
    const height = fieldHeight(f);
    newPageIfBelow(height + 22);
    const mark = facts.required.has(f.column) ? ' *' : '';
    const hint = f.kind === 'date' ? ` (${sv('forms.pdf.dateHint')})` : '';
    write(`${sv(f.labelKey)}${mark}${hint}`, 9, facts.required.has(f.column) ? bold : font);
    const rect = { x: MARGIN, y: y - height, width: WIDTH, height, font, borderColor: rgb(0.45, 0.45, 0.45), borderWidth: 0.8 };
    if (f.kind === 'choice' || f.kind === 'unit') {
      const box = form.createDropdown(f.column);
      box.addOptions((f.kind === 'unit' ? facts.unitNames : (f.choices ?? [])).map((o) => drawable(font, o)));
      if (f.kind === 'unit') box.enableEditing(); // a unit not in the list can be written in
      box.addToPage(page, rect);
    } else {
      const text = form.createTextField(f.column);
      text.setMaxLength(f.maxLength);
      if (f.kind === 'multiline') text.enableMultiline();
      text.addToPage(page, rect);
    }
    y -= height + 8;
  }

  // The identity the import reads: which form, for which care area, in which version.
  const identity = form.createTextField(FORM_ID_FIELD);
  identity.setText(formIdentityText(facts.careAreaCode));
  identity.enableReadOnly();
  identity.addToPage(doc.getPage(0), { x: 0, y: 0, width: 1, height: 1, hidden: true });

  const pages = doc.getPages();
  pages.forEach((p, i) =>
    p.drawText(drawable(font, sv('forms.pdf.footer', { version: FORM_VERSION, page: i + 1, pages: pages.length })), {
      x: MARGIN,
      y: MARGIN / 2,
      size: 8,
      font,
      color: rgb(0.4, 0.4, 0.4),
    }),
  );
  form.updateFieldAppearances(font);
  const bytes = await doc.save();
  return { fileName: `anmalningsblankett-${facts.careAreaCode.toLowerCase()}-v${FORM_VERSION}.pdf`, bytes };
}
