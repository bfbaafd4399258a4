import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { newVault, type TestDoor } from './vault-fixture';
import { LETTERHEAD } from './release-fixture';
import { consentInput } from './recording-practice';
import { writeSineWav } from './wav';

/**
 * A practice whose records go back years, for purges. The core's clock is moved through time as the records are
 * made (2016, 2023) and stops at PURGE_DAY. Each client to be destroyed carries marker strings in every free-text
 * field; markers share no leading letters, so a trace left only in the full-text index (stored by its tail) is
 * still found (tests/support/sqlcipher-pages.ts).
 *
 * - Ada (C-0001): individual case 2015–2016, every kind of record: destroyed.
 * - Bea (C-0002) and Cal (C-0003): couple case 2015–2016 (a joint session with a joint note; a session Bea attended
 *   alone during the couple work). Bea is due; Cal opened a new case in 2023 and is not: the joint records stay in
 *   Cal's file only and stop naming Bea.
 * - Eve (C-0004): due, but a written consent to release her information is in force: blocked.
 * - Dee (C-0005): a current client, untouched.
 */
export const PURGE_DAY = '2026-11-25';
export const ZONE = 'Europe/London';

const letters = 'bcdfghjkmnpqrstvwxz';
/** A marker whose first letters no other marker shares: `ky` + two letters from its number + a fixed tail. */
function marker(n: number, what: string): string {
  return `k${letters[Math.floor(n / letters.length) % letters.length]}${letters[n % letters.length]}${what}mark`;
}

export const ADA_MARKERS = {
  name: marker(0, 'adaname'),
  preferredName: marker(1, 'adapref'),
  phone: marker(2, 'adaphone'),
  email: `${marker(3, 'adaemail')}@example.org`,
  address: marker(4, 'adaaddress'),
  emergencyContact: marker(5, 'adaemergency'),
  gpPractice: marker(6, 'adagp'),
  interpreterLanguage: marker(7, 'adalanguage'),
  heardAbout: marker(8, 'adaheard'),
  referrerName: marker(9, 'adareferrer'),
  referrerContact: marker(10, 'adarefcontact'),
  ethnicity: marker(11, 'adaethnicity'),
  religion: marker(12, 'adareligion'),
  sessionNote: marker(13, 'adasessionnote'),
  draft: marker(14, 'adadraft'),
  amendment: marker(15, 'adaamendment'),
  amendmentReason: marker(16, 'adaamendreason'),
  comment: marker(17, 'adacomment'),
  caseNote: marker(18, 'adacasenote'),
  correctionReason: marker(19, 'adacorrection'),
  consentViewers: marker(20, 'adaviewers'),
  consentStorage: marker(21, 'adastorage'),
  consentOtherUse: marker(22, 'adaotheruse'),
  releasePurpose: marker(23, 'adapurpose'),
  releasePerson: marker(24, 'adarecipient'),
} as const;

export const BEA_MARKERS = {
  name: marker(30, 'beaname'),
  email: `${marker(31, 'beaemail')}@example.org`,
  aloneNote: marker(32, 'beaalonenote'),
  comment: marker(33, 'beacomment'),
} as const;

/** Text that must survive: in Cal's, Dee's and Eve's records and the joint note kept for Cal. */
export const KEPT_MARKERS = {
  calName: marker(40, 'calname'),
  jointNote: marker(41, 'jointnote'),
  calComment: marker(42, 'calsays'),
  deeName: marker(43, 'deename'),
  deeNote: marker(44, 'deenote'),
  eveName: marker(45, 'evename'),
} as const;

/** Fox (C-0006 when added): case closed 2024, record kept until 2031; referrer details and equality answers due. */
export const FIELD_GROUP_MARKERS = {
  referrerName: marker(50, 'foxreferrer'),
  referrerContact: marker(51, 'foxrefcontact'),
  ethnicity: marker(52, 'foxethnicity'),
  gender: marker(53, 'foxgender'),
  sexualOrientation: marker(54, 'foxorientation'),
  disability: marker(55, 'foxdisability'),
  religion: marker(56, 'foxreligion'),
} as const;
export const FOX_NAME = marker(57, 'foxname');

/**
 * Adds Fox, a client whose record is not yet due but whose referrer's contact details and equality-monitoring
 * answers are (a case closed on 14 March 2024), every one of those fields carrying a marker. Returns Fox's id.
 */
