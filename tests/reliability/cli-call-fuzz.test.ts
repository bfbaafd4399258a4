import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, methodNames } from '../../shared/contract';
import { expectOneCleanErrorLine, runCli, spawnCli, type CliRun } from '../support/cli';
import { openVaultDatabaseIndependently } from '../support/independent-open';
import { newVault, PASSPHRASE, snapshot, tempFolder, USER } from '../support/vault-fixture';
import { iterations } from './iterations';

/**
 * `confide call` with random method names and hostile JSON input (wrong types, huge strings, deep nesting,
 * ill-formed Unicode, NUL, bidi controls, `__proto__`/`constructor` keys, malformed UTF-8 and JSON): the
 * exit code is 0, 2 or a domain code, stderr is one line with no stack trace and no echo of the input,
 * and a refused call writes nothing — the vault's files are unchanged, or, if the refusal came after
 * unlocking, every table but the audit log is.
 *
 * Most cases drive `run()` in this process (the same code, without a process start); a smaller number
 * run the real `confide` in a child process.
 */
const IN_PROCESS_CASES = iterations(250, 3000);
const CHILD_PROCESS_CASES = iterations(6, 80);

const LIFECYCLE = ['vault.create', 'vault.unlock', 'vault.recover', 'vault.lock'];
const CALLABLE = methodNames.filter((method) => !LIFECYCLE.includes(method));
const SECRET_FIELDS = ['currentPassphrase', 'passphrase', 'newPassphrase'];
/** Given for every secret field a method has: it is not the current passphrase, so nothing is re-keyed. */
const SECRET_LINE = 'not the current passphrase at all';

const shapeOf = (method: (typeof methodNames)[number]) =>
  (contract[method].input as unknown as { shape?: Record<string, unknown> }).shape ?? {};
const FIELD_NAMES = [...new Set([...methodNames.flatMap((m) => Object.keys(shapeOf(m))), 'type', 'sessionId', 'kind', 'consentRecorded'])];

let folder: ReturnType<typeof tempFolder>;
let vault: string;
const known = { clientId: '', caseId: '' };
const baseline = { files: {} as Record<string, string>, records: '' };
const outcomes = new Map<string, number>();

/** Every table but the audit log, hashed: what a refused call must leave as it was. */
async function recordsDigest(): Promise<string> {
  const db = await openVaultDatabaseIndependently(vault, PASSPHRASE);
  try {
    const hash = createHash('sha256');
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'audit_log' ORDER BY name").all() as Array<{ name: string }>;
    for (const { name } of tables) hash.update(name).update(JSON.stringify(db.prepare(`SELECT * FROM "${name}" ORDER BY 1`).raw().all()));
    return hash.digest('hex');
  } finally {
    db.close();
  }
}

async function takeBaseline(): Promise<void> {
  baseline.files = snapshot(vault);
  baseline.records = await recordsDigest();
}

beforeAll(async () => {
  folder = tempFolder();
  vault = join(folder.dir, 'vault');
  const { door } = await newVault(vault);
  const client = await door.call('clients.create', { name: 'Quentin Private', email: 'quentin@example.org' });
  const kase = await door.call('cases.create', { kind: 'individual', participantIds: [client.id], openedOn: '2026-01-05' });
  Object.assign(known, { clientId: client.id, caseId: kase.id });
  await door.call('vault.lock', {});
  await takeBaseline();
});
afterAll(() => {
  console.log(`confide call fuzz: ${IN_PROCESS_CASES} in-process + ${CHILD_PROCESS_CASES} child-process cases; ${JSON.stringify(Object.fromEntries([...outcomes].sort()))}`);
  folder.cleanup();
});

const ODD = [
  '\u0000', '\u202e', '\u2066', '\u200b', '\u200f', '\ufeff', '\ud800', '\udfff', '\u0085', '\r\n', '\u2028', '\u001b[2J',
  '"', '\\', '%', '_', '*', '😀', 'é', 'C-0001', 'K-0001', 'c-0', 'C-99999999', '__proto__', 'constructor', '{"a":1}',
];

const hostileString = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 3, arbitrary: fc.array(fc.oneof(fc.constantFrom(...ODD), fc.string({ unit: 'grapheme', maxLength: 6 })), { maxLength: 8 }).map((parts) => parts.join('')) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.integer({ min: 1_000, max: 300_000 }), fc.constantFrom('a', 'é', '😀', ' ', '\u0000', '\u202e', '\ud800', 'x@'))
      .map(([length, unit]) => unit.repeat(Math.ceil(length / unit.length))),
  },
  { weight: 1, arbitrary: fc.oneof(fc.uuid(), fc.constant('')) },
);
const knownId = fc.constantFrom('client', 'case').map((which) => (which === 'client' ? known.clientId : known.caseId));

