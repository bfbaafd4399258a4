import type { Readable } from 'node:stream';
import type { ErrorCode } from '../../../shared/errors';
import { recordingId as recordingIdField } from '../../../shared/recordings';
import { enterRead, enterRefusedRead } from '../audited-call';
import { ConfideError } from '../errors';
import { playableRecording, readPlayable } from '../services/recordings';
import type { VaultState } from '../vault-state';
import { parseByteRange } from './byte-range';

/**
 * The answer to a request for a recording's bytes, for a door to send as HTTP: the Electron app:// handler
 * and the e2e harness alike. `body` streams decrypted chunks (never the whole file, never a temp file); a
 * stream that meets damage part-way fails with an error naming the recording, and the door must abort the
 * response rather than end it, so a player never takes a cut file for a whole one. A refusal has no body and
 * says why in `message`.
 */
export interface MediaResponse {
  status: 200 | 206 | 403 | 404 | 409 | 416 | 500;
  headers: Record<string, string>;
  body: Readable | null;
  message: string | null;
}

const STATUS_OF: Partial<Record<ErrorCode, MediaResponse['status']>> = {
  'not-found': 404,
  forbidden: 403,
  'vault-locked': 403,
  conflict: 409,
  'invalid-input': 416,
};

const NO_STORE = { 'Cache-Control': 'no-store' };

function refusal(status: MediaResponse['status'], message: string, headers: Record<string, string> = {}): MediaResponse {
  return { status, headers: { ...NO_STORE, ...headers }, body: null, message };
}

/**
 * Serves `recordingId` to the player, byte range and all, under the same rules as every read: only the
 * therapist of the recording's case plays it, and only while the recording is kept. A new playback (a request
 * from the first byte, or the recording's first since unlock) is entered in the audit log as `recording.play`
 * before a byte goes out; the further range requests a player makes as it seeks are not, or one playback would
 * leave dozens of entries (as with the autosaves of a draft). A refused request is entered as an attempt.
 */
export async function readRecording(state: VaultState, recordingId: string, rangeHeader: string | null): Promise<MediaResponse> {
  const id = recordingIdField.safeParse(recordingId);
  if (!id.success) return refusal(404, 'That recording was not found.');
  try {
    const ctx = state.services();
    const playable = playableRecording(ctx, id.data);
    const range = parseByteRange(rangeHeader, playable.size);
    if (range.kind === 'unsatisfiable') {
      return refusal(416, 'The requested part of the recording lies outside it.', { 'Content-Range': `bytes */${playable.size}` });
    }
    const start = range.kind === 'range' ? range.start : 0;
    const end = range.kind === 'range' ? range.end : playable.size - 1;
    if (state.firstPlaySinceUnlock(id.data) || start === 0) {
      enterRead(state, 'recording.play', id.data, { from: start, bytes: end - start + 1 });
    }
    const body = await readPlayable(ctx, playable, range.kind === 'range' ? { start, end } : undefined);
    state.trackRead(body, playable.fileId);
    return {
      status: range.kind === 'range' ? 206 : 200,
      headers: {
        ...NO_STORE,
        'Content-Type': playable.contentType,
        'Content-Length': String(end - start + 1),
        'Accept-Ranges': 'bytes',
        ...(range.kind === 'range' ? { 'Content-Range': `bytes ${start}-${end}/${playable.size}` } : {}),
      },
      body,
      message: null,
    };
  } catch (error) {
    const known = error instanceof ConfideError ? error : null;
    const code: ErrorCode = known?.code ?? 'internal';
    enterRefusedRead(state, 'recording.play', id.data, code);
    return refusal(STATUS_OF[code] ?? 500, known?.message ?? 'Confide could not play this recording because of an internal error.');
  }
}
