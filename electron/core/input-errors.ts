import type { z } from 'zod';
import type { CallError } from '../../shared/errors';

/**
 * Turning validation failures into messages for people. The schemas in shared/ carry their own messages;
 * `plainFallback` covers anything they miss, so zod's defaults ("expected string, received undefined",
 * "No matching discriminator", "Invalid ISO date") never reach anyone.
 */

/** "dateOfBirth" → "Date of birth"; "equality.gender" → "Gender". */
function labelOf(path: readonly PropertyKey[]): string {
  const last = [...path].reverse().find((part): part is string => typeof part === 'string');
  if (last === undefined) return 'The input';
  const words = last.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const typeWords: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a set of named fields',
};

export function plainFallback(issue: z.core.$ZodRawIssue): string {
  const label = labelOf(issue.path ?? []);
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? `${label} is required` : `${label} must be ${typeWords[issue.expected] ?? 'something else'}`;
    case 'too_big':
      return `${label} is too long or too large`;
    case 'too_small':
      return `${label} is too short or too small`;
    case 'invalid_value':
      return `${label} must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'unrecognized_keys':
      return unknownFields(issue.keys);
    default:
      return `${label} is not valid`;
  }
}

const UNPRINTABLE = /[\p{Cc}\p{Cs}\p{Bidi_Control}]/gu;

/**
 * A name the caller sent (a field, a method), fit to show: cut short, with control, direction and broken
 * characters written as \u{…}, so a message can never carry a terminal escape or reorder what follows it.
 */
export function printable(name: string, max = 40): string {
  const chars = [...name];
  const cut = chars.length > max ? `${chars.slice(0, max).join('')}…` : name;
  return cut.replace(UNPRINTABLE, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
}

function unknownFields(keys: readonly string[]): string {
  const shown = keys.slice(0, 5).map((key) => printable(key));
  const more = keys.length > 5 ? ` and ${keys.length - 5} more` : '';
  return `Unknown field${keys.length > 1 ? 's' : ''}: ${shown.join(', ')}${more}`;
}

/** One message per field, the first rule it breaks; the call's message is the first field's. */
export function invalidInput(error: z.ZodError): CallError {
  const byPath = new Map<string, string>();
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.');
    const message = issue.code === 'unrecognized_keys' ? unknownFields(issue.keys) : issue.message;
    if (!byPath.has(path)) byPath.set(path, message);
  }
  const issues = [...byPath].map(([path, message]) => ({ path, message }));
  return { code: 'invalid-input', message: issues[0]?.message ?? 'The input is not valid.', issues };
}
