import { z } from 'zod';
import { patterned, requiredOrType, text } from './text';

/**
 * Schemas for the fields that are not free text (ids, choices, numbers, lists), each with its label in
 * every message, so nothing zod says by default ("expected string, received undefined") reaches a person.
 */

const UUID = z.regexes.uuid();

/** A record's id, e.g. "Client id". Ids are 36 characters; nothing longer reaches the pattern. */
export const idField = (label: string) =>
  patterned(label, { max: 36, pattern: UUID, invalid: `${label} is not valid: an id looks like 3f2b8c1e-9d4a-4c2e-8f1a-2b3c4d5e6f70` });

/** One of a fixed set of values; the message lists them (a long set only by its first few). */
export function choice<const T extends readonly [string, ...string[]]>(label: string, values: T) {
  const shown = values.slice(0, 6).map((v) => `"${v}"`).join(', ');
  const listed = values.length > 6 ? `${shown} or another of the ${values.length} listed` : shown;
  return z.enum(values, {
    error: (issue) => (issue.input === undefined ? `${label} is required` : `${label} must be one of ${listed}`),
  });
}

export const yesNo = (label: string) => z.boolean({ error: requiredOrType(label, 'true or false') });

/** A whole number between `min` and `max`, with the unit in the message ("minutes"). */
export function wholeNumber(label: string, { min, max, unit, tooSmall, tooBig }: { min: number; max: number; unit: string; tooSmall?: string; tooBig?: string }) {
  return z
    .number({ error: requiredOrType(label, `a number of ${unit}`) })
    .int({ error: `${label} must be a whole number of ${unit}` })
    .min(min, { error: tooSmall ?? `${label} must be at least ${min} ${unit}` })
    .max(max, { error: tooBig ?? `${label} must be at most ${max} ${unit}` });
}

/** A list of up to `max` items. */
export function listOf<T extends z.ZodType>(label: string, item: T, { min = 0, max, tooFew, tooMany }: { min?: number; max: number; tooFew?: string; tooMany?: string }) {
  return z
    .array(item, { error: requiredOrType(label, 'a list') })
    .min(min, { error: tooFew ?? `${label} needs at least ${min}` })
    .max(max, { error: tooMany ?? `${label} can have at most ${max}` });
}

/** The input of every method: named fields, none unknown (the core names any unknown field). */
export const fields = <S extends z.core.$ZodLooseShape>(shape: S) =>
  z.strictObject(shape, {
    error: (issue) => (issue.code === 'invalid_type' ? 'The input must be a set of named fields, like {"name": "…"}' : undefined),
  });

/** A group of fields inside the input, e.g. "Equality monitoring". */
export const group = <S extends z.core.$ZodLooseShape>(label: string, shape: S) =>
  z.strictObject(shape, {
    error: (issue) => (issue.code === 'invalid_type' ? requiredOrType(label, 'a set of named fields')(issue) : undefined),
  });

/**
 * The path of a file on this computer, as the system's file dialog (or the CLI) gives it. A path is not client
 * data; it is one line, bounded, with no control or text-direction characters.
 */
export const filePath = (label: string, required: string) => text(label, { max: 4096, kind: 'line', required });
