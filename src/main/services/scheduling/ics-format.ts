/**
 * RFC 5545 §3.1 line discipline, applied after the generator: content lines end in CRLF and are
 * folded so no line exceeds 75 OCTETS (UTF-8: å, ä, ö take two), never splitting a character.
 * ical-generator folds by characters and writes DTSTAMP without its Z when a calendar time zone
 * is set, plus a non-standard TIMEZONE-ID property (not an X- name); all are put right here.
 */
export function normaliseIcs(text: string): string {
  const logical = text
    .replace(/\r?\n[ \t]/g, '')
    .split(/\r?\n/)
    .filter((l) => l.length > 0 && !l.startsWith('TIMEZONE-ID:'));
  return logical.map((l) => foldLine(l.replace(/^(DTSTAMP|CREATED|LAST-MODIFIED):(\d{8}T\d{6})$/, '$1:$2Z'))).join('\r\n') + '\r\n';
}

const encoder = new TextEncoder();

export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75; // first line 75 octets; continuation lines carry one space, then up to 74
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    if (octets + size > limit) {
      parts.push(current);
      current = ' ';
      octets = 1;
      limit = 75;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n');
}
