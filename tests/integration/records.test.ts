import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newVault, tempFolder, type TestDoor } from '../support/vault-fixture';

let folder: ReturnType<typeof tempFolder>;
let door: TestDoor;
beforeEach(async () => {
  folder = tempFolder();
  ({ door } = await newVault(join(folder.dir, 'vault')));
});
afterEach(() => folder.cleanup());

async function couple() {
  const alex = await door.call('clients.create', { name: 'Alex Rivers' });
  const blake = await door.call('clients.create', { name: 'Blake Rivers' });
  const kase = await door.call('cases.create', { kind: 'couple', participantIds: [alex.id, blake.id], openedOn: '2019-03-01' });
  return { alex, blake, kase };
}

const session = (caseId: string, attendeeIds: string[], startsAt = '2019-03-08T10:00') =>
  door.call('sessions.create', { caseId, startsAt, durationMinutes: 50, modality: 'in-person', status: 'attended', attendeeIds });

describe('client records', () => {
  it('keeps full client details, with referrer and equality monitoring (only with consent)', async () => {
    const client = await door.call('clients.create', {
      name: 'Dana Cole',
      address: '1 High Street, Leeds',
      emergencyContact: 'Pat Cole, 07700 900123',
      gpPractice: 'Park Surgery',
      interpreterNeeded: true,
      interpreterLanguage: 'Polish',
      heardAbout: 'GP',
      referrerName: 'Dr Shah',
      referrerContact: 'Park Surgery',
      equality: { consentRecorded: true, ethnicity: 'White British', gender: 'Woman' },
    });
    expect(client).toMatchObject({
      gpPractice: 'Park Surgery',
      interpreterNeeded: true,
      referrerName: 'Dr Shah',
      equality: { ethnicity: 'White British', gender: 'Woman', religion: null },
    });
    const without = await door.raw('clients.create', { name: 'Eli', equality: { ethnicity: 'x' } as never });
    expect(without).toMatchObject({ ok: false, error: { code: 'invalid-input', issues: [{ path: 'equality.consentRecorded' }] } });
    const updated = await door.call('clients.update', { clientId: client.id, phone: '0113 496 0000', referrerContact: '' });
    expect(updated).toMatchObject({ phone: '0113 496 0000', referrerName: 'Dr Shah', referrerContact: null, name: 'Dana Cole' });
    await door.call('clients.update', { clientId: client.id, dateOfBirth: '1990-05-06' });
    const cleared = await door.call('clients.update', { clientId: client.id, dateOfBirth: '', equalityWithdrawn: true });
    expect(cleared).toMatchObject({ dateOfBirth: null, equality: null, gpPractice: 'Park Surgery' });
  });

  it('derives a client as closed when every case of theirs is closed', async () => {
    const { alex, kase } = await couple();
    expect((await door.call('clients.list', { status: 'active' })).clients.map((c) => c.name)).toContain('Alex Rivers');
    await door.call('cases.close', { caseId: kase.id, closedOn: '2020-01-10' });
    expect((await door.call('clients.list', { status: 'closed' })).clients.map((c) => c.id)).toContain(alex.id);
    expect((await door.call('clients.list', { status: 'active' })).clients.map((c) => c.id)).not.toContain(alex.id);
  });

  it('a session note’s subjects are its attendees; an individual session in couple work is private to that partner', async () => {
    const { alex, blake, kase } = await couple();
    const joint = await session(kase.id, [alex.id, blake.id]);
    const alone = await session(kase.id, [alex.id], '2019-03-15T10:00');
    const jointNote = await door.call('notes.saveDraft', { about: { type: 'session', sessionId: joint.id }, body: 'JOINT-1 both present' });
    const aloneNote = await door.call('notes.saveDraft', { about: { type: 'session', sessionId: alone.id }, body: 'ALEX-ALONE-1 private' });
    await door.call('notes.finalise', { noteId: jointNote.noteId, clientId: alex.id });
    await door.call('notes.finalise', { noteId: aloneNote.noteId, clientId: alex.id });

    const alexNotes = (await door.call('notes.list', { clientId: alex.id })).notes;
    const blakeNotes = (await door.call('notes.list', { clientId: blake.id })).notes;
    expect(alexNotes.map((n) => n.body).sort()).toEqual(['ALEX-ALONE-1 private', 'JOINT-1 both present']);
    expect(blakeNotes.map((n) => n.body)).toEqual(['JOINT-1 both present']);
    expect(blakeNotes[0]!.otherSubjects.map((s) => s.name)).toEqual(['Alex Rivers']);

    const blakeSessions = (await door.call('sessions.list', { clientId: blake.id })).sessions;
    expect(blakeSessions.map((s) => s.id)).toEqual([joint.id]);
    expect(blakeSessions[0]).toMatchObject({ individual: false, otherSubjects: [{ name: 'Alex Rivers' }] });
    const alexSessions = (await door.call('sessions.list', { clientId: alex.id })).sessions;
    expect(alexSessions.map((s) => [s.id, s.individual])).toEqual([
      [alone.id, true],
      [joint.id, false],
    ]);

    expect((await door.call('search.query', { text: 'ALEX-ALONE-1', clientId: blake.id })).hits).toEqual([]);
    const global = (await door.call('search.query', { text: 'ALEX-ALONE-1' })).hits;
    expect(global.map((h) => [h.kind, h.client.name])).toEqual([['note', 'Alex Rivers']]);
    const jointHits = (await door.call('search.query', { text: 'JOINT-1' })).hits;
    expect(jointHits.map((h) => h.client.name).sort()).toEqual(['Alex Rivers', 'Blake Rivers']);
  });

  it('finalised notes are amended with a reason, never edited; the original stays in history; clients may comment', async () => {
    const client = await door.call('clients.create', { name: 'Frankie Moss' });
    const about = { type: 'client', clientId: client.id, kind: 'client' } as const;
    const draft = await door.call('notes.saveDraft', { about, body: 'First version' });
    await door.call('notes.finalise', { noteId: draft.noteId, clientId: client.id });
    const edit = await door.raw('notes.saveDraft', { about, noteId: draft.noteId, body: 'Sneaky edit' });
    expect(edit).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('finalised') } });
    const noReason = await door.raw('notes.amend', { noteId: draft.noteId, clientId: client.id, body: 'Second', reason: ' ' });
    expect(noReason).toMatchObject({ ok: false, error: { code: 'invalid-input', issues: [{ path: 'reason' }] } });
    const amended = await door.call('notes.amend', { noteId: draft.noteId, clientId: client.id, body: 'Second version', reason: 'Wrong date recorded' });
    expect(amended).toMatchObject({
      body: 'First version',
      currentBody: 'Second version',
      amendments: [{ body: 'Second version', reason: 'Wrong date recorded', authorName: 'Sam Okafor' }],
    });
    const commented = await door.call('notes.addClientComment', {
      noteId: draft.noteId,
      clientId: client.id,
      comment: 'I said Tuesday, not Thursday.',
    });
    expect(commented.clientComments).toMatchObject([{ comment: 'I said Tuesday, not Thursday.', clientRef: { name: 'Frankie Moss' } }]);
    expect((await door.call('search.query', { text: 'Second version', clientId: client.id })).hits).toHaveLength(1);
  });
});

