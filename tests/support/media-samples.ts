import { randomBytes } from 'node:crypto';

/**
 * The first bytes of each format Confide accepts or refuses, as the real formats lay them out, so a test can
 * make a file of any size that sniffs as that format (the rest is random bytes).
 */
const ascii = (text: string) => Buffer.from(text, 'latin1');
const bytes = (...values: number[]) => Buffer.from(values);

function ebml(docType: string): Buffer {
  const children = Buffer.concat([
    bytes(0x42, 0x86, 0x81, 0x01), // EBMLVersion 1
    bytes(0x42, 0xf7, 0x81, 0x01), // EBMLReadVersion 1
    bytes(0x42, 0xf2, 0x81, 0x04), // EBMLMaxIDLength 4
    bytes(0x42, 0xf3, 0x81, 0x08), // EBMLMaxSizeLength 8
    bytes(0x42, 0x82, 0x80 | docType.length),
    ascii(docType),
    bytes(0x42, 0x87, 0x81, 0x04), // DocTypeVersion
    bytes(0x42, 0x85, 0x81, 0x02), // DocTypeReadVersion
  ]);
  return Buffer.concat([bytes(0x1a, 0x45, 0xdf, 0xa3, 0x80 | children.length), children]);
}

function ftyp(brand: string): Buffer {
  return Buffer.concat([bytes(0, 0, 0, 0x18), ascii('ftyp'), ascii(brand), bytes(0, 0, 2, 0), ascii('isom'), ascii('mp41')]);
}

function oggPage(packetStart: Buffer): Buffer {
  // 27-byte page header with one segment, the segment table, then the first packet's start.
  return Buffer.concat([ascii('OggS'), bytes(0, 2), Buffer.alloc(8), bytes(1, 0, 0, 0), Buffer.alloc(8), bytes(1, 30), packetStart]);
}

function riff(form: string): Buffer {
  return Buffer.concat([ascii('RIFF'), bytes(0x24, 0, 0, 0), ascii(form), ascii('fmt '), bytes(16, 0, 0, 0, 1, 0, 1, 0, 0x40, 0x1f, 0, 0, 0x80, 0x3e, 0, 0, 2, 0, 16, 0)]);
}

export const acceptedRecordings = {
  mp4: { head: ftyp('isom'), contentType: 'video/mp4' },
  m4a: { head: ftyp('M4A '), contentType: 'audio/mp4' },
  webm: { head: ebml('webm'), contentType: 'video/webm' },
  mkv: { head: ebml('matroska'), contentType: 'video/x-matroska' },
  'ogg (vorbis)': { head: oggPage(ascii('\x01vorbis')), contentType: 'audio/ogg' },
  'ogg (opus)': { head: oggPage(ascii('OpusHead')), contentType: 'audio/ogg' },
  wav: { head: riff('WAVE'), contentType: 'audio/wav' },
  'mp3 (ID3 tag)': { head: Buffer.concat([ascii('ID3'), bytes(4, 0, 0, 0, 0, 0, 0), bytes(0xff, 0xfb, 0x90, 0x64)]), contentType: 'audio/mpeg' },
  'mp3 (frame)': { head: bytes(0xff, 0xfb, 0x90, 0x64, 0, 0, 0, 0), contentType: 'audio/mpeg' },
  flac: { head: Buffer.concat([ascii('fLaC'), bytes(0x80, 0, 0, 0x22), Buffer.alloc(34, 0x11)]), contentType: 'audio/flac' },
} as const;

export const acceptedScans = {
  pdf: { head: ascii('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n'), contentType: 'application/pdf' },
  png: {
    head: Buffer.concat([bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), bytes(0, 0, 0, 13), ascii('IHDR'), bytes(0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0), bytes(0x90, 0x77, 0x53, 0xde), bytes(0, 0, 0, 12), ascii('IDAT')]),
    contentType: 'image/png',
  },
  jpeg: { head: Buffer.concat([bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10), ascii('JFIF\0'), bytes(1, 1, 0, 0, 1, 0, 1, 0, 0)]), contentType: 'image/jpeg' },
} as const;

/** Files that are not recordings or scans, including look-alikes from the same container families. */
export const refused = {
  'plain text': ascii('Session notes, typed by mistake into the upload box.\n'),
  'AVI (RIFF, not WAVE)': riff('AVI '),
  'HEIC photo (ISO media, not a movie)': ftyp('heic'),
  'ZIP archive': Buffer.concat([ascii('PK'), bytes(3, 4, 20, 0, 0, 0, 8, 0)]),
  'Windows program': Buffer.concat([ascii('MZ'), Buffer.alloc(62)]),
} as const;

/** `head` followed by random bytes up to `size`. */
export function sampleFile(head: Buffer, size: number): Buffer {
  const out = randomBytes(size);
  head.copy(out, 0, 0, Math.min(head.length, size));
  return out;
}
