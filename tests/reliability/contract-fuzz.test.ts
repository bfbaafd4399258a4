import fc from 'fast-check';
import { mkdirSync } from 'node:fs';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, methodNames, type MethodName } from '../../shared/contract';
import { openVaultDatabaseIndependently } from '../support/independent-open';
import { recordTablesOf } from '../support/record-tables';
import { iterations } from './iterations';
import { newVault, PASSPHRASE, tempFolder, type TestDoor } from '../support/vault-fixture';
import { LETTERHEAD } from '../support/release-fixture';
import { consentInput } from '../support/recording-practice';
import { writeSineWav } from '../support/wav';
import { DEFAULT_RETENTION_RULES } from '../../shared/rules/retention';

/**
 * Every contract method, called through the core with a valid input spoiled in one to three hostile ways:
 * wrong types, huge strings, deep nesting, ill-formed Unicode, NUL, text-direction controls, invisible names,
 * `__proto__` and `constructor` keys, unknown fields, and other users' ids. Each spoiled input must be refused
 * with a validation error (or, for another user's id or a wrong passphrase, a domain error such as not-found),
 * in plain words, never `internal`, never a thrown exception, with nothing written, and with the core still
 * serving the next call. The caller is a therapist; the other user is the director who made the vault.
 */
const TESS = { name: 'Tess Morgan', passphrase: 'tess has her own passphrase' };
const RUNS_PER_METHOD = iterations(40, 600);

const JARGON = /expected|received|discriminator|invalid input|\bISO\b|unrecognized|invalid_/i;
const DOMAIN_CODES = ['not-found', 'forbidden', 'conflict', 'invalid-input', 'wrong-passphrase', 'too-many-attempts', 'vault-busy', 'vault-exists'];

/** Keys whose text may legitimately hold right-to-left marks (free text and passphrases). */
const FREE_TEXT = new Set(['body', 'reason', 'comment', 'address', 'emergencyContact', 'heardAbout', 'referrerContact', 'passphrase', 'newPassphrase', 'currentPassphrase', 'purpose', 'viewers', 'storage', 'destructionMethod']);
const NAMES = new Set(['name', 'preferredName', 'userName', 'practiceName', 'referrerName', 'recipientOrganisation', 'recipientPerson', 'signatoryName']);
/** Passphrases typed to prove who you are: any well-formed text is a (wrong) passphrase, not invalid input. */
const ENTERED_SECRETS: Partial<Record<MethodName, string[]>> = {
  'vault.unlock': ['passphrase'],
  'vault.changePassphrase': ['currentPassphrase'],
  'vault.newRecoveryCode': ['currentPassphrase'],
  'retention.purge': ['currentPassphrase'],
};

