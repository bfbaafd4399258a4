import type { ReactNode } from 'react';

/** C-0001, K-0001, R-0001, RC-0001: a reference is one word to the reader. */
const REFERENCE = /\b([A-Z]{1,2}-\d{4,})\b/;

/**
 * Text in which no reference breaks across lines: a browser may wrap after a hyphen, so in a narrow column
 * "case K-0001" became "case K-" and "0001".
 */
export function WholeReferences({ text }: { text: string }): ReactNode {
  return text.split(REFERENCE).map((part, index) =>
    index % 2 === 1 ? (
      <span key={index} className="nowrap">
        {part}
      </span>
    ) : (
      part
    ),
  );
}
