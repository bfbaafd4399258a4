import { conflict } from '../errors';
import type { ServiceContext } from './context';

/**
 * A kept recording is about the clients at its session, each of whom consented to it: changing who attended
 * would make it about someone who did not consent, or take it out of the file of someone it is about.
 */
export function assertNoKeptRecording(ctx: ServiceContext, sessionId: string): void {
  const kept = ctx.db.prepare('SELECT 1 FROM recordings WHERE session_id = ? AND file_id IS NOT NULL LIMIT 1').get(sessionId);
  if (kept) {
    throw conflict('This session has a recording, made with the consent of each client at it, so who attended cannot be changed while it is kept.');
  }
}
