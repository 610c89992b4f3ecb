/**
 * Takes back a long job's writes that went in several transactions (chunks), so that other calls are
 * answered between them: when the job fails part-way, `undo()` removes the rows its chunks added and
 * puts back the rows that were there before it began, in one transaction.
 *
 * The rows a chunk adds are known by their rowids: a chunk is one transaction, so the rows added
 * between its first and last statement lie above each table's highest rowid before it. Rows added by
 * other calls between chunks lie outside those ranges and stay. The rows that were there before are
 * copied once, in the first chunk; undo restores any the job changed or deleted. The append-only logs
 * (access log, security events) are left as they are: they record what happened.
 *
 * The copies and the ranges are kept in the database file itself, written in the chunks' own
 * transactions, so a process that dies part-way (a crash, a power cut) leaves its record behind, and
 * the next open undoes the job (`undoInterruptedWrites`): nothing half-written survives a restart.
 */
import type { Db } from './driver';

/** Names the undo record's own tables start with; they are never part of an undo themselves. */
const PREFIX = 'undo_';
const JOB = `${PREFIX}job`;
const ADDED = `${PREFIX}added_rows`;
const copyOf = (table: string) => `${PREFIX}before_${table}`;

interface Table {
  name: string;
  columns: string[];
  /** The columns an insert names to keep each row's rowid: its INTEGER PRIMARY KEY, or rowid itself. */
  keyed: string[];
  copy: string;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

function describeTable(db: Db, name: string): Table {
  const info = db.prepare('SELECT name, type, pk FROM pragma_table_info(?)').all(name) as { name: string; type: string; pk: number }[];
  const columns = info.map((c) => quote(c.name));
  const keys = info.filter((c) => c.pk > 0);
  const aliased = keys.length === 1 && keys[0].type.toUpperCase() === 'INTEGER';
  return { name, columns, keyed: aliased ? columns : ['rowid', ...columns], copy: quote(copyOf(name)) };
}

/** Ordinary rowid tables that may be deleted from: no virtual tables (nor their shadow tables), no append-only logs. */
function undoableTables(db: Db): Table[] {
  const all = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string; sql: string }[];
  const virtual = all.filter((t) => /^CREATE VIRTUAL TABLE/i.test(t.sql)).map((t) => t.name);
  const appendOnly = new Set(db.prepare("SELECT tbl_name FROM sqlite_schema WHERE type = 'trigger' AND sql LIKE '%BEFORE DELETE%'").pluck().all() as string[]);
  return all
    .filter((t) => !t.name.startsWith(PREFIX))
    .filter((t) => !virtual.some((v) => t.name === v || t.name.startsWith(`${v}_`)))
    .filter((t) => !appendOnly.has(t.name) && !/WITHOUT\s+ROWID/i.test(t.sql))
    .map((t) => describeTable(db, t.name));
}

const exists = (db: Db, table: string) => !!db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(table);

/** Removes the added rows and restores the copied ones; then drops the record. Runs inside a transaction. */
function undoFromRecord(db: Db, tables: Table[]): void {
  db.pragma('defer_foreign_keys = ON');
  const ranges = db.prepare(`SELECT tbl, above, up_to FROM ${ADDED} ORDER BY id DESC`).all() as { tbl: string; above: number; up_to: number }[];
  for (const r of ranges) db.prepare(`DELETE FROM ${quote(r.tbl)} WHERE rowid > ? AND rowid <= ?`).run(r.above, r.up_to);
  for (const t of tables) {
    const name = quote(t.name);
    const cols = t.columns.join(', ');
    const same = t.columns.map((c) => `x.${c} IS c.${c}`).join(' AND ');
    // Rows changed since the copy get their values back; rows deleted since come back.
    db.exec(`UPDATE ${name} SET (${cols}) = (SELECT ${cols} FROM ${t.copy} c WHERE c.undo_rowid = ${name}.rowid)
             WHERE rowid IN (SELECT c.undo_rowid FROM ${t.copy} c JOIN ${name} x ON x.rowid = c.undo_rowid WHERE NOT (${same}))`);
    const values = t.keyed.map((c) => (c === 'rowid' ? 'undo_rowid' : c)).join(', ');
    db.exec(`INSERT INTO ${name} (${t.keyed.join(', ')}) SELECT ${values} FROM ${t.copy} c WHERE c.undo_rowid NOT IN (SELECT rowid FROM ${name})`);
  }
  dropRecord(db);
}

