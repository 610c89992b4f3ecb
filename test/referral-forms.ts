/**
 * Fills a registration form with a program other than ours: Debian's pdftk, from an XFDF file
 * (UTF-8, so å/ä/ö travel as a referring unit's PDF reader would write them).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, PDFDropdown, PDFTextField } from 'pdf-lib';
import PDFDocumentKit from 'pdfkit';

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** `pdftk FORM fill_form DATA.xfdf output OUT [extra…]`, e.g. extra = ['flatten'] or ['user_pw', 'x']. */
export function fillWithPdftk(form: Uint8Array, values: Record<string, string>, extra: string[] = []): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'mdk-pdftk-'));
  try {
    const fields = Object.entries(values)
      .map(([k, v]) => `<field name="${xml(k)}"><value>${xml(v)}</value></field>`)
      .join('');
    writeFileSync(join(dir, 'data.xfdf'), `<?xml version="1.0" encoding="UTF-8"?><xfdf xmlns="http://ns.adobe.com/xfdf/"><fields>${fields}</fields></xfdf>`);
    writeFileSync(join(dir, 'form.pdf'), form);
    execFileSync('pdftk', [join(dir, 'form.pdf'), 'fill_form', join(dir, 'data.xfdf'), 'output', join(dir, 'out.pdf'), ...extra], { stdio: 'pipe' });
    return readFileSync(join(dir, 'out.pdf'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A complete sarcoma referral as a referring unit in Region Skåne would fill it in. */
export const FILLED_SARCOMA: Record<string, string> = {
  personnummer: '19121212-1212',
  efternamn: 'Åkesson-Öberg',
  fornamn: 'Märta Ädel',
  remitterande_enhet: 'Skånes universitetssjukhus',
  remitterande_lakare: 'Dr Åsa Ärlig',
  telefon: '046-17 10 00',
  mottagen: '2026-11-18',
  valgrundad_misstanke: '2026-11-02',
  fragestallning: 'Ställningstagande till preoperativ strålbehandling av liposarkom i låret?',
  icd10: 'C49.2',
  diagnosgrund: 'PAD',
  anamnes: 'Växande resistens i vänster lår sedan i våras; MR visar 11 cm tumör.',
  samsjuklighet: 'Hypertoni, välbehandlad.',
  ecog: '1',
  bilder: 'ja',
  rontgensvar: 'RTG-2026-4411',
  pad_referens: 'PAD-2026-0987',
  patientens_onskemal: 'Vill behålla benet om det går.',
  patient_informerad: 'ja',
  prioritet: 'brådskande',
};

/**
 * Fills the form in-process, for the bad-input tests where the filler does not matter (pdftk is
 * slow to start); `lift` removes the form's length limits first, as a careless filler might ignore them.
 */
export async function fillWithPdfLib(form: Uint8Array, values: Record<string, string>, options: { flatten?: boolean } = {}): Promise<Buffer> {
  const doc = await PDFDocument.load(form);
  const f = doc.getForm();
  for (const [name, value] of Object.entries(values)) {
    const field = f.getField(name);
    if (field instanceof PDFTextField) {
      field.setMaxLength(undefined);
      field.setText(value);
    } else if (field instanceof PDFDropdown) field.select(value);
  }
  if (options.flatten) f.flatten();
  return Buffer.from(await doc.save());
}

/** A page of text and no fields, as a scanner or "print to PDF" makes a form. */
export function scannedPdf(): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocumentKit();
    const parts: Buffer[] = [];
    doc.on('data', (b: Buffer) => parts.push(b));
    doc.on('end', () => resolve(Buffer.concat(parts)));
    doc.text('Anmälan till nationell MDK (skannad)');
    doc.end();
  });
}
