import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { fixedClock, newVault, PASSPHRASE, tempFolder } from '../support/vault-fixture';

/** Records entered in error go through the same purge, register and certificate as any other destruction. */
const folder = tempFolder();
afterAll(() => folder.cleanup());

it('a duplicate client and a session on the wrong client are destroyed by the next purge, and nothing else', async () => {
  const { door } = await newVault(join(folder.dir, 'vault'), fixedClock('2026-11-25T10:00:00Z'), 'Europe/London');
  const duplicate = await door.call('clients.create', { name: 'Ann Lee' });
  const client = await door.call('clients.create', { name: 'Ann Leigh' });
  const kase = await door.call('cases.create', { kind: 'individual', participantIds: [client.id], openedOn: '2026-11-02' });
  const session = (startsAt: string) =>
    door.call('sessions.create', { caseId: kase.id, startsAt, durationMinutes: 50, modality: 'video', status: 'attended', attendeeIds: [client.id] });
  const wrong = await session('2026-11-09T10:00');
  const right = await session('2026-11-16T10:00');
  for (const s of [wrong, right]) {
    const note = await door.call('notes.saveDraft', { about: { type: 'session', sessionId: s.id }, body: `note of ${s.startsAt}` });
    await door.call('notes.finalise', { noteId: note.noteId, clientId: client.id });
  }
  await door.call('retention.markEnteredInError', { clientId: duplicate.id, reason: 'Added twice by mistake' });
  await door.call('retention.markEnteredInError', { sessionId: wrong.id, reason: 'Recorded on the wrong client' });

  const preview = await door.call('retention.purgePreview', {});
  expect(preview.clients.map((c) => [c.reference, c.reason])).toEqual([['C-0001', expect.stringContaining('entered in error')]]);
  expect(preview.sessionsInError).toEqual([{ reference: 'K-0001', on: '2026-11-09', notes: 1, recordings: 0 }]);
  const run = await door.call('retention.purge', { currentPassphrase: PASSPHRASE, planDigest: preview.planDigest });
  expect(run.totals).toMatchObject({ clients: 1, sessionsInError: 1, sessions: 1, notes: 1 });
  expect(run.certificate.destroyed.map((d) => d.reference)).toEqual(['C-0001', 'K-0001, session of 2026-11-09']);

  expect((await door.call('clients.list', {})).clients.map((c) => c.reference)).toEqual(['C-0002']);
  expect((await door.call('sessions.list', { clientId: client.id })).sessions.map((s) => s.id)).toEqual([right.id]);
  expect((await door.call('notes.list', { clientId: client.id })).notes.map((n) => n.currentBody)).toEqual(['note of 2026-11-16T10:00']);
  const register = await door.call('retention.register', {});
  expect(register.entries.map((e) => [e.what, e.reference, e.rule])).toEqual([
    ['client', 'C-0001', expect.stringContaining('entered in error')],
    ['session', 'K-0001', expect.stringContaining('entered in error')],
  ]);
  // The reasons went with the records: the register holds the rule's words only.
  expect(JSON.stringify(register)).not.toMatch(/twice|wrong client|Ann/);
  const actions = (await door.call('audit.list', {})).entries.map((e) => e.action);
  expect(actions).toContain('client.destroy.entered-in-error');
  expect(actions).toContain('session.destroy.entered-in-error');
  expect(await door.call('vault.verify', {})).toMatchObject({ ok: true });
});
