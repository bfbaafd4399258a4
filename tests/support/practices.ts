import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract';

/** A door onto a core that returns a method's value or fails the test: the integration door and the e2e vault both are. */
export type Call = <M extends MethodName>(method: M, input: MethodInput<M>) => Promise<MethodOutput<M>>;

/**
 * Alex and Blake in couple work, with one joint session (both attended) and its finalised note: the smallest
 * practice in which the subject-set rule has something to keep apart. Shared by integration and e2e tests.
 */
export async function coupleWithJointNote(call: Call, body: string, on: { opened: string; session: string } = { opened: '2026-11-01', session: '2026-11-02T10:00' }) {
  const alex = await call('clients.create', { name: 'Alex Rivers' });
  const blake = await call('clients.create', { name: 'Blake Rivers' });
  const kase = await call('cases.create', { kind: 'couple', participantIds: [alex.id, blake.id], openedOn: on.opened });
  const session = await call('sessions.create', {
    caseId: kase.id,
    startsAt: on.session,
    durationMinutes: 50,
    modality: 'in-person',
    status: 'attended',
    attendeeIds: [alex.id, blake.id],
  });
  const draft = await call('notes.saveDraft', { about: { type: 'session', sessionId: session.id }, body });
  await call('notes.finalise', { noteId: draft.noteId, clientId: alex.id });
  return { alex, blake, kase, session, noteId: draft.noteId };
}
