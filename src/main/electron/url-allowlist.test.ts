import { describe, expect, it } from 'vitest';
import { appUrlToRelativePath, isAllowedExternalUrl, isAppUrl } from './url-allowlist';

describe('URL allow-list', () => {
  it('accepts only the app origin', () => {
    expect(isAppUrl('app://mdk/index.html')).toBe(true);
    expect(isAppUrl('app://other/index.html')).toBe(false);
    expect(isAppUrl('file:///etc/passwd')).toBe(false);
    expect(isAppUrl('https://mdk/')).toBe(false);
    expect(isAppUrl('javascript:alert(1)')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });

  it('opens externally only https links to listed hosts without credentials or ports', () => {
    expect(isAllowedExternalUrl('https://www.1177.se/sjukdomar')).toBe(true);
    expect(isAllowedExternalUrl('http://www.1177.se/')).toBe(false);
    expect(isAllowedExternalUrl('https://user:pw@www.1177.se/')).toBe(false);
    expect(isAllowedExternalUrl('https://www.1177.se:8443/')).toBe(false);
    expect(isAllowedExternalUrl('https://www.1177.se.evil.example/')).toBe(false);
    expect(isAllowedExternalUrl('file:///C:/Windows')).toBe(false);
  });

  it('maps app URLs to files below the renderer folder and refuses traversal', () => {
    expect(appUrlToRelativePath('app://mdk/')).toBe('index.html');
    expect(appUrlToRelativePath('app://mdk/referrals/12')).toBe('index.html');
    expect(appUrlToRelativePath('app://mdk/assets/index-abc.js')).toBe('assets/index-abc.js');
    // The URL parser resolves dot segments, so an encoded ../ stays inside the renderer folder.
    expect(appUrlToRelativePath('app://mdk/%2e%2e/%2e%2e/secret.txt')).toBe('secret.txt');
    expect(appUrlToRelativePath('app://mdk/..%5c..%5cwin.ini')).toBeNull();
    expect(appUrlToRelativePath('https://example.com/x.js')).toBeNull();
  });
});
