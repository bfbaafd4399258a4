import { z } from 'zod';

/**
 * The rules every text input obeys, in one place: what characters a field may hold, and the zod schemas
 * that apply them with messages written for people. Every schema bounds the length before any pattern
 * runs, so no input can make a regular expression run away (a 7 MB address once overflowed the stack).
 */

/**
 * What a field holds decides which characters it may contain.
 * - `name`: a person's or practice's name: one line, no text-direction controls, something visible.
 * - `line`: other one-line text (phone, GP practice, search): no control characters, no text-direction
 *   controls (they can make digits or a neighbouring reference display reversed).
 * - `lines`: free text (notes, addresses): tabs and line breaks allowed; right-to-left marks allowed,
 *   since prose mixing scripts needs them.
 * - `secret`: a new passphrase: any well-formed text without control characters.
 * - `entered-secret`: a passphrase typed to prove who you are: any well-formed text, so an old one works.
 */
export type TextKind = 'name' | 'line' | 'lines' | 'secret' | 'entered-secret';

export type TextProblem = 'broken' | 'control' | 'direction' | 'invisible';

// A lone surrogate cannot be encoded: UTF-8 turns every one into U+FFFD, so two different inputs would be
// stored (or derive a key) alike.
const LONE_SURROGATE = /\p{Cs}/u;
const CONTROL = /\p{Cc}/u;
const CONTROL_EXCEPT_LAYOUT = /[^\P{Cc}\t\n\r]/u;
const DIRECTION_CONTROL = /\p{Bidi_Control}/u;
/**
 * Something that draws ink: not a space, not a default-ignorable (zero-width, fillers), not a lone mark, and
 * not the blank Braille pattern (U+2800), which is a "symbol" that shows as nothing.
 */
const VISIBLE = /(?![\p{White_Space}\p{Default_Ignorable_Code_Point}\u2800])\p{Grapheme_Base}/u;

/** The first rule a value breaks for its kind, or null. Callers bound the length first. */
export function textProblem(value: string, kind: TextKind): TextProblem | null {
  if (LONE_SURROGATE.test(value)) return 'broken';
  if (kind === 'entered-secret') return null;
  if ((kind === 'lines' ? CONTROL_EXCEPT_LAYOUT : CONTROL).test(value)) return 'control';
  if ((kind === 'name' || kind === 'line') && DIRECTION_CONTROL.test(value)) return 'direction';
  if (kind === 'name' && value !== '' && !VISIBLE.test(value)) return 'invisible';
  return null;
}

export function textProblemMessage(label: string, problem: TextProblem, kind: TextKind): string {
  switch (problem) {
    case 'broken':
      return `${label} contains a broken character (often half of an emoji). Type it again.`;
    case 'control':
      return kind === 'lines'
        ? `${label} cannot contain control characters`
        : `${label} cannot contain control characters such as tabs or line breaks`;
    case 'direction':
      return `${label} cannot contain text-direction control characters; type it instead of pasting it`;
    case 'invisible':
      return `${label} must include at least one letter or other visible character`;
  }
}

/** "Name is required" when missing, "Name must be text" for a number, a list or anything else. */
export const requiredOrType =
  (label: string, what: string) =>
  (issue: { input?: unknown }): string =>
    issue.input === undefined ? `${label} is required` : `${label} must be ${what}`;

export interface TextOptions {
  max: number;
  kind: TextKind;
  /** Refused when empty (after trimming), with this message; `${label} is required` by default. */
  required?: boolean | string;
  /** Leading and trailing spaces are dropped, except from passphrases, where every character counts. */
  trim?: boolean;
}

/**
 * JavaScript's trim drops U+FEFF as if it were a space, so a name of nothing else would pass as "not given";
 * a value of only invisible characters is kept whole instead, for the visibility rule to refuse it.
 */
function trimName(value: string): string {
  const trimmed = value.trim();
  return trimmed === '' && !/^\p{White_Space}*$/u.test(value) ? value : trimmed;
}

/** A string field with its label in every message. The length is bounded before any other rule runs. */
export function text(label: string, { max, kind, required = false, trim = kind !== 'secret' && kind !== 'entered-secret' }: TextOptions) {
  let schema = z.string({ error: requiredOrType(label, 'text') });
  if (trim) schema = kind === 'name' ? schema.overwrite(trimName) : schema.trim();
  // `abort` stops every later rule, so no pattern ever sees an over-long value.
  schema = schema.max(max, { error: `${label} must be at most ${max} characters`, abort: true });
  if (required !== false) {
    schema = schema.min(1, { error: typeof required === 'string' ? required : `${label} is required`, abort: true });
  }
  return schema.superRefine((value, ctx) => {
    const problem = textProblem(value, kind);
    if (problem) ctx.addIssue({ code: 'custom', message: textProblemMessage(label, problem, kind), input: value });
  });
}

/**
 * A bounded string checked against a pattern: the pattern runs only on values within the bound.
 * `format` says what is wanted, e.g. "an email address like name@example.org".
 */
export function patterned(label: string, { max, pattern, invalid }: { max: number; pattern: RegExp; invalid: string }) {
  return z
    .string({ error: requiredOrType(label, 'text') })
    .max(max, { error: `${label} must be at most ${max} characters`, abort: true })
    .regex(pattern, { error: invalid });
}
