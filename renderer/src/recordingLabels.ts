import type { RecordingConsentRecord, RecordingRecord } from '../../shared/recordings';
import { recordingUseLabels, type RecordingUse } from '../../shared/rules/recordings';
import { formatDate, formatSessionStart } from './format';

/** Words for recordings and their consents, shared by the client file, the register and the player. */

export { recordingUseLabels };

/** "Clinical supervision and training"; "Other (Teaching at a conference)". */
export function describeUses(uses: readonly RecordingUse[], otherUse: string | null = null): string {
  const words = uses.map((use, index) => {
    const label = index === 0 ? recordingUseLabels[use] : recordingUseLabels[use].toLowerCase();
    return use === 'other' && otherUse ? `${label} (${otherUse})` : label;
  });
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

export const consentStatusLabels: Record<RecordingConsentRecord['status'], string> = {
  'in-force': 'In force',
  withdrawn: 'Withdrawn',
  expired: 'Expired',
  'past-destruction-date': 'Past its destruction date',
  'not-yet-signed': 'Not yet signed',
};

export const recordingStatusLabels: Record<RecordingRecord['status'], string> = {
  available: 'Kept',
  'past-destruction-date': 'Past its destruction date',
  destroyed: 'Destroyed',
};

/** "Every session of case K-0001, later ones included" or "Sessions of 2 November 2026 and 9 November 2026 (case K-0001)". */
export function describeCoverage(consent: Pick<RecordingConsentRecord, 'sessions' | 'caseReference'>): string {
  if (consent.sessions === null) return `Every session of case ${consent.caseReference}, later ones included`;
  const dates = consent.sessions.map((session) => formatDate(session.startsAt.slice(0, 10)));
  const listed = dates.length <= 1 ? (dates[0] ?? '') : `${dates.slice(0, -1).join(', ')} and ${dates.at(-1)}`;
  return `${dates.length === 1 ? 'The session' : 'The sessions'} of ${listed} (case ${consent.caseReference})`;
}

/** "Destroyed 23 November 2026: consent withdrawn", "Kept until 1 November 2027". */
export function describeRecordingStatus(recording: Pick<RecordingRecord, 'status' | 'destroyedAt' | 'destroyedBecause' | 'destroyBy'>): string {
  if (recording.status === 'destroyed') {
    const when = recording.destroyedAt ? formatDate(recording.destroyedAt) : '';
    return `Destroyed ${when}${recording.destroyedBecause === 'consent-withdrawn' ? ': consent withdrawn' : ''}`;
  }
  if (recording.status === 'past-destruction-date') return `Due for destruction since ${formatDate(recording.destroyBy)}`;
  return `Kept until ${formatDate(recording.destroyBy)}`;
}

export const sessionLabel = (session: { startsAt: string; caseReference: string }) =>
  `${formatSessionStart(session.startsAt)} (case ${session.caseReference})`;

/** "3.2 MB", "812 KB": sizes as a person reads them. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} bytes`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

/** The last part of a path as the file dialog gave it, for showing which file was chosen. */
export function fileNameOf(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).at(-1) ?? path;
}