export async function addFieldGroupClient(door: TestDoor): Promise<string> {
  const F = FIELD_GROUP_MARKERS;
  const fox = await door.call('clients.create', {
    name: `${FOX_NAME} Fox`, referrerName: F.referrerName, referrerContact: `${F.referrerContact}@example.org`,
    equality: { consentRecorded: true, ethnicity: F.ethnicity, gender: F.gender, sexualOrientation: F.sexualOrientation, disability: F.disability, religion: F.religion },
  });
  const kase = await door.call('cases.create', { kind: 'individual', participantIds: [fox.id], openedOn: '2023-01-09' });
  await door.call('cases.close', { caseId: kase.id, closedOn: '2024-03-14' });
  return fox.id;
}

export const SESSION_IN_ERROR_MARKERS = { note: marker(58, 'gilnote'), reason: marker(59, 'gilreason') } as const;

/**
 * Adds Gil, a kept client in open work with one session recorded by mistake: its note and the reason a director
 * gave when marking it entered in error carry markers. The next purge destroys the session; Gil stays.
 */
export async function addSessionInError(door: TestDoor): Promise<void> {
  const gil = await door.call('clients.create', { name: 'Gil Kept' });
  const kase = await door.call('cases.create', { kind: 'individual', participantIds: [gil.id], openedOn: '2026-09-01' });
  const session = await door.call('sessions.create', {
    caseId: kase.id, startsAt: '2026-09-02T10:00', durationMinutes: 50, modality: 'video', status: 'attended', attendeeIds: [gil.id],
  });
  await door.call('notes.saveDraft', { about: { type: 'session', sessionId: session.id }, body: `Wrong client ${SESSION_IN_ERROR_MARKERS.note}` });
  await door.call('retention.markEnteredInError', { sessionId: session.id, reason: `Recorded on Gil by mistake ${SESSION_IN_ERROR_MARKERS.reason}` });
}

export interface PurgePractice {
  door: TestDoor;
  clock: { set(iso: string): void };
  ids: { ada: string; bea: string; cal: string; dee: string; eve: string; jointNote: string; jointSession: string; coupleCase: string };
  exportFolder: string;
}

