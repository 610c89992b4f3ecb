import PDFDocument from 'pdfkit';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resourcesDir } from '../paths';

export type Pdf = PDFKit.PDFDocument;

export const FONT = { regular: 'DejaVu', bold: 'DejaVu-Bold', italic: 'DejaVu-Oblique' } as const;

export interface PdfOptions {
  title: string;
  author?: string;
  subject?: string;
  /** Marks every page DEMO while demo data is loaded. */
  demo?: boolean;
  /** Extra bottom margin for a footer. */
  margins?: { top: number; bottom: number; left: number; right: number };
}

const fontCache = new Map<string, Buffer>();

/** Font files read once per process: re-reading them cost a large share of each document's time. */
function fontBytes(file: string): Buffer {
  let bytes = fontCache.get(file);
  if (!bytes) {
    bytes = readFileSync(join(resourcesDir(), 'fonts', file));
    fontCache.set(file, bytes);
  }
  return bytes;
}

/**
 * An A4 PDF with DejaVu Sans embedded (subset), so å, ä and ö render in every viewer. Swedish
 * metadata. `finish()` ends the document and resolves with its bytes.
 */
export function createPdf(options: PdfOptions): { doc: Pdf; finish(): Promise<Buffer> } {
  const doc = new PDFDocument({
    size: 'A4',
    margins: options.margins ?? { top: 56, bottom: 56, left: 56, right: 56 },
    bufferPages: true,
    info: { Title: options.title, Author: options.author ?? 'MDK Coordinator', Subject: options.subject ?? options.title, Creator: 'MDK Coordinator' },
    lang: 'sv-SE',
    displayTitle: true,
    pdfVersion: '1.7',
  });
  doc.registerFont(FONT.regular, fontBytes('DejaVuSans.ttf'));
  doc.registerFont(FONT.bold, fontBytes('DejaVuSans-Bold.ttf'));
  doc.registerFont(FONT.italic, fontBytes('DejaVuSans-Oblique.ttf'));
  doc.font(FONT.regular);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return {
    doc,
    finish() {
      if (options.demo) stampDemo(doc);
      doc.end();
      return done;
    },
  };
}

/** "DEMO" across the top of every page, so a demo document is never mistaken for a real one. */
function stampDemo(doc: Pdf): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const y = doc.page.margins.top;
    doc.page.margins.top = 0;
    doc
      .save()
      .font(FONT.bold)
      .fontSize(11)
      .fillColor('#b45309')
      .text('DEMO – fiktiva uppgifter', 0, 20, { width: doc.page.width, align: 'center', lineBreak: false })
      .restore();
    doc.page.margins.top = y;
  }
}
