import fc from 'fast-check';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { allText, pdfText } from '../support/pdf-text';
import { LETTERHEAD } from '../support/release-fixture';
import { openDoor, tempFolder } from '../support/vault-fixture';
import { iterations } from '../reliability/iterations';

/**
 * Whatever the vault holds and whatever the person ticks, an attendance summary carries none of the vault's
 * free text: a marker is put in every free-text field (notes, amendments, clients' comments, referrer
 * details, equality monitoring, contact details, a correction's reason, the partner's name and details, other
 * clients and users, every consent's purpose), and no marker may appear in the PDF's text (read with
 * Mozilla's pdf.js), its metadata, the CSV, the files' names or the disclosure log's words.
 */
const RUNS = iterations(6, 60);
const folder = tempFolder();
afterAll(() => folder.cleanup());

/** Markers share no leading letters with each other or with the letter's own words. */
const markers: string[] = [];
const marker = (field: string) => {
  const text = `Q${String(markers.length).padStart(2, '0')}${field.toUpperCase().replace(/[^A-Z]/g, '').slice(0, 6)}XJ`;
  markers.push(text);
  return text;
};

const sessionShape = fc.record({
  day: fc.integer({ min: 0, max: 80 }),
  status: fc.constantFrom('attended' as const, 'did-not-attend' as const, 'cancelled-by-client' as const, 'cancelled-by-practice' as const),
  with: fc.constantFrom('alex' as const, 'both' as const, 'blake' as const),
});
const scenario = fc.record({
  sessions: fc.array(sessionShape, { minLength: 1, maxLength: 8 }),
  blakeConsents: fc.boolean(),
  alexCounts: fc.boolean(),
  blakeCounts: fc.boolean(),
  includeName: fc.boolean(),
  includeDateOfBirth: fc.boolean(),
  includeMissedAndCancelled: fc.boolean(),
  jointSessions: fc.constantFrom('include' as const, 'exclude' as const),
  fromDay: fc.integer({ min: 0, max: 40 }),
});
type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

const day = (offset: number) => new Date(Date.UTC(2026, 8, 1 + offset)).toISOString().slice(0, 10);

async function vaultWithMarkers(dir: string, shape: Scenario) {
  const door = openDoor(dir, () => new Date('2026-11-23T12:00:00Z'), 'Europe/London');
  await door.call('vault.create', { practiceName: 'Riverside Counselling', userName: 'Sam Okafor', passphrase: 'correct horse battery staple' });
  await door.call('practice.update', LETTERHEAD);
  const details = (who: string) => ({
    preferredName: marker(`${who}pref`),
    phone: marker(`${who}phone`),
    email: `${marker(`${who}mail`).toLowerCase()}@example.org`,
    address: `${marker(`${who}addr`)}\nLeeds`,
    emergencyContact: marker(`${who}emerg`),
    gpPractice: marker(`${who}gp`),
    interpreterNeeded: true,
    interpreterLanguage: marker(`${who}lang`),
    heardAbout: marker(`${who}heard`),
    referrerName: marker(`${who}refnam`),
    referrerContact: marker(`${who}refcon`),
    equality: {
      consentRecorded: true as const,
      ethnicity: marker(`${who}ethn`),
      gender: marker(`${who}gend`),
      sexualOrientation: marker(`${who}sexo`),
      disability: marker(`${who}disab`),
      religion: marker(`${who}relig`),
    },
  });
  const alex = await door.call('clients.create', { name: 'Alex Rivers', dateOfBirth: '1990-05-03', ...details('a') });
  const blake = await door.call('clients.create', { name: `Blake ${marker('partner')}`, dateOfBirth: '1988-02-14', ...details('b') });
  await door.call('clients.create', { name: `Casey ${marker('other')}`, ...details('c') });
  await door.call('users.create', { name: `Dee ${marker('user')}`, roles: ['director'], passphrase: 'dee directs the whole practice' });
  const kase = await door.call('cases.create', { kind: 'couple', participantIds: [alex.id, blake.id], openedOn: '2026-09-01' });
  const sessions = [];
  for (const [index, s] of shape.sessions.entries()) {
    const attendeeIds = s.with === 'alex' ? [alex.id] : s.with === 'blake' ? [blake.id] : [alex.id, blake.id];
    const startsAt = `${day(s.day)}T${String(9 + (index % 8)).padStart(2, '0')}:00`;
    sessions.push(await door.call('sessions.create', { caseId: kase.id, startsAt, durationMinutes: 50, modality: 'video', status: s.status, attendeeIds }));
  }
  const first = sessions[0]!;
  await door.call('sessions.update', { sessionId: first.id, durationMinutes: 55, reason: marker('correction') });
  const inFile = first.attendees[0]!.id;
  const sessionNote = await door.call('notes.saveDraft', { about: { type: 'session', sessionId: first.id }, body: marker('sessionnote') });
  await door.call('notes.finalise', { noteId: sessionNote.noteId, clientId: inFile });
  await door.call('notes.amend', { noteId: sessionNote.noteId, clientId: inFile, body: marker('amendment'), reason: marker('amendreason') });
  await door.call('notes.addClientComment', { noteId: sessionNote.noteId, clientId: inFile, comment: marker('comment') });
  await door.call('notes.saveDraft', { about: { type: 'case', caseId: kase.id }, body: marker('casenote') });
  for (const kind of ['client', 'contact'] as const) {
    const note = await door.call('notes.saveDraft', { about: { type: 'client', clientId: alex.id, kind }, body: marker(`${kind}note`) });
    await door.call('notes.finalise', { noteId: note.noteId, clientId: alex.id });
  }
  const consent = await door.call('releaseConsents.create', {
    clientId: alex.id,
    recipientOrganisation: 'Leeds Community Mental Health Team',
    recipientPerson: 'Dr Priya Shah',
    purpose: marker('alexpurpose'),
    releases: shape.alexCounts ? 'attendance-and-missed' : 'attendance',
    periodFrom: '2026-09-01',
    periodTo: '2026-12-31',
    signedOn: '2026-11-16',
    expiresOn: '2027-11-15',
  });
  if (shape.blakeConsents) {
    await door.call('releaseConsents.create', {
      clientId: blake.id,
      recipientOrganisation: 'Leeds Community Mental Health Team',
      purpose: marker('blakepurpose'),
      releases: shape.blakeCounts ? 'attendance-and-missed' : 'attendance',
      periodFrom: '2026-09-01',
      periodTo: '2026-12-31',
      signedOn: '2026-11-16',
      expiresOn: '2027-11-15',
    });
  }
  return { door, alex, consent };
}

