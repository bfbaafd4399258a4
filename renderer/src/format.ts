import { format, parseISO } from 'date-fns';
import { enGB } from 'date-fns/locale/en-GB';
import type { CaseKind, ParticipantRef, SessionRecord } from '../../shared/records';
import { formerSubjectsWords } from '../../shared/former-subjects';

/** "23 November 2026" from an ISO date ("2026-11-23") or date-time. */
export function formatDate(iso: string): string {
  return format(parseISO(iso), 'd MMMM yyyy', { locale: enGB });
}

/** "23 November 2026 at 14:32" in the computer's time zone. */
export function formatDateTime(iso: string): string {
  return format(parseISO(iso), "d MMMM yyyy 'at' HH:mm", { locale: enGB });
}

/** "Monday 23 November 2026 at 14:30" from a local date-time as entered ("2026-11-23T14:30"). */
export function formatSessionStart(local: string): string {
  return format(parseISO(local), "EEEE d MMMM yyyy 'at' HH:mm", { locale: enGB });
}

/** "14:32". */
export function formatTime(iso: string): string {
  return format(parseISO(iso), 'HH:mm', { locale: enGB });
}

/** "45 seconds", "2 minutes": for waits the core asks for. */
export function formatWait(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 60) return `${seconds} ${seconds === 1 ? 'second' : 'seconds'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
}

/** "Alex Smith (C-0002)". */
export function personLabel(person: ParticipantRef): string {
  return `${person.name} (${person.reference})`;
}

/** "Alex Smith (C-0002)", "A (C-1) and B (C-2)", "A (C-1), B (C-2) and C (C-3)"; destroyed subjects as "a former client". */
export function listPeople(people: readonly ParticipantRef[], former = 0): string {
  const formerWords = formerSubjectsWords(former);
  const labels = [...people.map(personLabel), ...(formerWords === null ? [] : [formerWords])];
  if (labels.length <= 1) return labels[0] ?? '';
  return `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)}`;
}

export const caseKindLabels: Record<CaseKind, string> = {
  individual: 'Individual',
  couple: 'Couple',
  family: 'Family',
};

export const modalityLabels: Record<SessionRecord['modality'], string> = {
  'in-person': 'In person',
  video: 'Video',
  phone: 'Phone',
};

export const sessionStatusLabels: Record<SessionRecord['status'], string> = {
  attended: 'Attended',
  'did-not-attend': 'Did not attend',
  'cancelled-by-client': 'Cancelled by client',
  'cancelled-by-practice': 'Cancelled by practice',
  booked: 'Booked (not yet held)',
};

export function formatDuration(minutes: number): string {
  if (minutes < 60 || minutes % 60 !== 0) return `${minutes} minutes`;
  const hours = minutes / 60;
  return `${hours} ${hours === 1 ? 'hour' : 'hours'}`;
}
