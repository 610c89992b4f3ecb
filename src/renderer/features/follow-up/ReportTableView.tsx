import { formatCell, type ReportTable } from '../../../shared/domain/report-table';
import { useAppStore } from '../../app/store';
import { useT } from '../../i18n/useT';

/** One figure table with its CSV export; the heading names the table for screen readers too. */
export function ReportTableView({ table, onExport }: { table: ReportTable; onExport(table: ReportTable): void }) {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  return (
    <div className="fu-table">
      <div className="fu-table-head">
        <h3>{table.title}</h3>
        <button type="button" className="no-print" aria-label={t('followUp.exportCsvNamed', { title: table.title })} onClick={() => onExport(table)}>
          {t('followUp.exportCsv')}
        </button>
      </div>
      <table className="table table-compact" aria-label={table.title}>
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th key={c.label} scope="col" className={c.kind === 'text' ? undefined : 'num'}>
                {c.kind === 'percent' ? `${c.label} (%)` : c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.length === 0 && (
            <tr>
              <td colSpan={table.columns.length} className="muted">
                {t('followUp.noData')}
              </td>
            </tr>
          )}
          {table.rows.map((row, i) => (
            <tr key={i}>
              {row.map((v, j) =>
                j === 0 ? (
                  <th key={j} scope="row">
                    {formatCell(v, table.columns[j].kind, lang)}
                  </th>
                ) : (
                  <td key={j} className={table.columns[j].kind === 'text' ? undefined : 'num'}>
                    {formatCell(v, table.columns[j].kind, lang)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {table.note && <p className="fu-note">{table.note}</p>}
    </div>
  );
}
