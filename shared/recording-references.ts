/** A recording is referred to as R-0001 and a recording consent as RC-0001: references that name no one. */
export function formatRecordingReference(referenceNo: number): string {
  return `R-${String(referenceNo).padStart(4, '0')}`;
}

export function formatRecordingConsentReference(referenceNo: number): string {
  return `RC-${String(referenceNo).padStart(4, '0')}`;
}
