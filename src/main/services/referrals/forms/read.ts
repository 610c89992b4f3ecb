import { EncryptedPDFError, PDFDocument, PDFDropdown, PDFTextField, type PDFField } from 'pdf-lib';
import type { Column } from '../import/columns';
import { FORM_FIELDS, FORM_ID_FIELD, FORM_MAX_BYTES, FORM_VERSION, parseFormIdentity } from './spec';

/** A filled form read as one import row, or why the file cannot be read as one. */
export type ReadForm =
  { ok: true; careAreaCode: string; cells: Map<Column, string> } | { ok: false; reasonKey: string; reasonParams?: Record<string, string | number> };

const refused = (reasonKey: string, reasonParams?: Record<string, string | number>): ReadForm => ({ ok: false, reasonKey, reasonParams });

function valueOf(field: PDFField | undefined): string {
  if (field instanceof PDFTextField) return field.getText() ?? '';
  if (field instanceof PDFDropdown) return field.getSelected()[0] ?? '';
  return '';
}

/**
 * Reads a filled registration form (AcroForm fields, whatever program filled them in). Refuses,
 * with a reason for the user, a file that is not a PDF, is damaged or encrypted, has no fields
 * (scanned or flattened), is not our form, or is another version of it.
 */
export async function readFilledForm(bytes: Uint8Array): Promise<ReadForm> {
  if (bytes.length === 0) return refused('import.empty');
  if (bytes.length > FORM_MAX_BYTES) return refused('forms.tooLarge', { maxMb: FORM_MAX_BYTES / 1024 / 1024 });
  if (Buffer.from(bytes.subarray(0, 1024)).indexOf('%PDF-') < 0) return refused('forms.notPdf');
  let doc: PDFDocument;
  try {
    // Encryption is read from the trailer first: an encrypted file's objects cannot be parsed anyway.
    if ((await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true })).isEncrypted) return refused('forms.encrypted');
    doc = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: true });
    if (doc.getPageCount() === 0) return refused('forms.damaged');
  } catch (e) {
    return refused(e instanceof EncryptedPDFError ? 'forms.encrypted' : 'forms.damaged');
  }
  let fields: PDFField[];
  try {
    fields = doc.getForm().getFields();
  } catch {
    return refused('forms.damaged');
  }
  if (fields.length === 0) return refused('forms.noFields');
  const byName = new Map(fields.map((f) => [f.getName(), f]));
  const identity = parseFormIdentity(valueOf(byName.get(FORM_ID_FIELD)));
  if (!identity) return refused('forms.notOurForm');
  if (identity.version !== FORM_VERSION) return refused('forms.otherVersion', { version: identity.version, current: FORM_VERSION });
  const cells = new Map<Column, string>();
  for (const f of FORM_FIELDS) cells.set(f.column, valueOf(byName.get(f.column)).trim());
  return { ok: true, careAreaCode: identity.careAreaCode, cells };
}