const HUGE = [
  'a'.repeat(250_001),
  `${'a.'.repeat(3_500_000)}a@example.com`,
  `a@${'a.'.repeat(3_500_000)}com`,
  '\uD800'.repeat(300_000),
  `${'word '.repeat(60_000)}`,
];
const BIDI = ['\u202A', '\u202B', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C'];
const INVISIBLE = ['\u200B', '\u200B\u200C\u200D', '\u2800', '\u3164', '\uFEFF', '\u202E\u2069', '\u0301'];
const LONE = ['\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uD83D'];
const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'];

type Path = Array<string | number>;
type Mutation =
  | { kind: 'wrong-type'; at: number; value: unknown }
  | { kind: 'huge'; at: number; which: number }
  | { kind: 'broken'; at: number; position: number; which: number }
  | { kind: 'nul'; at: number; position: number }
  | { kind: 'bidi'; at: number; position: number; which: number }
  | { kind: 'invisible'; at: number; which: number }
  | { kind: 'deep'; at: number; depth: number; array: boolean }
  | { kind: 'other-id'; at: number; which: number }
  | { kind: 'proto-key'; key: number; nested: boolean; value: unknown }
  | { kind: 'unknown-key'; key: string; value: unknown }
  | { kind: 'root'; value: unknown };

// Objects and lists are made fresh for each case (a shared constant would be changed by one case for the next).
const freshList = fc.constant(null).map((): unknown[] => []);
const freshObject = fc.constant(null).map((): Record<string, unknown> => ({}));
const anyValue = fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.string(), freshList, freshObject);
const at = fc.nat();
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('wrong-type' as const), at, value: fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null), freshList, freshObject, fc.constant(null).map(() => [[1]]), fc.constant('')) }),
  fc.record({ kind: fc.constant('huge' as const), at, which: fc.nat(HUGE.length - 1) }),
  fc.record({ kind: fc.constant('broken' as const), at, position: fc.nat(), which: fc.nat(LONE.length - 1) }),
  fc.record({ kind: fc.constant('nul' as const), at, position: fc.nat() }),
  fc.record({ kind: fc.constant('bidi' as const), at, position: fc.nat(), which: fc.nat(BIDI.length - 1) }),
  fc.record({ kind: fc.constant('invisible' as const), at, which: fc.nat(INVISIBLE.length - 1) }),
  fc.record({ kind: fc.constant('deep' as const), at, depth: fc.integer({ min: 2, max: 5_000 }), array: fc.boolean() }),
  fc.record({ kind: fc.constant('other-id' as const), at, which: fc.nat() }),
  fc.record({ kind: fc.constant('proto-key' as const), key: fc.nat(PROTO_KEYS.length - 1), nested: fc.boolean(), value: anyValue }),
  fc.record({ kind: fc.constant('unknown-key' as const), key: fc.string({ minLength: 1, maxLength: 30, unit: 'binary' }), value: anyValue }),
  fc.record({
    kind: fc.constant('root' as const),
    value: fc.oneof(fc.string({ unit: 'binary' }), fc.integer(), fc.boolean(), fc.constant(null), fc.array(anyValue), fc.constant(null).map(() => new Array(20_000).fill(0))),
  }),
);

let folder: ReturnType<typeof tempFolder>;
let vaultDir: string;
let door: TestDoor;
const others: string[] = [];
let examples: Record<MethodName, Record<string, unknown>>;
let casesRun = 0;
/**
 * The core's clock, moved on before each tally: wrong passphrases fuzzed into the methods that prove one
 * (changing it, a new recovery code) count toward the unlock back-off, which can grow to five minutes.
 */
let clockOffsetMs = 0;
const fuzzClock = () => new Date(Date.now() + clockOffsetMs);
/** Nothing a person reads may hold a broken character, a control character or a direction control. */
const UNPRINTABLE = /[\p{Cs}\p{Cc}\p{Bidi_Control}]/u;

