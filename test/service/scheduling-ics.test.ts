import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { testCore, withWorkplace } from './helpers';
import type { FilePayload } from '../../src/shared/api/files';

const NOW = new Date('2026-11-23T08:00:00Z');
const text = (f: FilePayload) => Buffer.from(f.base64, 'base64').toString('utf8');

async function seriesWithPeople() {
  const t = await testCore({ now: () => NOW });
  const { ref } = await withWorkplace(t.api);
  const unitId = ref.units[0].id;
  const a = await t.api.call('people.save', { name: 'Åsa Öberg-Långström', role: 'surgeon', unitId, email: 'asa@example.se' });
  const b = await t.api.call('people.save', { name: 'Per Lind', role: 'oncologist', unitId, email: 'per@example.se' });
  const c = await t.api.call('people.save', { name: 'Utan Epost', role: 'pathologist', unitId });
  const { id } = await t.api.call('series.save', {
    careAreaCode: 'PENILE',
    name: 'Nationell MDK peniscancer – Örebro och Malmö växlar ordförandeskap',
    weekday: 4,
    startTime: '14:00',
    durationMinutes: 90,
    frequency: 'weekly',
    firstDate: '2027-03-01',
    lastDate: '2027-04-30',
    deadlineWorkingDays: 2,
    deadlineTime: '12:00',
    holidayPolicy: 'skip',
    location: 'Videomöte, sal Ängsö på våning två i Hälsovägen Östra, Göteborg (för de som är på plats)',
    videoLink: 'https://video.example.se/mdk-penis',
    minutesPerCase: 6,
    capacityCases: 12,
    requiredRoles: ['surgeon', 'oncologist'],
    participantIds: [a.id, b.id, c.id],
  });
  return { ...t, seriesId: id };
}

describe('iCalendar export, read back with ical.js', () => {
  it('writes CRLF lines folded at 75 octets with a Stockholm VTIMEZONE, stable UIDs and attendees', async () => {
    const { api, seriesId } = await seriesWithPeople();
    const { files, meetingCount } = await api.call('meetings.exportIcs', { seriesId });
    expect(files).toHaveLength(1);
    const ics = text(files[0]);
    expect(files[0].mimeType).toMatch(/^text\/calendar/);

    // RFC 5545 §3.1: every line ends in CRLF and holds at most 75 octets; no bare LF.
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = ics.split('\r\n').slice(0, -1);
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8'), line).toBeLessThanOrEqual(75);
    // the long Swedish texts really were folded, and no character was split (the file is valid UTF-8)
    expect(lines.some((l) => l.startsWith(' '))).toBe(true);
    expect(Buffer.from(ics, 'utf8').toString('utf8')).toBe(ics);

    const cal = new ICAL.Component(ICAL.parse(ics));
    expect(cal.getFirstPropertyValue('method')).toBe('REQUEST');
    const tz = cal.getFirstSubcomponent('vtimezone')!;
    expect(tz.getFirstPropertyValue('tzid')).toBe('Europe/Stockholm');
    ICAL.TimezoneService.register(tz);
    const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events).toHaveLength(meetingCount);
    // 2027: Good Friday is 26 March, Easter Monday 29 March: the Thursdays in March–April are all kept
    expect(events.map((e) => e.startDate.toString().slice(0, 10))).toEqual([
      '2027-03-04',
      '2027-03-11',
      '2027-03-18',
      '2027-03-25',
      '2027-04-01',
      '2027-04-08',
      '2027-04-15',
      '2027-04-22',
      '2027-04-29',
    ]);
    // 14:00 Stockholm on both sides of the change to summer time (28 March 2027)
    const before = events[3];
    const after = events[4];
    expect(before.startDate.toString()).toBe('2027-03-25T14:00:00');
    expect(before.startDate.toJSDate().toISOString()).toBe('2027-03-25T13:00:00.000Z');
    expect(after.startDate.toJSDate().toISOString()).toBe('2027-04-01T12:00:00.000Z');
    expect(after.endDate.toJSDate().toISOString()).toBe('2027-04-01T13:30:00.000Z');
    expect(before.summary).toBe('nMDK Peniscancer, kurativt syftande kirurgi');
    expect(before.location).toContain('Ängsö');
    expect(before.description).toContain('Sista anmälan: 2027-03-23 12:00');
    expect(before.sequence).toBe(0);
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
    const attendees = before.attendees.map((p) => [p.getParameter('cn'), String(p.getFirstValue()).toLowerCase()]);
    expect(attendees).toEqual([
      ['Per Lind', 'mailto:per@example.se'],
      ['Åsa Öberg-Långström', 'mailto:asa@example.se'],
    ]);
    expect(before.organizer).toMatch(/^mailto:/i);
    const stamp = events[0].component.getFirstProperty('dtstamp')!.getFirstValue() as ICAL.Time;
    expect(stamp.zone?.tzid).toBe('UTC');
  });

  it('keeps the UID, raises SEQUENCE and sends METHOD:CANCEL for a cancelled meeting', async () => {
    const { api, seriesId } = await seriesWithPeople();
    const { meetings } = await api.call('meetings.list', { seriesId, from: '2027-03-01', to: '2027-03-31' });
    const first = (await api.call('meetings.exportIcs', { meetingId: meetings[0].id })).files[0];
    const uid = new ICAL.Event(new ICAL.Component(ICAL.parse(text(first))).getFirstSubcomponent('vevent')!).uid;

    await api.call('meetings.cancel', { id: meetings[0].id, reason: 'Ordförande på kongress' });
    const { files } = await api.call('meetings.exportIcs', { meetingId: meetings[0].id });
    const cal = new ICAL.Component(ICAL.parse(text(files[0])));
    expect(cal.getFirstPropertyValue('method')).toBe('CANCEL');
    const ev = new ICAL.Event(cal.getFirstSubcomponent('vevent')!);
    expect(ev.uid).toBe(uid);
    expect(ev.sequence).toBe(1);
    expect(ev.component.getFirstPropertyValue('status')).toBe('CANCELLED');

    // A range holding both: invitations and cancellations come as two files, one METHOD each.
    const both = await api.call('meetings.exportIcs', { careAreaCode: 'PENILE', from: '2027-03-01', to: '2027-03-31' });
    expect(both.files.map((f) => f.fileName)).toEqual(['nmdk-penile-2027-03-01-2027-03-31.ics', 'nmdk-penile-2027-03-01-2027-03-31-installda.ics']);
    expect(both.files.map((f) => new ICAL.Component(ICAL.parse(text(f))).getFirstPropertyValue('method'))).toEqual(['REQUEST', 'CANCEL']);
  });

  it('says so when there is nothing to export', async () => {
    const { api } = await seriesWithPeople();
    await expect(api.call('meetings.exportIcs', { careAreaCode: 'ANAL', from: '2027-01-01', to: '2027-01-31' })).rejects.toMatchObject({
      issues: [{ path: 'from', messageKey: 'ics.noMeetings' }],
    });
  });
});
