/**
 * Takes back a long job's writes that went in several transactions (chunks), so that other calls are
 * answered between them: when the job fails part-way, `undo()` removes the rows its chunks added and
 * puts back the rows that were there before it began, in one transaction.
 *
 * The rows a chunk adds are known by their rowids: a chunk is one transaction, so the rows added
 * between its first and last statement lie above each table's highest rowid before it. Rows added by
 * other calls between chunks lie outside those ranges and stay. The rows that were there before are
 * copied once, at the start, into temporary tables; undo restores any the job changed or deleted.
 * The append-only logs (access log, security events) are left as they are: they record what happened.
 */
import type { Db } from './driver';

interface Table {
  name: string;
  columns: string[];
  /** The columns an insert names to keep each row's rowid: its INTEGER PRIMARY KEY, or rowid itself. */
  keyed: string[];
  copy: string;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Ordinary rowid tables that may be deleted from: no virtual tables (nor their shadow tables), no append-only logs. */
function undoableTables(db: Db): Table[] {
  const all = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string; sql: string }[];
  const virtual = all.filter((t) => /^CREATE VIRTUAL TABLE/i.test(t.sql)).map((t) => t.name);
  const appendOnly = new Set(db.prepare("SELECT tbl_name FROM sqlite_schema WHERE type = 'trigger' AND sql LIKE '%BEFORE DELETE%'").pluck().all() as string[]);
  return all
    .filter((t) => !virtual.some((v) => t.name === v || t.name.startsWith(`${v}_`)))
    .filter((t) => !appendOnly.has(t.name) && !/WITHOUT\s+ROWID/i.test(t.sql))
    .map((t) => {
      const info = db.prepare('SELECT name, type, pk FROM pragma_table_info(?)').all(t.name) as { name: string; type: string; pk: number }[];
      const columns = info.map((c) => quote(c.name));
      const keys = info.filter((c) => c.pk > 0);
      const aliased = keys.length === 1 && keys[0].type.toUpperCase() === 'INTEGER';
      return { name: t.name, columns, keyed: aliased ? columns : ['rowid', ...columns], copy: quote(`undo_before_${t.name}`) };
    });
}

export interface UndoableWrites {
  /** Runs one chunk (inside its transaction) and remembers the rows it added; the first also copies what was there. */
  chunk<T>(write: () => T): T;
  /** Removes what the chunks added and restores what was there before (inside a transaction). */
  undo(): void;
  /** Drops the copies (after the job, whether it succeeded or was undone). */
  done(): void;
  /** True once a chunk has committed: there is something to undo. */
  readonly started: boolean;
}

export function undoableWrites(db: Db): UndoableWrites {
  const tables = undoableTables(db);
  const added: { table: Table; above: number; upTo: number }[] = [];
  let copied = false;
  const highest = (t: Table) =>
    (db
      .prepare(`SELECT coalesce(max(rowid), 0) FROM ${quote(t.name)}`)
      .pluck()
      .get() as number) ?? 0;

  return {
    chunk(write) {
      if (!copied) for (const t of tables) db.exec(`CREATE TEMP TABLE ${t.copy} AS SELECT rowid AS undo_rowid, * FROM main.${quote(t.name)}`);
      const before = tables.map(highest);
      const out = write();
      tables.forEach((t, i) => {
        const after = highest(t);
        if (after > before[i]) added.push({ table: t, above: before[i], upTo: after });
      });
      // Only now, in case the chunk's transaction is rolled back (its copies with it).
      copied = true;
      return out;
    },
    undo() {
      if (!copied) return;
      db.pragma('defer_foreign_keys = ON');
      for (const a of added.reverse()) db.prepare(`DELETE FROM ${quote(a.table.name)} WHERE rowid > ? AND rowid <= ?`).run(a.above, a.upTo);
      for (const t of tables) {
        const name = quote(t.name);
        const cols = t.columns.join(', ');
        const same = t.columns.map((c) => `x.${c} IS c.${c}`).join(' AND ');
        // Rows changed since the copy get their values back; rows deleted since come back.
        db.exec(`UPDATE ${name} SET (${cols}) = (SELECT ${cols} FROM temp.${t.copy} c WHERE c.undo_rowid = ${name}.rowid)
                 WHERE rowid IN (SELECT c.undo_rowid FROM temp.${t.copy} c JOIN main.${name} x ON x.rowid = c.undo_rowid WHERE NOT (${same}))`);
        const values = t.keyed.map((c) => (c === 'rowid' ? 'undo_rowid' : c)).join(', ');
        db.exec(
          `INSERT INTO main.${name} (${t.keyed.join(', ')}) SELECT ${values} FROM temp.${t.copy} c WHERE c.undo_rowid NOT IN (SELECT rowid FROM main.${name})`,
        );
      }
    },
    get started() {
      return copied;
    },
    done() {
      // A connection closed meanwhile (the last session signed out) took its temporary tables with it.
      if (!copied || !db.open) return;
      for (const t of tables) db.exec(`DROP TABLE IF EXISTS temp.${t.copy}`);
      copied = false;
    },
  };
}