beforeAll(async () => {
  folder = tempFolder();
  vaultDir = join(folder.dir, 'vault');
  ({ door } = await newVault(vaultDir, fuzzClock));
  // The director's own records: their ids are "other users' ids" to the therapist.
  const sam = (await door.call('vault.status', {})).user!;
  const client = await door.call('clients.create', { name: 'Quinn Other' });
  const kase = await door.call('cases.create', { kind: 'individual', participantIds: [client.id], openedOn: '2024-01-01' });
  const session = await door.call('sessions.create', { caseId: kase.id, startsAt: '2024-01-08T09:00', durationMinutes: 50, modality: 'video', status: 'attended', attendeeIds: [client.id] });
  const note = await door.call('notes.saveDraft', { about: { type: 'session', sessionId: session.id }, body: 'other' });
  await door.call('notes.finalise', { noteId: note.noteId, clientId: client.id });
  await door.call('practice.update', LETTERHEAD);
  const samsConsent = await door.call('releaseConsents.create', {
    clientId: client.id,
    recipientOrganisation: 'Leeds City Council',
    purpose: 'Housing',
    periodFrom: '2024-01-01',
    periodTo: '2024-12-31',
    signedOn: '2024-02-01',
    expiresOn: '2099-01-01',
  });
  const samsHold = await door.call('holds.place', { clientId: client.id, kind: 'court', reference: 'Court 2024/9' });
  others.push(sam.id, client.id, kase.id, session.id, note.noteId, samsConsent.id, samsHold.id);
  await door.call('users.create', { name: TESS.name, roles: ['therapist'], passphrase: TESS.passphrase });
  await door.call('vault.lock', {});

  await door.call('vault.unlock', { userName: TESS.name, passphrase: TESS.passphrase });
  const own = await door.call('clients.create', { name: 'Robin Own' });
  const second = await door.call('clients.create', { name: 'Casey Own' });
  const ownCase = await door.call('cases.create', { kind: 'couple', participantIds: [own.id, second.id], openedOn: '2024-01-01' });
  const ownSession = await door.call('sessions.create', { caseId: ownCase.id, startsAt: '2024-01-09T09:00', durationMinutes: 50, modality: 'video', status: 'attended', attendeeIds: [own.id] });
  const draft = await door.call('notes.saveDraft', { about: { type: 'session', sessionId: ownSession.id }, body: 'draft words' });
  const final = await door.call('notes.saveDraft', { about: { type: 'client', clientId: own.id, kind: 'client' }, body: 'final words' });
  await door.call('notes.finalise', { noteId: final.noteId, clientId: own.id });
  const releaseConsent = await door.call('releaseConsents.create', {
    clientId: own.id,
    recipientOrganisation: 'Leeds Community Mental Health Team',
    purpose: 'Referral review',
    periodFrom: '2024-01-01',
    periodTo: '2024-12-31',
    signedOn: '2024-02-01',
    expiresOn: '2099-01-01',
  });
  const exportFolder = join(folder.dir, 'exports');
  mkdirSync(exportFolder);
  const attendance = { clientId: own.id, periodFrom: '2024-01-01', periodTo: '2024-01-31', consentId: releaseConsent.id, includeName: true, includeDateOfBirth: false, includeMissedAndCancelled: false, jointSessions: 'exclude' };
  const wav = writeSineWav(folder.dir, 1).path;
  writeFileSync(join(folder.dir, 'signed-form.pdf'), '%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<<>>\nendobj\n');
  const consent = (clientId: string) => consentInput(clientId, ownCase.id, { signedOn: '2024-01-02', destroyBy: '2099-01-01' });
  const ownConsent = await door.call('recordingConsents.create', consent(own.id));
  const recording = await door.call('recordings.attach', { sessionId: ownSession.id, uses: ['supervision'], path: wav });
  examples = {
    'vault.status': {},
    'vault.create': { practiceName: 'Another Practice', userName: 'Someone', passphrase: 'a long enough passphrase' },
    'vault.unlock': { userName: TESS.name, passphrase: TESS.passphrase },
    'vault.recover': { userName: TESS.name, recoveryCode: 'AAAAA-BBBBB-CCCCC-DDDDD-EEEEE', newPassphrase: 'a long enough passphrase' },
    'vault.lock': {},
    'vault.changePassphrase': { currentPassphrase: TESS.passphrase, newPassphrase: 'a brand new passphrase' },
    'vault.newRecoveryCode': { currentPassphrase: TESS.passphrase },
    'vault.pendingRecoveryCode': {},
    'vault.confirmRecoveryCode': {},
    'clock.now': {},
    'vault.verify': {},
    'settings.get': {},
    'settings.update': { autoLockMinutes: 10 },
    'clients.list': { query: 'Robin', status: 'all' },
    'clients.create': {
      name: 'New Person',
      preferredName: 'Newt',
      dateOfBirth: '1990-12-31',
      phone: '01234 567890',
      email: 'new@example.org',
      address: '1 High Street\nLeeds',
      emergencyContact: 'Pat, 07700 900123',
      gpPractice: 'Park Surgery',
      interpreterNeeded: true,
      interpreterLanguage: 'Polish',
      heardAbout: 'GP',
      referrerName: 'Dr Shah',
      referrerContact: 'Park Surgery',
      equality: { consentRecorded: true, ethnicity: 'Mixed', gender: 'Woman', sexualOrientation: 'Gay', disability: 'None', religion: 'None' },
    },
    'clients.update': { clientId: own.id, name: 'Robin Renamed', phone: '01234 000000', equalityWithdrawn: true },
    'clients.get': { clientId: own.id },
    'clients.openFile': { clientId: own.id },
    'cases.list': { clientId: own.id },
    'cases.create': { kind: 'couple', participantIds: [own.id, second.id], therapistId: undefined, openedOn: '2024-02-01' },
    'cases.close': { caseId: ownCase.id, closedOn: '2024-06-01' },
    'sessions.list': { clientId: own.id },
    'sessions.create': { caseId: ownCase.id, startsAt: '2024-01-10T09:00', durationMinutes: 50, modality: 'phone', status: 'attended', attendeeIds: [own.id, second.id] },
    'sessions.update': { sessionId: ownSession.id, startsAt: '2024-01-11T10:00', durationMinutes: 60, modality: 'in-person', status: 'did-not-attend', attendeeIds: [second.id], reason: 'wrong entry' },
    'notes.list': { clientId: own.id },
    'notes.get': { noteId: final.noteId, clientId: own.id },
    'notes.saveDraft': { about: { type: 'session', sessionId: ownSession.id }, noteId: draft.noteId, body: 'more words' },
    'notes.finalise': { noteId: draft.noteId, clientId: own.id },
    'notes.amend': { noteId: final.noteId, clientId: own.id, body: 'amended words', reason: 'a typo' },
    'notes.addClientComment': { noteId: final.noteId, clientId: own.id, comment: 'I said it differently' },
    'search.query': { text: 'words', clientId: own.id },
    'references.resolve': { reference: 'C-0002' },
    'audit.list': { clientReference: 'C-0002', action: 'client.view', from: '2024-01-01', to: '2024-12-31' },
    'users.list': {},
    'users.create': { name: 'Newer User', roles: ['therapist'], passphrase: 'another long passphrase' },
    'practice.get': {},
    'practice.update': { ...LETTERHEAD },
    'releaseConsents.create': {
      clientId: own.id,
      recipientOrganisation: 'Leeds City Council',
      recipientPerson: 'Jo Smith',
      purpose: 'Housing application',
      releases: 'attendance-and-missed',
      periodFrom: '2024-01-01',
      periodTo: '2024-06-30',
      signedOn: '2024-03-01',
      expiresOn: '2025-03-01',
    },
    'releaseConsents.list': { clientId: own.id },
    'releaseConsents.withdraw': { consentId: releaseConsent.id, withdrawnOn: '2024-03-01' },
    'attendance.preview': attendance,
    'attendance.export': { ...attendance, outputFolder: exportFolder },
    'disclosures.list': { clientId: own.id },
    'recordingConsents.create': {
      ...consent(own.id),
      sessionIds: [ownSession.id],
      uses: ['supervision', 'other'],
      otherUse: 'Teaching at a conference',
      expiresOn: '2098-01-01',
      scanPath: join(folder.dir, 'signed-form.pdf'),
    },
    'recordingConsents.list': { clientId: own.id },
    'recordingConsents.withdraw': { consentId: ownConsent.id, withdrawnOn: '2024-02-01' },
    'recordings.attach': { sessionId: ownSession.id, uses: ['supervision'], path: wav },
    'recordings.list': { clientId: own.id },
    'recordings.get': { recordingId: recording.id },
    'recordings.verify': { recordingId: recording.id },
    'retention.purgePreview': {},
    'retention.purge': { currentPassphrase: TESS.passphrase, planDigest: 'a'.repeat(64) },
    'retention.register': { runId: ownCase.id },
    'retention.certificate': { runId: ownCase.id, outputFolder: exportFolder },
    'retention.rules': {},
    'retention.previewRules': { rules: { ...DEFAULT_RETENTION_RULES, minors: { enabled: true, untilAge: 21 } } },
    'retention.updateRules': { rules: { ...DEFAULT_RETENTION_RULES, fieldGroups: { equalityMonitoring: { enabled: false, months: 6 } } } },
    'retention.overview': { withNames: false },
    'retention.clientDue': { clientId: own.id },
    'retention.markEnteredInError': { sessionId: ownSession.id, reason: 'Recorded on the wrong client' },
    'holds.place': { caseId: ownCase.id, kind: 'investigation', reference: 'Inv 2024/5' },
    'holds.release': { holdId: samsHold.id },
    'holds.list': { clientId: own.id, includeReleased: true },
  };
  delete examples['cases.create']['therapistId'];
});
afterAll(() => {
  // The figure the reliability report quotes.
  console.info(`contract fuzz: ${casesRun} spoiled inputs over ${methodNames.length} methods through the core, 0 failures`);
  folder.cleanup();
});

