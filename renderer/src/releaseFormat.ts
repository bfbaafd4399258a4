import type { ReleaseConsentRecord, ReleaseScope } from '../../shared/release';
import { formatDate } from './format';

export const releaseScopeLabels: Record<ReleaseScope, string> = {
  attendance: 'Attendance only: the dates and number of sessions attended',
  'attendance-and-missed': 'Attendance, and the numbers of missed and cancelled sessions',
};

export const consentStatusLabels: Record<ReleaseConsentRecord['status'], string> = {
  valid: 'Valid',
  'not-yet-signed': 'Not yet in force',
  expired: 'Expired',
  withdrawn: 'Withdrawn',
};

/** "Leeds CMHT (Dr Priya Shah)", or the organisation alone. */
export function recipientLabel(recipient: { organisation: string; person: string | null }): string {
  return recipient.person ? `${recipient.organisation} (${recipient.person})` : recipient.organisation;
}

/** "1 October 2026 to 20 November 2026". */
export function periodLabel(from: string, to: string): string {
  return from === to ? formatDate(from) : `${formatDate(from)} to ${formatDate(to)}`;
}

/** The last part of a chosen file's path: enough to recognise it, without showing the folders it sits in. */
export function fileNameOf(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).pop() ?? path;
}

/** "120 KB": a scan's size. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