describe('bad input gets a clear, specific error and nothing is written', () => {
  it('refuses dates out of range with the field named', async () => {
    const { kase } = await couple();
    const r = await door.raw('sessions.create', {
      caseId: kase.id,
      startsAt: '1899-12-31T10:00',
      durationMinutes: 50,
      modality: 'video',
      status: 'attended',
      attendeeIds: [kase.participants[0]!.id],
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-input', issues: [{ path: 'startsAt' }] } });
    const badDay = await door.raw('cases.create', { kind: 'individual', participantIds: [kase.participants[0]!.id], openedOn: '2021-02-30' });
    expect(badDay).toMatchObject({ ok: false, error: { code: 'invalid-input', issues: [{ path: 'openedOn' }] } });
    const before = await door.raw('sessions.create', {
      caseId: kase.id,
      startsAt: '2019-02-01T10:00',
      durationMinutes: 50,
      modality: 'video',
      status: 'attended',
      attendeeIds: [kase.participants[0]!.id],
    });
    expect(before).toMatchObject({ ok: false, error: { message: 'A session cannot be before the day its case opened.' } });
  });

  it('refuses an attendee who is not a case participant', async () => {
    const { kase } = await couple();
    const stranger = await door.call('clients.create', { name: 'Not In Case' });
    const r = await door.raw('sessions.create', {
      caseId: kase.id,
      startsAt: '2019-04-01T10:00',
      durationMinutes: 50,
      modality: 'phone',
      status: 'attended',
      attendeeIds: [stranger.id],
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-input', message: 'Every attendee must be a participant in this case.' } });
    expect((await door.call('sessions.list', { clientId: stranger.id })).sessions).toEqual([]);
  });

  it('refuses the wrong number of participants for the kind of case', async () => {
    const a = await door.call('clients.create', { name: 'Solo' });
    const r = await door.raw('cases.create', { kind: 'couple', participantIds: [a.id], openedOn: '2020-01-01' });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-input', message: 'A couple case has exactly two clients.' } });
    expect((await door.call('cases.list', { clientId: a.id })).cases).toEqual([]);
  });

  it('refuses a note on a session of a closed case, and new sessions in it', async () => {
    const { alex, kase } = await couple();
    const s = await session(kase.id, [alex.id]);
    await door.call('cases.close', { caseId: kase.id, closedOn: '2019-06-01' });
    const note = await door.raw('notes.saveDraft', { about: { type: 'session', sessionId: s.id }, body: 'late' });
    expect(note).toMatchObject({ ok: false, error: { code: 'conflict', message: 'This case is closed, so notes cannot be added to it.' } });
    const more = await door.raw('sessions.create', {
      caseId: kase.id,
      startsAt: '2019-05-01T10:00',
      durationMinutes: 50,
      modality: 'phone',
      status: 'attended',
      attendeeIds: [alex.id],
    });
    expect(more).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await door.call('notes.list', { clientId: alex.id })).notes).toEqual([]);
  });

  it('refuses to close a case before its last session', async () => {
    const { alex, kase } = await couple();
    await session(kase.id, [alex.id], '2019-05-20T09:00');
    const r = await door.raw('cases.close', { caseId: kase.id, closedOn: '2019-05-01' });
    expect(r).toMatchObject({ ok: false, error: { message: 'A case cannot close before its last session.' } });
  });
});
