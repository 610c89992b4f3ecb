import { describe, expect, it } from 'vitest';
import { createPdf, FONT } from './pdf';
import { pdfText } from '../../../test/pdf-text';

describe('PDF base', () => {
  it('embeds DejaVu so å, ä and ö come back out of the PDF, and stamps DEMO', async () => {
    const { doc, finish } = createPdf({ title: 'Prov', demo: true });
    doc.font(FONT.bold).fontSize(18).text('Vårdplan för Åsa Öberg');
    doc.font(FONT.regular).fontSize(12).text('Uppföljning på Sahlgrenska Universitetssjukhuset, Göteborg.');
    const bytes = await finish();
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.toString('latin1')).toMatch(/FontFile2/); // TrueType font program embedded
    const { text } = await pdfText(bytes);
    expect(text).toContain('Vårdplan för Åsa Öberg');
    expect(text).toContain('Sahlgrenska Universitetssjukhuset, Göteborg.');
    expect(text).toContain('DEMO');
  });
});
