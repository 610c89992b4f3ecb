import { describe, expect, it } from 'vitest';
import { testCore } from './helpers';

describe('demo data after the conference', () => {
  it("fills the worklist and the figures in the audits' proportions", async () => {
    const { core, api } = await testCore({ now: () => new Date('2026-12-02T10:00:00.000Z') });
    await api.call('demo.load', {});
    const count = (sql: string) => core.db.prepare(sql).pluck().get() as number;
    expect(count("SELECT count(*) FROM implementation_event WHERE status = 'deviated' AND deviation_reason = 'patient_choice'")).toBeGreaterThan(0);
    expect(count('SELECT count(*) FROM case_consideration WHERE trial_eu_ct_number IS NOT NULL')).toBeGreaterThan(0);
    const list = await api.call('followThrough.worklist', {});
    expect(list.rows.some((r) => r.why === 'no_status')).toBe(true);
    expect(list.rows.some((r) => r.why === 'due')).toBe(true);
    const area = count(
      "SELECT care_area_code FROM meeting WHERE status = 'finalised' GROUP BY care_area_code ORDER BY count(*) DESC LIMIT 1",
    ) as unknown as string;
    const f = await api.call('followThrough.figures', { careAreaCode: area, from: '2025-12-01', to: '2026-12-01' });
    expect(f.discussed).toBeGreaterThan(50);
    expect(f.implementation.rate).toBeGreaterThan(0.7);
    expect(f.implementation.rate).toBeLessThan(0.95);
    expect(f.wishesRecordedShare).toBeGreaterThan(0.4);
    expect(f.wishesRecordedShare).toBeLessThan(0.8);
    expect(f.trialConsideredShare).toBeGreaterThan(0.2);
    expect(f.trialConsideredShare).toBeLessThan(0.5);
    expect(f.discussionMinutes.median).toBeGreaterThanOrEqual(3);
    expect(f.discussionMinutes.median).toBeLessThanOrEqual(12);
    expect(f.conferenceToStart.count).toBeGreaterThan(0);
    // The nMDK checklist: most items done, the whole checklist in time for a minority (told late, no trial, …).
    expect(f.checklist.cases).toBe(f.discussed);
    const item = (id: string) => f.checklist.items.find((i) => i.item === id)!.share!;
    expect(item('images_available')).toBeGreaterThan(0.8);
    expect(item('patient_told')).toBeGreaterThan(0.5);
    expect(item('patient_told')).toBeLessThan(0.9);
    expect(f.checklist.share).toBeGreaterThan(0.02);
    expect(f.checklist.share).toBeLessThan(0.5);
    // The coming meetings' lists are partly ready: the agenda marks some of their cases.
    const planned = core.db
      .prepare(
        "SELECT m.id FROM meeting m WHERE m.status = 'planned' AND EXISTS (SELECT 1 FROM case_list_item ci WHERE ci.meeting_id = m.id) ORDER BY m.starts_at LIMIT 1",
      )
      .pluck()
      .get() as number;
    const view = await api.call('caseLists.get', { meetingId: planned });
    expect(view.checklist.casesBeforeOpen).toBeGreaterThan(0);
    expect(view.checklist.casesBeforeOpen).toBeLessThan(view.items.length);
  }, 120_000);
});