const key = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...FIELD_NAMES) },
  { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty') },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
);

const scalar = fc.oneof(
  { weight: 5, arbitrary: hostileString.map((text) => JSON.stringify(text)) },
  { weight: 1, arbitrary: knownId.map((id) => JSON.stringify(id)) },
  { weight: 2, arbitrary: fc.oneof(fc.integer(), fc.integer({ min: -1, max: 500 })).map(String) },
  { weight: 1, arbitrary: fc.constantFrom('true', 'false', 'null', '1e400', '-0', '0.5', '1e-400', '9007199254740993') },
);

/** JSON text built by hand, so keys like __proto__ and repeated keys reach the parser exactly as written. */
const { json } = fc.letrec<{ json: string }>((tie) => ({
  json: fc.oneof(
    { depthSize: 'small' },
    scalar,
    fc.array(tie('json'), { maxLength: 4 }).map((items) => `[${items.join(',')}]`),
    fc.array(fc.tuple(key, tie('json')), { maxLength: 5 }).map((entries) => `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`),
  ),
}));
const objectDocument = fc
  .array(fc.tuple(key, json), { maxLength: 6 })
  .map((entries) => `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`);
const deepDocument = fc
  .tuple(fc.constantFrom(...FIELD_NAMES), fc.integer({ min: 1_000, max: 50_000 }), fc.boolean())
  .map(([field, depth, arrays]) => `{${JSON.stringify(field)}:${arrays ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`}}`);

/** Inputs each method accepts, to be bent by one field, so many cases get past the contract into the core. */
function plausible(method: string): Record<string, unknown> {
  const session = { startsAt: '2026-02-02T10:00', durationMinutes: 50, modality: 'video', status: 'attended' };
  const templates: Record<string, Record<string, unknown>> = {
    'clients.list': { query: 'Quentin', status: 'all' },
    'clients.create': { name: 'Fuzz Client' },
    'clients.update': { clientId: 'C-0001', phone: '01234 567890' },
    'clients.get': { clientId: known.clientId },
    'clients.openFile': { clientId: 'C-0001' },
    'cases.list': { clientId: 'C-0001' },
    'cases.create': { kind: 'individual', participantIds: ['C-0001'], openedOn: '2026-01-10' },
    'cases.close': { caseId: 'K-0001', closedOn: '2025-01-01' },
    'sessions.list': { clientId: 'C-0001' },
    'sessions.create': { caseId: 'K-0001', attendeeIds: [known.clientId], ...session },
    'notes.list': { clientId: 'C-0001' },
    'notes.get': { noteId: known.caseId },
    'notes.saveDraft': { about: { type: 'client', clientId: 'C-0001', kind: 'contact' }, body: 'Phoned.' },
    'notes.finalise': { noteId: known.clientId },
    'notes.amend': { noteId: known.clientId, body: 'Amended.', reason: 'Typo' },
    'notes.addClientComment': { noteId: known.clientId, clientId: 'C-0001', comment: 'Not accurate.' },
    'search.query': { text: 'Quentin', clientId: 'C-0001' },
    'settings.update': { autoLockMinutes: 10 },
    'references.resolve': { reference: 'K-0001' },
    'users.create': { name: 'Fuzz User', roles: ['therapist'] },
  };
  return templates[method] ?? {};
}

const bentDocument = fc
  .tuple(fc.nat(), fc.oneof(json, fc.constant(undefined)), fc.option(fc.tuple(key, json), { nil: undefined }))
  .map(([pick, replacement, extra]) => (method: string) => {
    const fields = Object.entries(plausible(method)).map(([k, v]) => [k, JSON.stringify(v)] as [string, string]);
    if (replacement !== undefined && fields.length > 0) fields[pick % fields.length]![1] = replacement;
    if (extra) fields.push(extra);
    return Buffer.from(`{${fields.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`);
  });

const document = fc.oneof(
  { weight: 8, arbitrary: bentDocument },
  { weight: 4, arbitrary: objectDocument.map((text) => () => Buffer.from(text)) },
  { weight: 2, arbitrary: json.map((text) => () => Buffer.from(text)) },
  { weight: 1, arbitrary: deepDocument.map((text) => () => Buffer.from(text)) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }).map((text) => () => Buffer.from(text)) },
  { weight: 1, arbitrary: fc.uint8Array({ minLength: 1, maxLength: 60 }).map((bytes) => () => Buffer.from(bytes)) },
  {
    weight: 1,
    arbitrary: objectDocument.map((text) => () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text), Buffer.from([0xff, 0xfe])])),
  },
);

const methodName = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...CALLABLE) },
  { weight: 1, arbitrary: fc.constantFrom(...LIFECYCLE, '__proto__', 'constructor', 'toString', 'clients.delete', 'clients.list\u0000', 'CLIENTS.LIST') },
  { weight: 1, arbitrary: hostileString.filter((text) => text.length < 200 && !text.startsWith('-') && !text.includes('\u0000')) },
);

const fuzzCase = fc
  .record({ method: methodName, document, fromFile: fc.boolean(), withUser: fc.boolean() })
  .map(({ document: make, ...rest }) => ({ ...rest, document: make(rest.method) }));
type FuzzCase = typeof fuzzCase extends fc.Arbitrary<infer T> ? T : never;

function invocation(c: FuzzCase, index: number): { args: string[]; stdin: Buffer } {
  const secrets = Object.hasOwn(contract, c.method) ? SECRET_FIELDS.filter((f) => Object.hasOwn(shapeOf(c.method as (typeof methodNames)[number]), f)) : [];
  const lines = Buffer.from(`${PASSPHRASE}\n${secrets.map(() => `${SECRET_LINE}\n`).join('')}`);
  const user = c.withUser ? ['--user', USER] : [];
  if (c.fromFile) {
    const file = join(folder.dir, `input-${index}.json`);
    writeFileSync(file, c.document);
    return { args: ['call', vault, c.method, '--input', file, '--passphrase-stdin', ...user], stdin: lines };
  }
  return { args: ['call', vault, c.method, '--input', '-', '--passphrase-stdin', ...user], stdin: Buffer.concat([lines, c.document]) };
}

/**
 * String values in the input long enough that seeing them in stderr would be an echo, not a coincidence.
 * Field names are echoed on purpose ("Unknown field: nmae"), so a value that is also a key does not count.
 */
function echoCandidates(c: FuzzCase): string[] {
  const text = c.document.toString('utf8');
  const found: string[] = [];
  const keys = new Set<string>();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return text.length >= 12 ? [text.slice(0, 40)] : [];
  }
  const stack: Array<[unknown, number]> = [[parsed, 0]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (typeof value === 'string' && value.length >= 8 && !FIELD_NAMES.includes(value) && !methodNames.includes(value as never)) found.push(value.slice(0, 40));
    else if (typeof value === 'object' && value !== null && depth < 20) {
      for (const [k, item] of Object.entries(value)) {
        keys.add(k);
        stack.push([item, depth + 1]);
      }
    }
  }
  return found.filter((value) => ![...keys].some((k) => k.includes(value)));
}

function count(outcome: string): void {
  outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
}

async function check(c: FuzzCase, result: CliRun): Promise<void> {
  count(`exit ${result.code}`);
  expect([0, 2, 3, 6], result.stderr).toContain(result.code);
  if (result.code === 0) {
    expect(result.stderr).toBe('');
    await takeBaseline();
    return;
  }
  expectOneCleanErrorLine(result);
  expect(result.stdout).toBe('');
  for (const text of echoCandidates(c)) expect(result.stderr).not.toContain(text);
  const files = snapshot(vault);
  if (JSON.stringify(files) !== JSON.stringify(baseline.files)) {
    // Refused after unlocking (a rule in the core, not the contract): only the audit log may have grown.
    expect(await recordsDigest()).toBe(baseline.records);
    baseline.files = files;
    count('refused after unlocking');
  } else {
    count('refused with the vault untouched');
  }
}

describe('confide call under hostile input', () => {
  it(`in process: ${IN_PROCESS_CASES} cases`, async () => {
    let index = 0;
    await fc.assert(
      fc.asyncProperty(fuzzCase, async (c) => {
        const { args, stdin } = invocation(c, index++);
        await check(c, await runCli(args, stdin));
      }),
      { numRuns: IN_PROCESS_CASES },
    );
  }, 600_000);

  it(`as a real process: ${CHILD_PROCESS_CASES} cases`, async () => {
    let index = 0;
    await fc.assert(
      // An argument with a NUL byte cannot even reach a real process (the OS strings end there), so the
      // method names a child is given are the ones a shell could pass; in-process cases cover the rest.
      fc.asyncProperty(
        fuzzCase.filter((c) => !c.method.includes('\u0000')),
        async (c) => {
          const { args, stdin } = invocation(c, 100_000 + index++);
          await check(c, await spawnCli(args, stdin));
        },
      ),
      { numRuns: CHILD_PROCESS_CASES },
    );
  }, 600_000);
});
