/** The short, non-identifying reference used wherever a client must be named without their name. */
export function formatClientReference(referenceNo: number): string {
  return `C-${String(referenceNo).padStart(4, '0')}`;
}

/** Cases are referred to as K-0001, so they never read like a client reference (C-0001). */
export function formatCaseReference(referenceNo: number): string {
  return `K-${String(referenceNo).padStart(4, '0')}`;
}
