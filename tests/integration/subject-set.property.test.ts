import fc from 'fast-check';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NoteAbout } from '../../shared/records';
import { newVault, tempFolder, type TestDoor } from '../support/vault-fixture';

/**
 * DESIGN.md 1.2 as a property: in random practices (couple, family and individual cases, sessions with
 * random attendee subsets, notes with unique markers), no read path returns a marker outside its subject set,
 * and every record appears in each of its subjects' files.
 */
let folder: ReturnType<typeof tempFolder>;
let door: TestDoor;
beforeAll(async () => {
  folder = tempFolder();
  ({ door } = await newVault(join(folder.dir, 'vault')));
});
afterAll(() => folder.cleanup());

const caseSpec = fc.record({
  kind: fc.constantFrom('individual' as const, 'couple' as const, 'family' as const),
  pick: fc.array(fc.nat(), { minLength: 4, maxLength: 4 }),
  sessions: fc.array(fc.record({ attendeeMask: fc.integer({ min: 1, max: 15 }), notes: fc.integer({ min: 0, max: 2 }) }), {
    maxLength: 4,
  }),
  caseNotes: fc.integer({ min: 0, max: 1 }),
});

const practice = fc.record({
  clients: fc.integer({ min: 2, max: 5 }),
  cases: fc.array(caseSpec, { minLength: 1, maxLength: 4 }),
  clientNotes: fc.array(fc.nat(), { maxLength: 3 }),
  draftsLeft: fc.boolean(),
});

let run = 0;

describe('the subject-set rule holds on every read path', () => {
  it('no marker is ever returned outside its subject set', async () => {
    await fc.assert(
      fc.asyncProperty(practice, async (spec) => {
        run += 1;
        const clients: Array<{ id: string }> = [];
        for (let i = 0; i < spec.clients; i++) clients.push(await door.call('clients.create', { name: `Run${run} Person${i}` }));
        const subjectsOf = new Map<string, Set<string>>();
        let markerNo = 0;
        const write = async (about: NoteAbout, subjects: string[], finalise: boolean) => {
          const marker = `mk${run}x${markerNo++}z`;
          const saved = await door.call('notes.saveDraft', { about, body: `Notes ${marker} end` });
          if (finalise) await door.call('notes.finalise', { noteId: saved.noteId, clientId: subjects[0]! });
          subjectsOf.set(marker, new Set(subjects));
        };

        for (const c of spec.cases) {
          const size = c.kind === 'individual' ? 1 : c.kind === 'couple' ? 2 : 2 + (c.pick[3]! % Math.max(1, clients.length - 1));
          const chosen = [...new Set(c.pick.map((n) => clients[n % clients.length]!.id))];
          for (const other of clients) if (chosen.length < size && !chosen.includes(other.id)) chosen.push(other.id);
          const participants = chosen.slice(0, Math.min(size, clients.length));
          const kase = await door.call('cases.create', { kind: c.kind, participantIds: participants, openedOn: '2020-01-01' });
          for (const s of c.sessions) {
            let attendees = participants.filter((_p, i) => (s.attendeeMask >> i) & 1);
            if (attendees.length === 0) attendees = [participants[0]!];
            const session = await door.call('sessions.create', {
              caseId: kase.id,
              startsAt: '2020-02-01T10:00',
              durationMinutes: 50,
              modality: 'in-person',
              status: 'attended',
              attendeeIds: attendees,
            });
            for (let n = 0; n < s.notes; n++) await write({ type: 'session', sessionId: session.id }, attendees, true);
          }
          for (let n = 0; n < c.caseNotes; n++) await write({ type: 'case', caseId: kase.id }, participants, true);
        }
        for (const n of spec.clientNotes) {
          const client = clients[n % clients.length]!;
          await write({ type: 'client', clientId: client.id, kind: 'client' }, [client.id], !spec.draftsLeft);
        }

        const markerIn = (text: string) => /mk\d+x\d+z/.exec(text)?.[0];
        for (const client of clients) {
          const notes = (await door.call('notes.list', { clientId: client.id })).notes;
          const listed = new Set(notes.map((n) => markerIn(n.body)));
          for (const [marker, subjects] of subjectsOf) expect(listed.has(marker), `${marker} in file`).toBe(subjects.has(client.id));
          for (const note of notes) expect(note.otherSubjects.map((s) => s.id)).not.toContain(client.id);

          const sessions = (await door.call('sessions.list', { clientId: client.id })).sessions;
          for (const s of sessions) expect(s.attendees.map((a) => a.id)).toContain(client.id);

          for (const [marker, subjects] of subjectsOf) {
            const hits = (await door.call('search.query', { text: marker, clientId: client.id })).hits;
            expect(hits.length > 0, `${marker} searched in file`).toBe(subjects.has(client.id));
          }
        }
        for (const [marker, subjects] of subjectsOf) {
          const hits = (await door.call('search.query', { text: marker })).hits.filter((h) => h.kind === 'note');
          expect(new Set(hits.map((h) => h.client.id))).toEqual(subjects);
          for (const client of clients) {
            const opened = await door.raw('notes.get', { noteId: hits[0]!.noteId!, clientId: client.id });
            if (!subjects.has(client.id)) {
              // Opened from the file of someone it is not about, a note is not there at all.
              expect(opened, `${marker} opened in a non-subject's file`).toMatchObject({ ok: false, error: { code: 'not-found' } });
              continue;
            }
            if (!opened.ok) throw new Error(opened.error.message);
            expect(new Set(opened.value.subjects.map((s) => s.id))).toEqual(subjects);
            expect(opened.value.otherSubjects.map((s) => s.id).sort()).toEqual([...subjects].filter((id) => id !== client.id).sort());
          }
        }
      }),
      { numRuns: 30 },
    );
  });
});
