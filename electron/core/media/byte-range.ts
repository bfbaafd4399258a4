/**
 * The Range header of a media request (RFC 9110 §14), for one file of `size` bytes. Players ask for one range
 * at a time (`bytes=0-`, `bytes=1048576-`, `bytes=-500`); that is all this serves. A header that is not a
 * single byte range is ignored, as the RFC allows, and the whole file is sent; a range starting past the end
 * cannot be satisfied. Hand-written rather than `range-parser`: the grammar for one range is a few lines, and
 * the policy (one range or the whole file, never multipart) is ours to state.
 */
export type ByteRangeRequest =
  | { kind: 'whole' }
  | { kind: 'range'; start: number; end: number }
  | { kind: 'unsatisfiable' };

const SINGLE_RANGE = /^bytes=(\d*)-(\d*)$/;

export function parseByteRange(header: string | null | undefined, size: number): ByteRangeRequest {
  if (header === null || header === undefined) return { kind: 'whole' };
  const match = SINGLE_RANGE.exec(header.trim());
  if (!match) return { kind: 'whole' };
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return { kind: 'whole' };
  if (first === '') {
    // A suffix: the last N bytes.
    const length = Number(last);
    if (!Number.isSafeInteger(length)) return { kind: 'whole' };
    if (length === 0) return { kind: 'unsatisfiable' };
    return { kind: 'range', start: Math.max(size - length, 0), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end)) return { kind: 'whole' };
  if (last !== '' && Number(last) < start) return { kind: 'whole' };
  if (start >= size) return { kind: 'unsatisfiable' };
  return { kind: 'range', start, end };
}
