/** The short, non-identifying reference used wherever a client must be named without their name. */
export function formatClientReference(referenceNo: number): string {
  return `C-${String(referenceNo).padStart(4, '0')}`;
}

/** Cases are referred to as K-0001, so they never read like a client reference (C-0001). */
export function formatCaseReference(referenceNo: number): string {
  return `K-${String(referenceNo).padStart(4, '0')}`;
}

export type ReferenceKind = 'client' | 'case';

export interface ParsedReference {
  kind: ReferenceKind;
  referenceNo: number;
}

/** Reads a reference as people type it: `C-0001`, `c-1`, ` K-0012 `; null when the text is not one. */
export function parseReference(text: string): ParsedReference | null {
  const match = /^\s*([CcKk])-(\d{1,9})\s*$/.exec(text);
  if (!match) return null;
  const referenceNo = Number(match[2]);
  if (referenceNo < 1) return null;
  return { kind: match[1]!.toUpperCase() === 'C' ? 'client' : 'case', referenceNo };
}