/** Every path to a value in an example field: the field, nested fields and list items. */
function pathsOf(value: unknown, prefix: Path): Path[] {
  if (Array.isArray(value)) return [prefix, ...value.flatMap((item, i) => pathsOf(item, [...prefix, i]))];
  if (value !== null && typeof value === 'object') {
    return [prefix, ...Object.entries(value).flatMap(([key, item]) => pathsOf(item, [...prefix, key]))];
  }
  return [prefix];
}

const lastKey = (path: Path) => [...path].reverse().find((p): p is string => typeof p === 'string') ?? '';
const isIdKey = (key: string) => /Ids?$/.test(key);

function getAt(root: unknown, path: Path): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], root);
}
function setAt(root: Record<string, unknown>, path: Path, value: unknown): void {
  const parent = getAt(root, path.slice(0, -1)) as Record<string | number, unknown>;
  Object.defineProperty(parent, path.at(-1)!, { value, enumerable: true, writable: true, configurable: true });
}
const insert = (text: string, position: number, what: string) => {
  const at = position % (text.length + 1);
  return `${text.slice(0, at)}${what}${text.slice(at)}`;
};
function deep(depth: number, array: boolean): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i += 1) value = array ? [value] : { x: value };
  return value;
}

/**
 * Applies the mutations, each to a different field (a later one never undoes an earlier one), and says
 * whether the result must be refused as invalid input or may instead meet a domain rule (another user's id,
 * a wrong passphrase).
 */
