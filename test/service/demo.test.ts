import { describe, expect, it } from 'vitest';
import { testCore, useCliSignIn } from './helpers';
import { runCli } from '../../src/main/cli/index';
import { pdfText } from '../pdf-text';
import { REFERRAL_STATUSES } from '../../src/shared/domain/referral-status';
import { testToday } from '../clock';

describe('demo data', () => {
  useCliSignIn();
  it('loads a year of a fictional unit through the real services, flags DEMO and stamps documents', async () => {
    const { core, api } = await testCore();
    const r = await api.call('demo.load', {});
    expect(r.referrals).toBeGreaterThan(1_400);
    // Every status is present, most cases have been through a meeting.
    for (const s of REFERRAL_STATUSES) expect(r.byStatus[s] ?? 0, s).toBeGreaterThan(0);
    expect(r.byStatus.closed + r.byStatus.discussed).toBeGreaterThan(1_000);
    const db = core.db;
    const count = (sql: string) => db.prepare(sql).pluck().get() as number;
    expect(count('SELECT count(*) FROM referral')).toBe(r.referrals);
    expect(count("SELECT count(*) FROM meeting WHERE status = 'finalised'")).toBeGreaterThan(100);
    expect(db.prepare("SELECT count(*) FROM meeting WHERE status = 'planned' AND local_date > ?").pluck().get(testToday())).toBeGreaterThan(10);
    expect(count('SELECT count(*) FROM meeting_participant WHERE attendance IS NOT NULL')).toBeGreaterThan(500);
    expect(count("SELECT count(*) FROM case_list_item WHERE outcome = 'postponed'")).toBeGreaterThan(0);
    expect(count("SELECT count(*) FROM care_plan WHERE status = 'draft'")).toBeGreaterThan(0);
    expect(count("SELECT count(*) FROM care_plan WHERE status = 'finalised'")).toBeGreaterThan(100);
    expect(count("SELECT count(*) FROM care_plan_handover WHERE status = 'confirmed'")).toBeGreaterThan(0);
    expect(count("SELECT count(*) FROM care_plan_handover WHERE status <> 'confirmed'")).toBeGreaterThan(0);
    // No real identifiers: every patient has a DEMO reservnummer and nothing else.
    expect(count("SELECT count(*) FROM patient_identifier WHERE system <> 'reservnummer' OR value NOT LIKE 'DEMO-%'")).toBe(0);
    // Timelines are real: each referral starts received and its events follow the status.
    expect(
      count("SELECT count(*) FROM referral r WHERE NOT EXISTS (SELECT 1 FROM referral_event e WHERE e.referral_id = r.id AND e.to_status = 'received')"),
    ).toBe(0);

    const info = await api.call('system.info', {});
    expect(info.demo).toBe(true);
    expect(info.workplace).not.toBeNull();
    // Search finds demo patients (the search index was filled by the real writers).
    const found = await api.call('referrals.list', { search: 'DEMO-00001' });
    expect(found.rows.map((x) => x.identifier)).toContain('DEMO-00001');

    const meetingId = count("SELECT meeting_id FROM case_list_item ci JOIN meeting m ON m.id = ci.meeting_id WHERE m.status = 'finalised' LIMIT 1");
    const agenda = await pdfText(Buffer.from((await api.call('caseLists.agendaPdf', { meetingId })).base64, 'base64'));
    expect(agenda.pages.every((p) => p.includes('DEMO'))).toBe(true);
    const planId = count("SELECT id FROM care_plan WHERE status = 'finalised' LIMIT 1");
    const plan = await pdfText(Buffer.from((await api.call('carePlans.pdf', { id: planId })).base64, 'base64'));
    expect(plan.text).toContain('DEMO');

    // Calendar files and FHIR bundles say DEMO too.
    const ics = await api.call('meetings.exportIcs', { meetingId });
    expect(Buffer.from(ics.files[0].base64, 'base64').toString('utf8')).toContain('SUMMARY:DEMO: nMDK');
    const fhir = JSON.parse(Buffer.from((await api.call('carePlans.fhir', { id: planId })).base64, 'base64').toString('utf8'));
    expect(fhir.meta.tag[0].code).toBe('HTEST');

    // A second load is refused, and nothing changes.
    await expect(api.call('demo.load', {})).rejects.toMatchObject({ code: 'conflict', messageKey: 'demo.alreadyLoaded' });
    expect(count('SELECT count(*) FROM referral')).toBe(r.referrals);
  }, 120_000);

  it('refuses a database that already holds real referrals, and leaves it as it was', async () => {
    const { core, api, dataDir } = await testCore();
    const ref = await api.call('reference.get', {});
    await api.call('referrals.create', {
      patient: { identifierKind: 'national', identifier: '19121212-1212', familyName: 'Tolvansson', givenName: 'Tolvan' },
      referral: { careAreaCode: 'SARCOMA', referringUnitId: ref.units[0].id, receivedDate: '2026-11-01' },
    });
    await expect(api.call('demo.load', {})).rejects.toMatchObject({ code: 'conflict', messageKey: 'demo.realDataPresent' });
    expect(core.db.prepare('SELECT count(*) FROM referral').pluck().get()).toBe(1);
    expect((await api.call('system.info', {})).demo).toBe(false);

    // The CLI says the same, in Swedish, with a non-zero status.
    const out: string[] = [];
    const err: string[] = [];
    expect(await runCli(['demo-data', '--data', dataDir], { out: (l) => out.push(l), err: (l) => err.push(l) })).not.toBe(0);
    expect(err.join('\n')).toContain('Databasen innehåller redan 1 riktiga remisser.');
  });
});
