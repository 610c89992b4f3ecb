import type { Key, ReactNode } from 'react';
import { useT } from '../i18n/useT';

export interface RecordColumn<T> {
  header: string;
  cell(row: T): ReactNode;
}

/**
 * A settings list of records (units, people, users, care areas): one row each, and an "Ändra" link
 * that opens the record's form when the user may change it. The link names its record for screen readers.
 */
export function RecordTable<T>(props: {
  rows: readonly T[];
  keyOf(row: T): Key;
  columns: RecordColumn<T>[];
  /** The record's name, in the edit link's accessible name ("Ändra Karolinska"). */
  nameOf(row: T): string;
  /** Absent when the user may not change records: no edit links. */
  onEdit?(row: T): void;
  label?: string;
}) {
  const t = useT();
  const { onEdit } = props;
  return (
    <table className="table" aria-label={props.label}>
      <thead>
        <tr>
          {props.columns.map((c) => (
            <th key={c.header}>{c.header}</th>
          ))}
          <th />
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row) => (
          <tr key={props.keyOf(row)}>
            {props.columns.map((c) => (
              <td key={c.header}>{c.cell(row)}</td>
            ))}
            <td>
              {onEdit && (
                <button type="button" className="link" onClick={() => onEdit(row)} aria-label={`${t('common.edit')} ${props.nameOf(row)}`}>
                  {t('common.edit')}
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
