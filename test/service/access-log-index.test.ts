import { describe, expect, it } from 'vitest';
import { testCore } from './helpers';
import { insertPatient, insertReferral } from '../factories';
import type { Db } from '../../src/main/db/driver';
import { indexAccessLog } from '../../src/main/services/security/access-log-index';

/** Indexes batch after batch until nothing is left (what the core's timer does over time). */
function indexWholeAccessLog(db: Db): number {
  let total = 0;
  for (let n = indexAccessLog(db); n > 0; n = indexAccessLog(db)) total += n;
  return total;
}

/** The per-patient index is built behind the log (migration 0009); readers must never miss a row. */
describe('access log index (batched behind the log)', () => {
  const arrange = async () => {
    const { core, api } = await testCore();
    const anna = insertPatient(core.db, { personnummer: '191212121212' });
    const bo = insertPatient(core.db, { personnummer: '198112289874', familyName: 'Annan' });
    const read = (patientId: number) => api.call('referrals.get', { id: insertReferral(core.db, { patientId }) });
    const annaLog = async () => (await api.call('accessLog.list', { patientIdentifier: '19121212-1212' })).entries.filter((e) => e.method === 'referrals.get');
    const upto = () => core.db.prepare('SELECT indexed_upto FROM access_log_index_state').pluck().get() as number;
    return { core, api, anna, bo, read, annaLog, upto };
  };

  it("finds a patient's accesses before, after and across indexing batches", async () => {
    const { core, anna, bo, read, annaLog, upto } = await arrange();
    await read(anna);
    await read(bo);
    expect(await annaLog()).toHaveLength(1); // only in the unindexed tail

    expect(indexAccessLog(core.db, 1)).toBe(1); // a batch of one row: the first is indexed, the rest is tail
    expect(await annaLog()).toHaveLength(1);
    await read(anna);
    expect(indexWholeAccessLog(core.db)).toBeGreaterThan(0);
    expect(upto()).toBe(core.db.prepare('SELECT max(id) FROM access_log').pluck().get());
    expect(indexAccessLog(core.db)).toBe(0); // nothing left
    await read(anna); // tail again, beside indexed rows
    const log = await annaLog();
    expect(log).toHaveLength(3);
    expect(log.every((e) => e.patientId === anna)).toBe(true);
    expect(new Set(log.map((e) => e.id)).size).toBe(3); // an indexed row is not also counted as tail
  });

  it('keeps the index append-only and its mark moving forward only', async () => {
    const { core, anna, read } = await arrange();
    await read(anna);
    indexWholeAccessLog(core.db);
    expect(() => core.db.prepare('DELETE FROM access_log_patient_index').run()).toThrow(/append-only/);
    expect(() => core.db.prepare('UPDATE access_log_patient_index SET patient_id = 0').run()).toThrow(/append-only/);
    expect(() => core.db.prepare('UPDATE access_log_index_state SET indexed_upto = 0').run()).toThrow(/forward/);
    expect(() => core.db.prepare('DELETE FROM access_log_index_state').run()).toThrow(/kept/);
  });

  it('finds accesses made under an earlier identifier of the same patient', async () => {
    const { core, api, read } = await arrange();
    const carl = insertPatient(core.db, { familyName: 'Reserv' });
    core.db
      .prepare(
        "INSERT INTO patient_identifier (patient_id, system, value, issuer_region_code, is_temporary, created_at) VALUES (?, 'reservnummer', 'R-1234', '14', 1, 'x')",
      )
      .run(carl);
    await read(carl);
    core.db.prepare("INSERT INTO patient_identifier (patient_id, system, value, created_at) VALUES (?, 'personnummer', '194001019802', 'x')").run(carl);
    const entries = (await api.call('accessLog.list', { patientIdentifier: '19400101-9802' })).entries.filter((e) => e.method === 'referrals.get');
    expect(entries).toHaveLength(1);
    expect(entries[0].patientId).toBe(carl);
  });

  it('the extract lists indexed and unindexed accesses in time order', async () => {
    const { core, api, anna, read } = await arrange();
    await read(anna);
    indexWholeAccessLog(core.db);
    await read(anna);
    const file = await api.call('accessLog.exportPatient', { patientIdentifier: '191212121212' });
    const lines = Buffer.from(file.base64, 'base64').toString('utf8').trim().split('\r\n');
    expect(lines.slice(1).filter((l) => l.includes('Remiss'))).toHaveLength(2);
  });
});
