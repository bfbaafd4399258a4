import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../electron/shell/csp';
import { mediaResponse } from '../../../electron/shell/media-response';

describe('a recording as an app:// response', () => {
  it('a stream that fails part-way fails the response: the reader never gets a short body that looks whole', async () => {
    async function* damagedAfterOneChunk() {
      yield Buffer.from('authentic first chunk');
      throw new Error('The file for recording R-0001 is damaged and cannot be read.');
    }
    const response = mediaResponse({
      status: 206,
      headers: { 'Content-Type': 'audio/wav', 'Content-Range': 'bytes 0-99/100', 'Content-Length': '100' },
      body: Readable.from(damagedAfterOneChunk()),
      message: null,
    });
    expect(response.status).toBe(206);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    await expect(response.arrayBuffer()).rejects.toThrow();
  });

  it('a refusal carries its message as text, with the app’s headers', async () => {
    const response = mediaResponse({ status: 409, headers: { 'Cache-Control': 'no-store' }, body: null, message: 'Recording R-0001 was destroyed.' });
    expect(response.status).toBe(409);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await response.text()).toBe('Recording R-0001 was destroyed.');
  });
});
