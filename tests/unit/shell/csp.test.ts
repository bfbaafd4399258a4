import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { appResponseHeaders, CONTENT_SECURITY_POLICY } from '../../../electron/shell/csp';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );
}

describe('content security policy', () => {
  const policy = directives(CONTENT_SECURITY_POLICY);

  it('is exactly the agreed policy', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; media-src 'self'; " +
        "connect-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
  });

  it('denies everything not named', () => {
    expect(policy.get('default-src')).toEqual(["'none'"]);
  });

  it('allows only our own scripts: no inline, no eval, no remote hosts', () => {
    const scripts = policy.get('script-src') ?? [];
    expect(scripts).toEqual(["'self'"]);
    for (const forbidden of ["'unsafe-inline'", "'unsafe-eval'", "'wasm-unsafe-eval'", 'http:', 'https:', '*', 'data:', 'blob:']) {
      expect(CONTENT_SECURITY_POLICY).not.toContain(`script-src ${forbidden}`);
      expect(scripts).not.toContain(forbidden);
    }
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe');
  });

  it('allows no connections, plugins, forms, base changes or framing', () => {
    expect(policy.get('connect-src')).toEqual(["'none'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('plays media only from the app itself: no remote, data: or blob: sources', () => {
    expect(policy.get('media-src')).toEqual(["'self'"]);
  });

  it('the page’s own meta policy (which applies as well as the header) allows media from the app too', () => {
    const html = readFileSync(new URL('../../../renderer/index.html', import.meta.url), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(directives(meta).get('media-src')).toEqual(["'self'"]);
  });

  it('names no remote source anywhere', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|wss?:|\*/);
  });

  it('is sent with every app:// response, with no sniffing and no caching', () => {
    const headers = appResponseHeaders('text/html; charset=utf-8');
    expect(headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(headers['Content-Type']).toBe('text/html; charset=utf-8');
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['Cache-Control']).toBe('no-store');
  });
});
