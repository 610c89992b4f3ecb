import { describe, expect, it } from 'vitest';
import { foldLine, normaliseIcs } from './ics-format';

const octets = (s: string) => Buffer.byteLength(s, 'utf8');

describe('RFC 5545 line folding by octets', () => {
  it('never puts more than 75 octets on a line and never splits å, ä, ö', () => {
    // 73 ASCII octets, then "å" (2 octets) would reach exactly 75; a further "ä" must move to the next line
    const line = 'SUMMARY:' + 'x'.repeat(65) + 'åäö' + 'ö'.repeat(100);
    const folded = foldLine(line).split('\r\n');
    expect(folded[0]).toBe('SUMMARY:' + 'x'.repeat(65) + 'å');
    expect(octets(folded[0])).toBe(75);
    for (const l of folded) expect(octets(l)).toBeLessThanOrEqual(75);
    for (const l of folded.slice(1)) expect(l.startsWith(' ')).toBe(true);
    expect(folded.map((l, i) => (i === 0 ? l : l.slice(1))).join('')).toBe(line);
  });

  it('leaves short lines alone, refolds the generator’s folding, ends with CRLF and puts Z on DTSTAMP', () => {
    const text = 'BEGIN:VCALENDAR\r\nTIMEZONE-ID:Europe/Stockholm\r\nDTSTAMP:20261123T080000\r\nSUMMARY:ab\r\n cd\r\nEND:VCALENDAR';
    expect(normaliseIcs(text)).toBe('BEGIN:VCALENDAR\r\nDTSTAMP:20261123T080000Z\r\nSUMMARY:abcd\r\nEND:VCALENDAR\r\n');
  });
});
