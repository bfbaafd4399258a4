import { z } from 'zod';

/**
 * How far a long call has got, as every door shows it: an event stream per call (IPC events in the app, a
 * bar on the CLI's stderr, a list the tests assert). `phase` says what is being done, in words.
 */
export const progress = z.strictObject({
  phase: z.string().max(100),
  done: z.number().int().min(0),
  total: z.number().int().min(0),
});
export type Progress = z.infer<typeof progress>;

/** Whole percent, 0–100, for a bar; an empty total counts as done. */
export function percentOf(p: Progress): number {
  return p.total === 0 ? 100 : Math.min(100, Math.floor((p.done / p.total) * 100));
}