function dropRecord(db: Db): void {
  const names = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name LIKE 'undo\\_%' ESCAPE '\\'").pluck().all() as string[];
  for (const n of names) db.exec(`DROP TABLE ${quote(n)}`);
}

/** The jobs of this process that are still running, by their record's token. */
const running = new Set<string>();

/** True while the job that wrote the record runs: in this process, or in another on this computer (the data folder is local). */
function alive(pid: number, token: string): boolean {
  if (pid === process.pid) return running.has(token);
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * At open: a record left by a job whose process is gone is undone, in one transaction. A record whose
 * process still runs (a desktop app loading demo data while the CLI opens the same folder) is its job's.
 * Returns whether a job was undone.
 */
export function undoInterruptedWrites(db: Db): boolean {
  if (!exists(db, JOB)) return false;
  const job = db.prepare(`SELECT pid, token FROM ${JOB}`).get() as { pid: number; token: string } | undefined;
  if (job && alive(job.pid, job.token)) return false;
  db.transaction(() => {
    const tables = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name LIKE 'undo\\_before\\_%' ESCAPE '\\'").pluck().all() as string[])
      .map((copy) => copy.slice(copyOf('').length))
      .filter((name) => exists(db, name))
      .map((name) => describeTable(db, name));
    undoFromRecord(db, tables);
  }).immediate();
  return true;
}

export interface UndoableWrites {
  /** Runs one chunk (inside its transaction) and records the rows it added; the first also copies what was there. */
  chunk<T>(write: () => T): T;
  /** Removes what the chunks added and restores what was there before (inside a transaction). */
  undo(): void;
  /** Drops the record (after the job, whether it succeeded or was undone). */
  done(): void;
  /** True once a chunk has committed: there is something to undo. */
  readonly started: boolean;
}

export function undoableWrites(db: Db): UndoableWrites {
  const tables = undoableTables(db);
  let recorded = false;
  const token = `${Date.now()}-${Math.random().toString(36).slice(2)}`;
  running.add(token);
  const highest = (t: Table) =>
    (db
      .prepare(`SELECT coalesce(max(rowid), 0) FROM ${quote(t.name)}`)
      .pluck()
      .get() as number) ?? 0;

  return {
    chunk(write) {
      if (!recorded) {
        db.exec(`CREATE TABLE ${JOB} (pid INTEGER NOT NULL, token TEXT NOT NULL, started_at TEXT NOT NULL)`);
        db.prepare(`INSERT INTO ${JOB} VALUES (?, ?, ?)`).run(process.pid, token, new Date().toISOString());
        db.exec(`CREATE TABLE ${ADDED} (id INTEGER PRIMARY KEY, tbl TEXT NOT NULL, above INTEGER NOT NULL, up_to INTEGER NOT NULL)`);
        for (const t of tables) db.exec(`CREATE TABLE ${t.copy} AS SELECT rowid AS undo_rowid, * FROM ${quote(t.name)}`);
      }
      const before = tables.map(highest);
      const out = write();
      const note = db.prepare(`INSERT INTO ${ADDED} (tbl, above, up_to) VALUES (?, ?, ?)`);
      tables.forEach((t, i) => {
        const after = highest(t);
        if (after > before[i]) note.run(t.name, before[i], after);
      });
      // Only now, in case the chunk's transaction is rolled back (the record with it).
      recorded = true;
      return out;
    },
    undo() {
      if (!recorded) return;
      undoFromRecord(db, tables);
      recorded = false;
    },
    get started() {
      return recorded;
    },
    done() {
      running.delete(token);
      // A connection closed meanwhile (the last session signed out) leaves the record for the next open.
      if (!recorded || !db.open) return;
      db.transaction(() => dropRecord(db)).immediate();
      recorded = false;
    },
  };
}
