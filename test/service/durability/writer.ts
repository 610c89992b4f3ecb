/**
 * Child process of durability.test.ts: commits transactions in a loop through the real driver (our
 * connection pragmas: WAL, synchronous=FULL) and prints "committed N" after each commit returns.
 * The test kills it with SIGKILL at random moments; every printed N must survive.
 */
import { openDatabase, inTransaction } from '../../../src/main/db/driver';

const [file, keyHex] = process.argv.slice(2);
const db = openDatabase(file, { key: keyHex ? Buffer.from(keyHex, 'hex') : undefined });
db.exec(`CREATE TABLE IF NOT EXISTS probe (seq INTEGER PRIMARY KEY, at TEXT NOT NULL) STRICT;
  CREATE TABLE IF NOT EXISTS probe_item (
    seq INTEGER NOT NULL REFERENCES probe(seq), n INTEGER NOT NULL, payload TEXT NOT NULL, PRIMARY KEY (seq, n)
  ) STRICT;`);
const insertProbe = db.prepare('INSERT INTO probe (seq, at) VALUES (?, ?)');
const insertItem = db.prepare('INSERT INTO probe_item (seq, n, payload) VALUES (?, ?, ?)');
let seq = ((db.prepare('SELECT max(seq) FROM probe').pluck().get() as number | null) ?? 0) + 1;
process.stdout.write('ready\n');
for (;;) {
  // One transaction = one probe row and three items: all or nothing must survive.
  inTransaction(db, () => {
    insertProbe.run(seq, new Date().toISOString());
    for (let n = 0; n < 3; n++) insertItem.run(seq, n, 'x'.repeat(200 + ((seq * 37 + n) % 900)));
  });
  // Pipes are synchronous on Linux: the line is out before the next transaction starts.
  process.stdout.write(`committed ${seq}\n`);
  seq++;
}
