import type Database from 'better-sqlite3-multiple-ciphers';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientsDue } from '../../electron/core/retention/due-clients';
import type { ServiceContext } from '../../electron/core/services/context';
import type { BlobStore } from '../../electron/core/vault/blobs';
import { findUserByName } from '../../electron/core/vault/users';
import { DEFAULT_RETENTION_RULES } from '../../shared/rules/retention';
import { openVaultDatabaseIndependently } from '../support/independent-open';
import { retentionPractice, TODAY } from '../support/retention-practice';
import { newVault, PASSPHRASE, tempFolder, USER, type TestDoor } from '../support/vault-fixture';

/**
 * Due dates through the core on a real vault whose records were entered over eleven years (the core's clock
 * moved from 2015 to 2026): each client's decision in words, the dashboard's three lists, holds and open
 * releases, and what a change of rules would move.
 */
let folder: ReturnType<typeof tempFolder>;
let door: TestDoor;
let vaultDir = '';
let instant = `${TODAY}T12:00:00Z`;
let practice: Awaited<ReturnType<typeof retentionPractice>>;

beforeAll(async () => {
  folder = tempFolder();
  vaultDir = join(folder.dir, 'vault');
  ({ door } = await newVault(vaultDir, () => new Date(instant), 'Europe/London'));
  const clock = { at: (date: string) => void (instant = `${date}T12:00:00Z`) };
  clock.at('2015-01-05');
  practice = await retentionPractice((method, input) => door.call(method, input), clock);
});
afterAll(() => folder.cleanup());

const dueOf = async (clientId: string) => (await door.call('retention.clientDue', { clientId })).decision;

describe('each client’s due date, with the rule that produced it', () => {
  it.each([
    ['ada', '2022-03-14', 'after-last-case', 'due 14 March 2022: 7 years after the last case closed on 14 March 2015'],
    ['ivy', null, 'open-case', 'not due: case K-0001 is still open'],
    ['jo', '2022-06-01', 'no-case', 'due 1 June 2022: 7 years after their last record on 1 June 2015 (no case was opened)'],
    ['ben', '2026-06-01', 'minor', 'due 1 June 2026: their 25th birthday, later than 7 years after the last case closed on 1 May 2016 (they were under 18 then)'],
    ['leap', '2023-03-01', 'after-last-case', 'due 1 March 2023: 7 years after the last case closed on 29 February 2016'],
    ['dee', '2024-06-30', 'after-last-case', 'due 30 June 2024: 7 years after the last case closed on 30 June 2017'],
    ['eli', '2026-12-20', 'after-last-case', 'due 20 December 2026: 7 years after the last case closed on 20 December 2019'],
    ['cal', '2030-03-01', 'minor', 'due 1 March 2030: their 25th birthday, later than 7 years after the last case closed on 1 February 2018 (they were under 18 then)'],
    ['kim', TODAY, 'entered-in-error', 'due 25 November 2026: a director marked this client as entered in error that day'],
  ] as const)('%s: %s', async (who, dueOn, rule, words) => {
    expect(await dueOf(practice[who].id)).toMatchObject({ dueOn, rule, words });
  });

  it('says when a rule could not be checked (no date of birth)', async () => {
    expect((await dueOf(practice.jo.id)).caveat).toBe('Date of birth not recorded, so the rule for minors could not be checked.');
    expect((await dueOf(practice.ada.id)).caveat).toBeNull();
  });

  it('a couple: the partner whose last case closed first falls due first', async () => {
    const [dee, eli] = [await dueOf(practice.dee.id), await dueOf(practice.eli.id)];
    expect(dee.dueOn! < eli.dueOn!).toBe(true);
    expect((await door.call('retention.clientDue', { clientId: practice.dee.id })).due).toBe(true);
    expect((await door.call('retention.clientDue', { clientId: practice.eli.id })).due).toBe(false);
  });

  it('the client file shows a hold on one of their cases, and who placed it', async () => {
    const fay = await door.call('retention.clientDue', { clientId: practice.fay.id });
    expect(fay.blockers).toEqual([{ kind: 'legal-hold', words: 'on hold: a court hold on case K-0006 since 25 November 2026' }]);
    expect(fay.holds).toMatchObject([{ kind: 'court', on: { kind: 'case', reference: 'K-0006' }, placedBy: USER, releasedAt: null }]);
    expect(fay.can).toEqual({ manageHolds: true, markEnteredInError: true });
  });
});