function spoil(method: MethodName, mutations: Mutation[]): { input: unknown; mustBeInvalid: boolean } {
  let input: unknown = structuredClone(examples[method]);
  let mustBeInvalid = false;
  const touched = new Set<string | number>();
  for (const m of mutations) {
    if (m.kind === 'root') {
      input = m.value;
      mustBeInvalid = true;
      continue;
    }
    if (input === null || typeof input !== 'object' || Array.isArray(input)) continue; // already spoiled at the root
    const root = input as Record<string, unknown>;
    if (m.kind === 'proto-key') {
      const nestedKey = m.nested ? Object.keys(root).find((k) => !touched.has(k) && root[k] !== null && typeof root[k] === 'object' && !Array.isArray(root[k])) : undefined;
      Object.defineProperty(nestedKey ? root[nestedKey]! : root, PROTO_KEYS[m.key]!, { value: m.value, enumerable: true, writable: true, configurable: true });
      if (nestedKey) touched.add(nestedKey);
      mustBeInvalid = true;
      continue;
    }
    // Only untouched fields are walked: a spoiled one may be nested thousands deep.
    const paths = Object.keys(root)
      .filter((key) => !touched.has(key))
      .flatMap((key) => pathsOf(root[key], [key]));
    if (m.kind === 'unknown-key' || paths.length === 0) {
      const key = m.kind === 'unknown-key' && !Object.hasOwn(root, m.key) && m.key !== '' ? m.key : `zz${touched.size}`;
      setAt(root, [key], m.kind === 'unknown-key' ? m.value : 1);
      touched.add(key);
      mustBeInvalid = true;
      continue;
    }
    const path = paths[m.at % paths.length]!;
    touched.add(path[0]!);
    const current = getAt(root, path);
    const key = lastKey(path);
    const text = typeof current === 'string' ? current : 'x';
    switch (m.kind) {
      case 'wrong-type': {
        const sameKind = typeof m.value === typeof current && Array.isArray(m.value) === Array.isArray(current) && (m.value === null) === (current === null);
        setAt(root, path, sameKind ? (typeof current === 'string' ? 42 : 'text') : m.value);
        mustBeInvalid = true;
        break;
      }
      case 'huge':
        setAt(root, path, HUGE[m.which]);
        mustBeInvalid = true;
        break;
      case 'broken':
        setAt(root, path, insert(text, m.position, LONE[m.which]!));
        mustBeInvalid = true;
        break;
      case 'nul':
        setAt(root, path, insert(text, m.position, '\u0000'));
        // NUL in a passphrase typed to prove who you are is only a wrong passphrase.
        if (!(ENTERED_SECRETS[method] ?? []).includes(key) || typeof current !== 'string') mustBeInvalid = true;
        break;
      case 'bidi':
        // Right-to-left marks are fine in free text and passphrases, so there the input is spoiled otherwise.
        if (FREE_TEXT.has(key) && typeof current === 'string') setAt(root, path, HUGE[0]);
        else setAt(root, path, insert(text, m.position, BIDI[m.which]!));
        mustBeInvalid = true;
        break;
      case 'invisible':
        setAt(root, path, NAMES.has(key) || typeof current !== 'string' ? INVISIBLE[m.which] : HUGE[0]);
        mustBeInvalid = true;
        break;
      case 'deep':
        setAt(root, path, deep(m.depth, m.array));
        mustBeInvalid = true;
        break;
      case 'other-id':
        if (isIdKey(key) && typeof current === 'string') {
          setAt(root, path, m.which % 3 === 0 ? crypto.randomUUID() : others[m.which % others.length]);
        } else {
          setAt(root, path, HUGE[0]);
          mustBeInvalid = true;
        }
        break;
    }
  }
  return { input, mustBeInvalid };
}

