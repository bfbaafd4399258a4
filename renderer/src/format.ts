import { format, parseISO } from 'date-fns';
import { enGB } from 'date-fns/locale/en-GB';

/** "23 November 2026" from an ISO date ("2026-11-23") or date-time. */
export function formatDate(iso: string): string {
  return format(parseISO(iso), 'd MMMM yyyy', { locale: enGB });
}

/** "23 November 2026 at 14:32" in the computer's time zone. */
export function formatDateTime(iso: string): string {
  return format(parseISO(iso), "d MMMM yyyy 'at' HH:mm", { locale: enGB });
}

/** "14:32". */
export function formatTime(iso: string): string {
  return format(parseISO(iso), 'HH:mm', { locale: enGB });
}

export function formatDateOf(date: Date): string {
  return format(date, 'd MMMM yyyy', { locale: enGB });
}

/** "45 seconds", "2 minutes": for waits the core asks for. */
export function formatWait(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 60) return `${seconds} ${seconds === 1 ? 'second' : 'seconds'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
}