describe('an attendance summary carries none of the vault’s free text', () => {
  it('for any vault and any choice of what to include', async () => {
    let exported = 0;
    await fc.assert(
      fc.asyncProperty(scenario, async (shape) => {
        markers.length = 0;
        const dir = join(folder.dir, `run-${exported}-${Math.random().toString(36).slice(2)}`);
        const { door, alex, consent } = await vaultWithMarkers(join(dir, 'vault'), shape);
        const out = join(dir, 'out');
        mkdirSync(out);
        const request = {
          clientId: alex.id,
          periodFrom: day(shape.fromDay),
          periodTo: '2026-11-23',
          consentId: consent.id,
          includeName: shape.includeName || !shape.includeDateOfBirth,
          includeDateOfBirth: shape.includeDateOfBirth,
          includeMissedAndCancelled: shape.includeMissedAndCancelled && shape.alexCounts,
          jointSessions: shape.jointSessions,
        };
        const preview = await door.call('attendance.preview', request);
        // Where a partner's consent is missing, the person would choose individual sessions only.
        const jointSessions = preview.missing.length > 0 ? ('exclude' as const) : request.jointSessions;
        const result = await door.call('attendance.export', { ...request, jointSessions, outputFolder: out });
        exported += 1;

        const pdf = readFileSync(result.files.find((f) => f.name.endsWith('.pdf'))!.path);
        const { pages, info } = await pdfText(pdf);
        const csv = readFileSync(result.files.find((f) => f.name.endsWith('.csv'))!.path, 'utf8');
        const log = JSON.stringify((await door.call('disclosures.list', {})).disclosures.map((d) => [d.released, d.files]));
        const everything = [allText({ pages, info }), JSON.stringify(info), csv, readdirSync(out).join(' '), log, JSON.stringify(preview.letter), JSON.stringify(preview.csv)];
        for (const text of everything) {
          for (const m of markers) expect(text.toUpperCase(), m).not.toContain(m);
        }
        expect(readdirSync(out).join(' ')).not.toMatch(/Alex|Rivers/i);
        expect(allText({ pages, info }).includes('Alex Rivers')).toBe(request.includeName);
        door.core.lock('user');
      }),
      { numRuns: RUNS },
    );
    expect(exported).toBe(RUNS);
  });
});
