import { createHash } from 'node:crypto';
import { DEFAULT_RETENTION_RULES, retentionRuleWords, type FieldGroupId, type RetentionRules } from '../../../shared/rules/retention';
import type { DestructionRegister, PurgePreview, PurgeResult } from '../../../shared/purge';
import { checkedExportFolder, writeExportFiles } from '../attendance/export-files';
import { pdfCode } from '../pdf-code';
import type { DocumentRenderOptions } from '../documents/pdf-document';
import { conflict, forbidden, notFound } from '../errors';
import type { ServiceContext } from '../services/context';
import { letterhead, practiceName } from '../vault/settings';
import { findUserById } from '../vault/users';
import { allRuns, findRun, runRows, type RegisterRow, type RunRow } from './destruction-register';
import type { DueFieldGroups } from './field-groups-due';
import { purgePlan, type DueEntry } from './purge-plan';
import { runPurge } from './purge-run';
import { pageCleanupOwed } from './page-cleanup';

/** The purge, register and certificate for the contract (retention.*): a practice director's alone. */

export function assertDirector(ctx: ServiceContext, what: string): void {
  if (!ctx.user.is_director) throw forbidden(`Only a practice director can ${what}.`);
}

const rulesWords = (rules: RetentionRules) => retentionRuleWords(rules).map((rule) => rule.words);

/** The preview with the clients it lists by id (whole, and by field groups), so the purge it approves can recheck just those. */
export function previewPurgePlan(
  ctx: ServiceContext,
  due: readonly DueEntry[],
  fieldGroups: readonly DueFieldGroups[],
  rules: RetentionRules,
): { preview: PurgePreview; clientIds: string[]; fieldGroupClientIds: string[] } {
  assertDirector(ctx, 'preview a purge');
  const plan = purgePlan(ctx.db, due, fieldGroups);
  const clientIds = plan.items.flatMap((item) => ('clientId' in item ? [item.clientId] : []));
  const fieldGroupClientIds = plan.items.flatMap((item) => ('fieldGroupsOf' in item ? [item.fieldGroupsOf] : []));
  return {
    preview: { today: ctx.today(), rulesApplied: rulesWords(rules), ...plan.preview, cleanupOwed: pageCleanupOwed(ctx.db) },
    clientIds,
    fieldGroupClientIds,
  };
}

export interface PurgeDoor {
  ctx: ServiceContext;
  due: readonly DueEntry[];
  fieldGroups: readonly DueFieldGroups[];
  rules: RetentionRules;
  planDigest: string;
  betweenBatches(): Promise<boolean>;
  batchMs?: number;
}

/** Destroys what the approved preview listed (or nothing, if what is due has changed since). */
export async function purge(door: PurgeDoor): Promise<PurgeResult> {
  const { ctx } = door;
  assertDirector(ctx, 'run a purge');
  const plan = purgePlan(ctx.db, door.due, door.fieldGroups, { counts: false });
  if (plan.preview.planDigest !== door.planDigest) {
    throw conflict('What is due for destruction has changed since the preview. Preview the purge again, then approve it.');
  }
  const outcome = await runPurge({
    db: ctx.db,
    userId: ctx.user.id,
    now: ctx.now,
    kind: 'purge',
    rules: JSON.stringify(door.rules),
    items: plan.items,
    touchFile: (fileId) => ctx.touchFile(fileId),
    reportProgress: ctx.reportProgress,
    betweenBatches: door.betweenBatches,
    ...(door.batchMs !== undefined ? { batchMs: door.batchMs } : {}),
  });
  const sum = (key: 'records' | 'sessions' | 'notes' | 'recordings' | 'jointKept') => outcome.destroyed.reduce((total, d) => total + d[key], 0);
  return {
    runId: outcome.run.id,
    runNo: outcome.run.run_no,
    complete: outcome.complete,
    totals: {
      clients: outcome.destroyed.length,
      sessionsInError: outcome.sessionsInError.length,
      records: sum('records') + outcome.sessionsInError.reduce((total, s) => total + s.records, 0),
      sessions: sum('sessions') + outcome.sessionsInError.length,
      notes: sum('notes') + outcome.sessionsInError.reduce((total, s) => total + s.notes, 0),
      recordings: sum('recordings') + outcome.sessionsInError.reduce((total, s) => total + s.recordings, 0),
      jointKept: sum('jointKept'),
      fieldGroups: outcome.fieldGroups.length,
    },
    pageCleanup: outcome.pageCleanup,
    certificate: certificateOf(ctx, outcome.run),
  };
}

