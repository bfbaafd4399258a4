import { z } from 'zod';
import { requiredOrType } from './text';

/**
 * Date rules, pure so the screens can check as they type and the core can enforce. "Today" and "now" are
 * always arguments: the core passes its own clock's, so no rule depends on the machine's idea of the day.
 */

export const EARLIEST_DATE = '1900-01-01';
export const LATEST_DATE = '2100-12-31';

const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME_SHAPE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;
// Long enough for any date a person might type in another style ("Wednesday 31 December 1990"), so the
// message can say how to write it; anything longer is not a date.
const LONGEST_DATE_TEXT = 40;

/** Whether YYYY-MM-DD names a day that exists (no 30 February). */
export function isRealDate(iso: string): boolean {
  if (!DATE_SHAPE.test(iso)) return false;
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(2000, m - 1, d));
  date.setUTCFullYear(y);
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Whether YYYY-MM-DDTHH:MM names a minute that exists. */
export function isRealDateTime(local: string): boolean {
  if (!DATE_TIME_SHAPE.test(local) || !isRealDate(local.slice(0, 10))) return false;
  return Number(local.slice(11, 13)) < 24 && Number(local.slice(14, 16)) < 60;
}

/** Whether a date is after today. Both are YYYY-MM-DD, which compare correctly as text. */
export function isAfterToday(iso: string, today: string): boolean {
  return iso.slice(0, 10) > today;
}

/** "Date of birth cannot be in the future", or null. */
export function futureDateProblem(label: string, iso: string, today: string): string | null {
  return isAfterToday(iso, today) ? `${label} cannot be in the future` : null;
}

/**
 * Attended and did-not-attend say the session's time has come; a session ahead is booked, and may be
 * cancelled ahead of time by either side.
 */
export const STATUSES_FOR_SESSIONS_STARTED = ['attended', 'did-not-attend'] as const;

/** Whether a session with this status may start at this local time, given the local time now. */
export function sessionTimeProblem(status: string, startsAt: string, now: string): string | null {
  if (!(STATUSES_FOR_SESSIONS_STARTED as readonly string[]).includes(status) || startsAt <= now) return null;
  return 'A session that has not started yet can be booked or cancelled, but not marked as attended or did not attend';
}

/** The date (YYYY-MM-DD) and minute (YYYY-MM-DDTHH:MM) an instant falls on in a time zone. */
export function wallClock(instant: Date, timeZone: string): { date: string; dateTime: string } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const date = `${part('year')}-${part('month')}-${part('day')}`;
  return { date, dateTime: `${date}T${part('hour')}:${part('minute')}` };
}

interface DateFieldOptions {
  /** A date written the right way, for the message: "for example 1990-12-31". */
  example: string;
  /** '' is accepted (it clears a recorded date). */
  allowEmpty?: boolean;
}

function inRange(label: string, value: string, ctx: z.RefinementCtx) {
  if (value < EARLIEST_DATE) ctx.addIssue({ code: 'custom', message: `${label} must be on or after 1 January 1900`, input: value });
  else if (value.slice(0, 10) > LATEST_DATE) ctx.addIssue({ code: 'custom', message: `${label} must be before 2101`, input: value });
}

/** A calendar date written YYYY-MM-DD, between 1900 and 2100. Whether it may be in the future is the core's rule. */
export function dateField(label: string, { example, allowEmpty = false }: DateFieldOptions) {
  return z
    .string({ error: requiredOrType(label, `a date written YYYY-MM-DD, for example ${example}`) })
    .max(LONGEST_DATE_TEXT, { error: `${label} must be written YYYY-MM-DD, for example ${example}`, abort: true })
    .superRefine((value, ctx) => {
      if (allowEmpty && value === '') return;
      if (!DATE_SHAPE.test(value)) {
        ctx.addIssue({ code: 'custom', message: `${label} must be written YYYY-MM-DD, for example ${example}`, input: value });
      } else if (!isRealDate(value)) {
        ctx.addIssue({ code: 'custom', message: `${label} must be a real date: check the day and the month`, input: value });
      } else inRange(label, value, ctx);
    });
}

/** A local date and time as the practitioner enters it, written YYYY-MM-DDTHH:MM. */
export function localDateTimeField(label: string, { example }: { example: string }) {
  return z
    .string({ error: requiredOrType(label, `a date and time written YYYY-MM-DDTHH:MM, for example ${example}`) })
    .max(LONGEST_DATE_TEXT, { error: `${label} must be written YYYY-MM-DDTHH:MM, for example ${example}`, abort: true })
    .superRefine((value, ctx) => {
      if (!DATE_TIME_SHAPE.test(value)) {
        ctx.addIssue({ code: 'custom', message: `${label} must be written YYYY-MM-DDTHH:MM, for example ${example}`, input: value });
      } else if (!isRealDateTime(value)) {
        ctx.addIssue({ code: 'custom', message: `${label} must be a real date and time: check the day, month, hour and minutes`, input: value });
      } else inRange(label, value, ctx);
    });
}