export async function purgePractice(vaultDir: string, scratch: string): Promise<PurgePractice> {
  let now = new Date('2015-01-05T09:00:00Z');
  const clock = { set: (iso: string) => (now = new Date(iso)) };
  const { door } = await newVault(vaultDir, () => now, ZONE);
  const call = door.call.bind(door);
  await call('practice.update', LETTERHEAD);
  const exportFolder = join(scratch, 'exports');
  mkdirSync(exportFolder, { recursive: true });

  clock.set('2016-07-01T09:00:00Z');
  const A = ADA_MARKERS;
  const ada = await call('clients.create', {
    name: `${A.name} Lovelace`, preferredName: A.preferredName, dateOfBirth: '1980-03-02', phone: A.phone, email: A.email,
    address: `${A.address} Road\nLeeds`, emergencyContact: A.emergencyContact, gpPractice: A.gpPractice, interpreterNeeded: true,
    interpreterLanguage: A.interpreterLanguage, heardAbout: A.heardAbout, referrerName: A.referrerName, referrerContact: A.referrerContact,
    equality: { consentRecorded: true, ethnicity: A.ethnicity, gender: 'Woman', sexualOrientation: 'Straight', disability: 'None', religion: A.religion },
  });
  const adaCase = await call('cases.create', { kind: 'individual', participantIds: [ada.id], openedOn: '2015-02-02' });
  const adaSession = (startsAt: string) =>
    call('sessions.create', { caseId: adaCase.id, startsAt, durationMinutes: 50, modality: 'in-person', status: 'attended', attendeeIds: [ada.id] });
  const first = await adaSession('2015-02-09T10:00');
  await adaSession('2015-02-16T10:00');
  await call('sessions.update', { sessionId: first.id, startsAt: '2015-02-09T11:00', reason: `${A.correctionReason} wrong hour` });
  const note = await call('notes.saveDraft', { about: { type: 'session', sessionId: first.id }, body: `Ada spoke about ${A.sessionNote} today` });
  await call('notes.finalise', { noteId: note.noteId, clientId: ada.id });
  await call('notes.amend', { noteId: note.noteId, clientId: ada.id, body: `Ada spoke about ${A.amendment}`, reason: `${A.amendmentReason} typo` });
  await call('notes.addClientComment', { noteId: note.noteId, clientId: ada.id, comment: `I said ${A.comment}` });
  await call('notes.saveDraft', { about: { type: 'case', caseId: adaCase.id }, body: `Unfinished ${A.draft} thoughts` });
  const caseNote = await call('notes.saveDraft', { about: { type: 'case', caseId: adaCase.id }, body: `Formulation ${A.caseNote}` });
  await call('notes.finalise', { noteId: caseNote.noteId, clientId: ada.id });
  const scan = join(scratch, 'signed-form.pdf');
  writeFileSync(scan, '%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<<>>\nendobj\n');
  await call('recordingConsents.create', consentInput(ada.id, adaCase.id, {
    uses: ['supervision', 'other'], otherUse: A.consentOtherUse, viewers: A.consentViewers, storage: A.consentStorage,
    signedOn: '2015-02-02', destroyBy: '2030-01-01', scanPath: scan,
  }));
  await call('recordings.attach', { sessionId: first.id, uses: ['supervision'], path: writeSineWav(scratch, 1).path });
  const release = await call('releaseConsents.create', {
    clientId: ada.id, recipientOrganisation: 'Leeds City Council', recipientPerson: A.releasePerson, purpose: A.releasePurpose,
    periodFrom: '2015-01-01', periodTo: '2015-12-31', signedOn: '2016-06-01', expiresOn: '2016-12-31',
  });
  await call('attendance.export', { clientId: ada.id, periodFrom: '2015-01-01', periodTo: '2015-12-31', consentId: release.id, outputFolder: exportFolder });
  await call('cases.close', { caseId: adaCase.id, closedOn: '2016-03-01' });

  const B = BEA_MARKERS;
  const bea = await call('clients.create', { name: `${B.name} Smith`, email: B.email, dateOfBirth: '1985-01-01' });
  const cal = await call('clients.create', { name: `${KEPT_MARKERS.calName} Smith`, dateOfBirth: '1984-01-01' });
  const couple = await call('cases.create', { kind: 'couple', participantIds: [bea.id, cal.id], openedOn: '2015-03-02' });
  const joint = await call('sessions.create', {
    caseId: couple.id, startsAt: '2015-03-09T10:00', durationMinutes: 50, modality: 'in-person', status: 'attended', attendeeIds: [bea.id, cal.id],
  });
  const jointNote = await call('notes.saveDraft', { about: { type: 'session', sessionId: joint.id }, body: `Both spoke of ${KEPT_MARKERS.jointNote}` });
  await call('notes.finalise', { noteId: jointNote.noteId, clientId: bea.id });
  await call('notes.addClientComment', { noteId: jointNote.noteId, clientId: bea.id, comment: `Bea says ${B.comment}` });
  await call('notes.addClientComment', { noteId: jointNote.noteId, clientId: cal.id, comment: `Cal says ${KEPT_MARKERS.calComment}` });
  const alone = await call('sessions.create', {
    caseId: couple.id, startsAt: '2015-03-16T10:00', durationMinutes: 50, modality: 'in-person', status: 'attended', attendeeIds: [bea.id],
  });
  const aloneNote = await call('notes.saveDraft', { about: { type: 'session', sessionId: alone.id }, body: `Bea alone: ${B.aloneNote}` });
  await call('notes.finalise', { noteId: aloneNote.noteId, clientId: bea.id });
  await call('cases.close', { caseId: couple.id, closedOn: '2016-06-01' });

  const eve = await call('clients.create', { name: `${KEPT_MARKERS.eveName} Jones` });
  const eveCase = await call('cases.create', { kind: 'individual', participantIds: [eve.id], openedOn: '2015-05-01' });
  await call('cases.close', { caseId: eveCase.id, closedOn: '2016-01-04' });

  clock.set('2023-05-02T09:00:00Z');
  await call('cases.create', { kind: 'individual', participantIds: [cal.id], openedOn: '2023-05-02' });
  const dee = await call('clients.create', { name: `${KEPT_MARKERS.deeName} Brown` });
  const deeNote = await call('notes.saveDraft', { about: { type: 'client', clientId: dee.id, kind: 'client' }, body: `Dee ${KEPT_MARKERS.deeNote}` });
  await call('notes.finalise', { noteId: deeNote.noteId, clientId: dee.id });
  await call('releaseConsents.create', {
    clientId: eve.id, recipientOrganisation: 'Leeds City Council', purpose: 'Housing', periodFrom: '2015-01-01', periodTo: '2016-01-04',
    signedOn: '2023-05-02', expiresOn: '2099-01-01',
  });

  clock.set(`${PURGE_DAY}T10:00:00Z`);
  return {
    door,
    clock,
    ids: { ada: ada.id, bea: bea.id, cal: cal.id, dee: dee.id, eve: eve.id, jointNote: jointNote.noteId, jointSession: joint.id, coupleCase: couple.id },
    exportFolder,
  };
}
