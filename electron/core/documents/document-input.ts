import { z } from 'zod';
import { ConfideError } from '../errors';

// Line breaks, tabs and invisible format characters (bidi overrides among them, which can make printed
// text read in a different order from the stored text) have no place in a name or heading.
const CONTROL = /[\p{Cc}\p{Cf}\u2028\u2029]/u;

/** One line of text for a document: trimmed, present, bounded, printable. */
export const line = (label: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, `${label} is missing`)
    .max(max, `${label} is longer than ${max} characters`)
    .refine((value) => !CONTROL.test(value), `${label} contains a line break or an invisible control character`);

export const calendarDate = (label: string) => z.iso.date(`${label} must be a date (YYYY-MM-DD)`);

export const count = (label: string) =>
  z.number().int(`${label} must be a whole number`).min(0, `${label} cannot be negative`).max(1_000_000, `${label} is too large`);

/**
 * Checks a document's input against its schema. A failure is the caller's bug or bad settings, so the
 * message names the field but never repeats the value (it may be a client's name).
 */
export function parseDocumentInput<T>(schema: z.ZodType<T>, value: unknown, documentName: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue?.path.length ? ` (${issue.path.join('.')})` : '';
  throw new ConfideError('invalid-input', `The ${documentName} cannot be made: ${issue?.message ?? 'its details are not valid'}${where}.`);
}

/** Refuses text the document's font cannot print, rather than printing empty boxes in its place. */
export function assertPrintable(fields: ReadonlyArray<readonly [label: string, text: string | undefined]>, missing: (text: string) => string[], documentName: string): void {
  for (const [label, text] of fields) {
    if (text === undefined) continue;
    // The characters themselves are not named: they are part of someone's name.
    if (missing(text).length > 0) {
      throw new ConfideError(
        'invalid-input',
        `The ${documentName} cannot be made: ${label} has characters its typeface cannot print (it prints Latin, Greek and Cyrillic letters).`,
      );
    }
  }
}
