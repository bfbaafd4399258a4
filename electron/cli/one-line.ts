const MAX_LENGTH = 400;

/**
 * Makes a message safe to print as one line: line breaks, other control characters, bidi controls and lone
 * surrogates (which can come back inside a core message, e.g. an unknown field's name) are shown as \u{…}
 * escapes, so nothing can add lines, move the cursor or reorder what the terminal shows.
 */
export function oneLine(message: string): string {
  const safe = message.replace(
    /[\p{Cc}\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]|\p{Cs}/gu,
    (char) => `\\u{${char.codePointAt(0)!.toString(16)}}`,
  );
  return safe.length > MAX_LENGTH ? `${safe.slice(0, MAX_LENGTH - 1)}…` : safe;
}
