import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { runCli } from '../../src/main/cli';
import { tempDir, testCore, withWorkplace, useCliSignIn } from './helpers';
import { testDay, testToday } from '../clock';

describe('CLI: meetings and export-ics', () => {
  useCliSignIn();
  it('lists a care area’s meetings with skipped holidays and writes an .ics file', async () => {
    const dataDir = tempDir();
    const { api, core } = await testCore({ dataDir });
    await withWorkplace(api);
    await api.call('series.save', {
      careAreaCode: 'SARCOMA',
      name: 'Nationell MDK sarkom',
      weekday: 4,
      startTime: '14:00',
      durationMinutes: 60,
      frequency: 'weekly',
      firstDate: '2026-01-01',
      deadlineWorkingDays: 2,
      deadlineTime: '12:00',
      holidayPolicy: 'skip',
      minutesPerCase: 6,
      capacityCases: 10,
      requiredRoles: ['surgeon'],
    });
    core.close();

    const lines: string[] = [];
    const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push('ERR ' + l) };
    // the series is generated from the (pinned) today: ask for a window inside the next year
    const from = testToday();
    const to = testDay(300);
    expect(await runCli(['meetings', '--data', dataDir, '--care-area', 'SARCOMA', '--from', from, '--to', to], io)).toBe(0);
    expect(lines.at(-1)).toMatch(/^\d+ möten\.$/);
    expect(lines.filter((l) => / 14:00–15:00 /.test(l)).length).toBeGreaterThan(30);
    // skipped holiday dates come from the rule, for any period
    lines.length = 0;
    expect(await runCli(['meetings', '--data', dataDir, '--care-area', 'SARCOMA', '--from', '2030-05-01', '--to', '2030-06-30'], io)).toBe(0);
    expect(lines).toContain('         2030-05-30  hoppas över: Kristi himmelsfärdsdag');

    lines.length = 0;
    expect(await runCli(['meetings', '--data', dataDir, '--care-area', 'SARCOMA', '--from', from, '--to', to, '--json'], io)).toBe(0);
    const json = JSON.parse(lines.join('\n')) as { meetings: { startTime: string }[] };
    expect(json.meetings.length).toBeGreaterThan(30);
    expect(new Set(json.meetings.map((m) => m.startTime))).toEqual(new Set(['14:00']));

    const out = join(dataDir, 'sarkom.ics');
    lines.length = 0;
    expect(await runCli(['export-ics', '--data', dataDir, '--care-area', 'SARCOMA', '--from', from, '--to', to, '--out', out], io)).toBe(0);
    expect(existsSync(out)).toBe(true);
    const cal = new ICAL.Component(ICAL.parse(readFileSync(out, 'utf8')));
    expect(cal.getAllSubcomponents('vevent')).toHaveLength(json.meetings.length);

    lines.length = 0;
    expect(await runCli(['export-ics', '--data', dataDir, '--care-area', 'SARCOMA', '--from', to, '--to', from, '--out', out], io)).toBe(2);
    expect(lines.join('\n')).toContain('Slutdatum kan inte vara före startdatum');
    expect(await runCli(['meetings', '--data', dataDir], io)).toBe(2);
  });
});
