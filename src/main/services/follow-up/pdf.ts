import { createPdf, FONT, type Pdf } from '../../documents/pdf';
import type { FollowUpDashboard } from '../../../shared/api/methods/follow-up';
import { followUpTables } from '../../../shared/domain/follow-up-tables';
import { formatCell, type ReportTable } from '../../../shared/domain/report-table';
import { translate, type Lang } from '../../../shared/i18n';
import { methodSection } from '../../../shared/domain/method-section';

/** Draws one table with a bold header row, right-aligned figures and page breaks between rows. */
function drawTable(doc: Pdf, table: ReportTable, lang: Lang): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const first = table.columns.length === 2 ? width * 0.7 : width * 0.4;
  const rest = (width - first) / Math.max(1, table.columns.length - 1);
  const widths = table.columns.map((_, i) => (i === 0 ? first : rest));
  const bottom = () => doc.page.height - doc.page.margins.bottom;

  if (doc.y + 60 > bottom()) doc.addPage();
  doc.moveDown(0.6).font(FONT.bold).fontSize(12).fillColor('#000').text(table.title, left, doc.y, { width });
  doc.moveDown(0.2);

  const row = (cells: string[], bold: boolean) => {
    doc.font(bold ? FONT.bold : FONT.regular).fontSize(8.5);
    const height = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: widths[i] - 6 }))) + 4;
    if (doc.y + height > bottom()) doc.addPage();
    const y = doc.y;
    let x = left;
    cells.forEach((c, i) => {
      doc.text(c, x + 3, y + 2, { width: widths[i] - 6, align: i === 0 || table.columns[i].kind === 'text' ? 'left' : 'right', lineBreak: true });
      x += widths[i];
    });
    doc
      .moveTo(left, y + height)
      .lineTo(left + width, y + height)
      .lineWidth(bold ? 0.8 : 0.3)
      .strokeColor('#777')
      .stroke();
    doc.x = left;
    doc.y = y + height;
  };
  row(
    table.columns.map((c) => (c.kind === 'percent' ? `${c.label} (%)` : c.label)),
    true,
  );
  if (table.rows.length === 0) row([translate(lang, 'followUp.noData'), ...table.columns.slice(1).map(() => '')], false);
  for (const r of table.rows)
    row(
      r.map((v, i) => formatCell(v, table.columns[i].kind, lang)),
      false,
    );
  if (table.note) doc.moveDown(0.3).font(FONT.italic).fontSize(8).fillColor('#333').text(table.note, left, doc.y, { width }).fillColor('#000');
}

/** The method section, a part of its own on a new page: each figure in bold, its definition after it. */
function drawMethodSection(doc: Pdf, t: (key: string) => string): void {
  const section = methodSection(t);
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  doc.addPage();
  doc.font(FONT.bold).fontSize(14).fillColor('#000').text(section.title, left, doc.y, { width });
  doc.moveDown(0.3).font(FONT.regular).fontSize(9).text(section.intro, { width });
  for (const e of section.entries) {
    doc.moveDown(0.45).font(FONT.bold).fontSize(9.5).text(e.figure, left, doc.y, { width });
    doc.font(FONT.regular).fontSize(9).text(e.definition, left, doc.y, { width });
  }
}

/** The dashboard as an A4 PDF for the annual report: every table, its sources, then the method section. */
export async function followUpPdf(d: FollowUpDashboard, lang: Lang, options: { demo: boolean; today: string; moreTables?: ReportTable[] }): Promise<Buffer> {
  const t = (key: string, params?: Record<string, string | number>) => translate(lang, key, params);
  const areaName = lang === 'en' ? d.careArea.nameEn : d.careArea.nameSv;
  const title = t('followUp.pdfTitle', { careArea: areaName, from: d.from, to: d.to });
  const { doc, finish } = createPdf({ title, demo: options.demo });
  doc.font(FONT.bold).fontSize(16).text(t('followUp.title'));
  doc.moveDown(0.2).font(FONT.regular).fontSize(11).text(title);
  doc.moveDown(0.4).fontSize(8.5).fillColor('#333');
  doc.text(t('followUp.populationSource', { source: lang === 'en' ? d.population.sourceEn : d.population.source }));
  doc.text(t('followUp.generated', { date: options.today }));
  doc.fillColor('#000');
  for (const table of [...followUpTables(d, t), ...(options.moreTables ?? [])]) drawTable(doc, table, lang);
  drawMethodSection(doc, t);
  return finish();
}
