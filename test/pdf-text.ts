/**
 * Reads the text of a PDF with pdf.js (an independent reader, not the code that wrote it), page by
 * page, for tests that check what a generated document says.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export async function pdfText(bytes: Uint8Array | Buffer): Promise<{ pages: string[]; text: string; fonts: string[] }> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  const fonts = new Set<string>();
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent();
    pages.push(content.items.map((it) => ('str' in it ? it.str + (it.hasEOL ? '\n' : '') : '')).join(''));
    for (const style of Object.values(content.styles)) fonts.add(style.fontFamily);
  }
  await doc.destroy();
  return { pages, text: pages.join('\n'), fonts: [...fonts] };
}
