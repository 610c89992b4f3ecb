import { describe, expect, it } from 'vitest';
import { normaliseFingerprint, serverOrigin } from './connection';

describe('the connection choice: what the user typed', () => {
  it('takes a server address as an HTTPS origin, with or without the scheme', () => {
    expect(serverOrigin(' mdk.sjukhus.se:8443 ')).toBe('https://mdk.sjukhus.se:8443');
    expect(serverOrigin('https://MDK.sjukhus.se/')).toBe('https://mdk.sjukhus.se');
    expect(serverOrigin('https://127.0.0.1:443')).toBe('https://127.0.0.1');
  });

  it('refuses plain HTTP, credentials, paths, queries and bad ports', () => {
    for (const bad of [
      'http://mdk.sjukhus.se',
      'https://user:pw@mdk.sjukhus.se',
      'https://mdk.sjukhus.se/api',
      'mdk.sjukhus.se?x=1',
      'mdk.sjukhus.se:70000',
      '',
      'javascript:alert(1)',
    ])
      expect(serverOrigin(bad), bad).toBeNull();
  });

  it('takes a fingerprint in any case and spacing, empty for the CA, and refuses anything else', () => {
    const fp = 'AB:'.repeat(31) + 'AB';
    expect(normaliseFingerprint(fp.toLowerCase().replace(/:/g, ' '))).toBe(fp);
    expect(normaliseFingerprint('  ')).toBe('');
    expect(normaliseFingerprint('AB:CD')).toBeNull();
  });
});