function rulesOfRun(run: RunRow): RetentionRules {
  try {
    return { ...DEFAULT_RETENTION_RULES, ...(JSON.parse(run.rules) as Partial<RetentionRules>) };
  } catch {
    return DEFAULT_RETENTION_RULES;
  }
}

const nameOf = (ctx: ServiceContext, userId: string) => findUserById(ctx.db, userId)?.name ?? 'a removed user';

const isFieldGroup = (what: RegisterRow['what']): what is FieldGroupId => what === 'referrer' || what === 'equality-monitoring';

export function certificateOf(ctx: ServiceContext, run: RunRow): PurgeResult['certificate'] {
  const rows = runRows(ctx.db, run.id);
  return {
    runId: run.id,
    runNo: run.run_no,
    // The day the run ended (or began, for a run stopped part-way), as recorded (UTC).
    date: (run.finished_at ?? run.started_at).slice(0, 10),
    authorisedBy: nameOf(ctx, run.authorised_by),
    destroyed: rows.filter((row) => !isFieldGroup(row.what)).map((row) => ({
      // A session entered in error is known by its case's reference and its date.
      reference: row.what === 'session' ? `${row.reference}, session of ${row.first_on ?? ''}` : row.reference,
      records: row.records,
      sessions: row.sessions,
      notes: row.notes,
      recordings: row.recordings,
    })),
    fieldGroups: rows.flatMap((row) => (isFieldGroup(row.what) ? [{ reference: row.reference, what: row.what, fields: row.records }] : [])),
    rulesApplied: rulesWords(rulesOfRun(run)),
  };
}

export function destructionRegister(ctx: ServiceContext, runId: string | undefined): DestructionRegister {
  assertDirector(ctx, 'read the destruction register');
  const runs = allRuns(ctx.db);
  const chosen = runId ?? runs[0]?.id ?? null;
  if (runId !== undefined && !runs.some((run) => run.id === runId)) throw notFound('That destruction run');
  return {
    runs: runs.map((run) => ({
      id: run.id,
      runNo: run.run_no,
      kind: run.kind,
      authorisedBy: nameOf(ctx, run.authorised_by),
      startedAt: run.started_at,
      finishedAt: run.finished_at,
      planned: run.planned,
      destroyed: run.destroyed,
    })),
    runId: chosen,
    entries:
      chosen === null
        ? []
        : runRows(ctx.db, chosen).map((row) => ({
            seq: row.seq,
            destroyedAt: row.destroyed_at,
            what: row.what,
            reference: row.reference,
            rule: row.rule,
            firstOn: row.first_on,
            lastOn: row.last_on,
            records: row.records,
            sessions: row.sessions,
            notes: row.notes,
            recordings: row.recordings,
            jointKept: row.joint_kept,
          })),
  };
}

/** The certificate of a run as a PDF, written whole (or not at all) to the folder the director chose. */
export async function saveCertificate(
  ctx: ServiceContext,
  render: DocumentRenderOptions,
  vaultDir: string,
  input: { runId: string; outputFolder: string },
): Promise<{ path: string; bytes: number; sha256: string }> {
  assertDirector(ctx, 'save a destruction certificate');
  const run = findRun(ctx.db, input.runId);
  if (!run) throw notFound('That destruction run');
  const folder = checkedExportFolder(input.outputFolder, vaultDir);
  const content = certificateOf(ctx, run);
  const authoriser = findUserById(ctx.db, run.authorised_by);
  const practice = letterhead(ctx.db);
  const { destructionCertificatePdf } = await pdfCode.destructionCertificate();
  const pdf = destructionCertificatePdf(
    {
      practice: { name: practiceName(ctx.db), addressLines: practice.addressLines },
      runId: `R-${String(run.run_no).padStart(4, '0')} (${run.id})`,
      date: content.date,
      authorisedBy: { name: content.authorisedBy, role: authoriser?.is_director ? 'Practice director' : 'User' },
      destroyed: content.destroyed,
      fieldGroups: content.fieldGroups,
      rulesApplied: content.rulesApplied,
    },
    render,
  );
  const sha256 = createHash('sha256').update(pdf).digest('hex');
  const [path] = writeExportFiles(folder, [{ name: `destruction-certificate-R-${String(run.run_no).padStart(4, '0')}.pdf`, bytes: pdf }]);
  ctx.db.prepare('UPDATE destruction_runs SET certificate_sha256 = ? WHERE id = ?').run(sha256, run.id);
  return { path: path!, bytes: pdf.length, sha256 };
}
