/** The short, non-identifying reference used wherever a client must be named without their name. */
export function formatClientReference(referenceNo: number): string {
  return `C-${String(referenceNo).padStart(4, '0')}`;
}