/** The record tables and the number of attempts in the audit log, read with the vault locked. */
async function records(): Promise<{ tables: string; attempts: number; blobs: string[] }> {
  clockOffsetMs += 6 * 60_000;
  const tables = await recordTablesOf(door, vaultDir, TESS);
  // Encrypted files too: a refused call that takes a file path must leave nothing in blobs/.
  const blobs = readdirSync(join(vaultDir, 'blobs')).sort();
  await door.call('vault.lock', {});
  const db = await openVaultDatabaseIndependently(vaultDir, PASSPHRASE);
  const attempts = db.prepare(`SELECT count(*) FROM audit_log WHERE json_extract(detail, '$.outcome') IS NOT NULL`).pluck().get() as number;
  db.close();
  await door.call('vault.unlock', { userName: TESS.name, passphrase: TESS.passphrase });
  return { tables, attempts, blobs };
}

describe('fuzzing every contract method through the core', () => {
  it.each(methodNames)('%s refuses every spoiled input plainly, changes no record and keeps serving', async (method) => {
    const runBefore = casesRun;
    const before = await records();
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), async (mutations) => {
        const { input, mustBeInvalid } = spoil(method, mutations);
        let result;
        try {
          result = await door.core.call(method, input);
        } catch (error) {
          throw new Error(`call threw: ${String(error)}`);
        }
        casesRun += 1;
        expect(result.ok).toBe(false);
        if (result.ok) return;
        const { code, message } = result.error;
        expect(code).not.toBe('internal');
        if (mustBeInvalid) expect(code).toBe('invalid-input');
        else expect(DOMAIN_CODES).toContain(code);
        expect(message).not.toMatch(JARGON);
        expect(message.length).toBeLessThan(400);
        for (const text of [message, ...(result.error.issues ?? []).flatMap((i) => [i.path, i.message])]) expect(text).not.toMatch(UNPRINTABLE);
        expect(await door.core.call('vault.status', {})).toMatchObject({ ok: true, value: { state: 'unlocked', user: { name: TESS.name } } });
      }),
      { numRuns: RUNS_PER_METHOD },
    );
    expect(casesRun - runBefore).toBeGreaterThanOrEqual(RUNS_PER_METHOD);
    // No record changed; an audited method's refusals are each entered as one attempt, and nothing else is.
    const after = await records();
    expect(after.tables).toEqual(before.tables);
    expect(after.blobs).toEqual(before.blobs);
    const audited = ['view', 'change', 'key-change', 'batched'].includes(contract[method].audit.kind);
    expect(after.attempts - before.attempts).toBe(audited ? casesRun - runBefore : 0);
  });

  it('after every case, ordinary work goes on and the records are as they were', async () => {
    const client = await door.call('clients.create', { name: 'After Fuzz' });
    expect(client.name).toBe('After Fuzz');
    expect((await door.call('clients.list', {})).clients.map((c) => c.name)).toEqual(['After Fuzz', 'Casey Own', 'Robin Own']);
    expect((await door.call('sessions.list', { clientId: client.id })).sessions).toEqual([]);
    await door.call('vault.lock', {});
    expect((await door.call('vault.unlock', { passphrase: PASSPHRASE })).user.name).toBe('Sam Okafor');
    expect((await door.call('clients.list', {})).clients).toHaveLength(4);
  });
});
