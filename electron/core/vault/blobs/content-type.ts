import { fileTypeFromBuffer } from 'file-type/core';
import { ConfideError } from '../../errors';

/** What a blob is for: a session recording, or a scan of a signed form. */
export type BlobKind = 'recording' | 'scan';

/**
 * Accepted formats by what file-type recognises from the magic bytes, and the content type Confide serves
 * them with. Recordings are limited to what Chromium plays, since they are viewed in the app; an AVI or a
 * HEIC photo (also an ISO media file) is refused rather than stored and never playable.
 */
const ACCEPTED: Record<BlobKind, Readonly<Record<string, string>>> = {
  recording: {
    mp4: 'video/mp4',
    m4v: 'video/mp4',
    m4a: 'audio/mp4',
    webm: 'video/webm',
    mkv: 'video/x-matroska',
    ogg: 'audio/ogg',
    oga: 'audio/ogg',
    opus: 'audio/ogg',
    ogv: 'video/ogg',
    wav: 'audio/wav',
    mp3: 'audio/mpeg',
    flac: 'audio/flac',
  },
  scan: {
    pdf: 'application/pdf',
    png: 'image/png',
    jpg: 'image/jpeg',
  },
};

const refused: Record<BlobKind, () => ConfideError> = {
  recording: () =>
    new ConfideError(
      'invalid-input',
      'This file is not an audio or video recording Confide can play. Choose an MP4, M4A, WebM, MKV, Ogg, WAV, MP3 or FLAC file.',
    ),
  scan: () => new ConfideError('invalid-input', 'This file is not a scan Confide can show. Choose a PDF, PNG or JPEG file.'),
};

/** The content type of a file from its first bytes (the first chunk is plenty), or a clear refusal. */
export async function sniffContentType(head: Uint8Array, kind: BlobKind): Promise<string> {
  // A malformed file can make the parser throw; it is then simply not a file we accept.
  const detected = await fileTypeFromBuffer(head).catch(() => undefined);
  const accepted = ACCEPTED[kind];
  if (!detected || !Object.hasOwn(accepted, detected.ext)) throw refused[kind]();
  return accepted[detected.ext]!;
}