describe('the retention dashboard', () => {
  it('lists due now, due in 90 days and on hold by reference, oldest first, with no names', async () => {
    const overview = await door.call('retention.overview', {});
    const refs = (list: typeof overview.dueNow) => list.map((c) => c.reference);
    expect(overview.today).toBe(TODAY);
    expect(refs(overview.dueNow)).toEqual(['C-0001', 'C-0003', 'C-0005', 'C-0006', 'C-0004', 'C-0011', 'C-0012']);
    expect(refs(overview.dueSoon)).toEqual(['C-0007']);
    expect(refs(overview.onHold)).toEqual(['C-0008', 'C-0010']);
    expect(overview.onHold.map((c) => c.blockers.map((b) => b.kind))).toEqual([['legal-hold'], ['open-release']]);
    expect(overview.onHold[1]!.blockers[0]!.words).toBe(
      'an open release: a written consent to release information (signed 1 October 2026) is in force until 1 January 2027',
    );
    const text = JSON.stringify(overview);
    for (const name of ['Ada', 'Adult', 'Fay', 'Held', 'Gus', 'Housing']) expect(text).not.toContain(name);
    expect(overview.dueNow.every((c) => c.name === undefined)).toBe(true);
  });

  it('shows names only when asked, and the audit log says names were shown', async () => {
    const overview = await door.call('retention.overview', { withNames: true });
    expect(overview.dueNow.map((c) => c.name)).toEqual(['Ada Adult', 'Jo Enquiry', 'Lee Leap', 'Dee Partner', 'Ben Young', 'Hal Cleared', 'Kim Duplicate']);
    const entries = (await door.call('audit.list', { action: 'retention.overview' })).entries;
    expect(entries.map((e) => e.detail['withNames'])).toEqual([true, false]);
    expect(JSON.stringify(entries)).not.toContain('Ada');
  });

  it('a withdrawn release or a released hold no longer stops destruction', async () => {
    const consent = (await door.call('releaseConsents.list', { clientId: practice.gus.id })).consents[0]!;
    await door.call('releaseConsents.withdraw', { consentId: consent.id, withdrawnOn: TODAY });
    const hold = (await door.call('holds.list', { clientId: practice.fay.id })).holds[0]!;
    await door.call('holds.release', { holdId: hold.id });
    const overview = await door.call('retention.overview', {});
    expect(overview.onHold).toEqual([]);
    expect(overview.dueNow.map((c) => c.reference)).toEqual(['C-0001', 'C-0003', 'C-0005', 'C-0008', 'C-0006', 'C-0010', 'C-0004', 'C-0011', 'C-0012']);
    expect(await door.raw('holds.release', { holdId: hold.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    // Put back for the tests after this one.
    await door.call('holds.place', { caseId: practice.cases.fayCase.id, kind: 'court', reference: 'Leeds County Court LS17C00042' });
  });

  it('a hold on a client under a later rule keeps them on hold even before they fall due', async () => {
    await door.call('holds.place', { clientId: practice.cal.id, kind: 'investigation', reference: 'Police ref 2026/88' });
    const overview = await door.call('retention.overview', {});
    expect(overview.onHold.map((c) => [c.reference, c.due])).toEqual([['C-0008', true], ['C-0009', false]]);
  });
});

describe('changing the rules', () => {
  it('previews how many clients’ due dates a change moves, before saving, and saves nothing', async () => {
    const eight = { ...DEFAULT_RETENTION_RULES, clientRecords: { years: 8 } };
    // Ada, Jo, Lee, Dee, Eli, Fay, Gus, Hal move a year; Ben and Cal stay at their 25th birthday; Ivy is open; Kim is in error.
    expect(await door.call('retention.previewRules', { rules: eight })).toEqual({ moved: 8, becomeDueNow: 0, stopBeingDue: 1 });
    expect((await dueOf(practice.leap.id)).dueOn).toBe('2023-03-01');
    const noMinors = { ...DEFAULT_RETENTION_RULES, minors: { enabled: false, untilAge: 25 } };
    expect(await door.call('retention.previewRules', { rules: noMinors })).toEqual({ moved: 2, becomeDueNow: 1, stopBeingDue: 0 });
  });

  it('saves a director’s change, says how many moved, and due dates follow (29 February + 8 years)', async () => {
    const eight = { ...DEFAULT_RETENTION_RULES, clientRecords: { years: 8 } };
    const saved = await door.call('retention.updateRules', { rules: eight });
    expect(saved.change).toEqual({ moved: 8, becomeDueNow: 0, stopBeingDue: 1 });
    expect(saved.explanations[0]!.words).toContain('8 years after their last case closes');
    expect(await dueOf(practice.leap.id)).toMatchObject({ dueOn: '2024-02-29', words: 'due 29 February 2024: 8 years after the last case closed on 29 February 2016' });
    expect((await door.call('retention.rules', {})).rules).toEqual(eight);
    const entries = (await door.call('audit.list', { action: 'retention.rules.update' })).entries;
    expect(entries[0]!.detail).toMatchObject({ years: 8, moved: 8 });
    await door.call('retention.updateRules', { rules: DEFAULT_RETENTION_RULES });
  });
});

describe('clientsDue for the purge (the core function, on the same vault)', () => {
  let db: Database.Database;
  let ctx: ServiceContext;
  beforeAll(async () => {
    await door.call('vault.lock', {});
    db = await openVaultDatabaseIndependently(vaultDir, PASSPHRASE);
    ctx = {
      db,
      user: findUserByName(db, USER)!,
      now: () => `${TODAY}T12:00:00.000Z`,
      today: () => TODAY,
      localNow: () => `${TODAY}T12:00`,
      blobs: undefined as unknown as BlobStore, // dates only: no file is read
      reportProgress: () => undefined,
      touchFile: () => undefined,
    };
  });
  afterAll(() => db?.close());

  const refs = (list: ReturnType<typeof clientsDue>) => list.map((c) => c.reference).sort();

  it('filters: due (blocked or not), due within N days, on hold; every client otherwise', () => {
    expect(clientsDue(ctx, TODAY)).toHaveLength(12);
    expect(refs(clientsDue(ctx, TODAY, undefined, { filter: 'due' }))).toEqual(['C-0001', 'C-0003', 'C-0004', 'C-0005', 'C-0006', 'C-0008', 'C-0010', 'C-0011', 'C-0012']);
    expect(refs(clientsDue(ctx, TODAY, undefined, { filter: 'due-within-days', days: 90 }))).toEqual(['C-0007']);
    expect(refs(clientsDue(ctx, TODAY, undefined, { filter: 'due-within-days', days: 20 }))).toEqual([]);
    expect(refs(clientsDue(ctx, TODAY, undefined, { filter: 'on-hold' }))).toEqual(['C-0008', 'C-0009']);
  });

  it('on a later day, under given rules, and for chosen clients', () => {
    expect(refs(clientsDue(ctx, '2026-12-20', undefined, { filter: 'due' }))).toContain('C-0007');
    expect(refs(clientsDue(ctx, '2026-12-19', undefined, { filter: 'due' }))).not.toContain('C-0007');
    const tenYears = { ...DEFAULT_RETENTION_RULES, clientRecords: { years: 10 } };
    // Ada (2025), Jo (2025), Ben (his 25th birthday) and Lee (29 February 2016 + 10 years = 1 March 2026) are still due.
    expect(refs(clientsDue(ctx, TODAY, tenYears, { filter: 'due' }))).toEqual(['C-0001', 'C-0003', 'C-0004', 'C-0005', 'C-0012']);
    expect(clientsDue(ctx, TODAY, undefined, { clientIds: [practice.fay.id] })).toMatchObject([
      { reference: 'C-0008', due: true, blockers: [{ kind: 'legal-hold' }] },
    ]);
  });

  it('a blocker check is one entry in a list: a new kind plugs in', () => {
    const everyoneHeld = (_ctx: ServiceContext, ids: ReadonlySet<string>) =>
      [...ids].map((clientId) => ({ clientId, blocker: { kind: 'open-release' as const, words: 'a test blocker' } }));
    const due = clientsDue(ctx, TODAY, undefined, { filter: 'due', checks: [everyoneHeld] });
    expect(due.every((c) => c.blockers.length === 1 && c.blockers[0]!.words === 'a test blocker')).toBe(true);
    expect(clientsDue(ctx, TODAY, undefined, { filter: 'due', checks: [] }).every((c) => c.blockers.length === 0)).toBe(true);
  });
});
