import { actorOf } from './actor';
import { randomUUID } from 'node:crypto';
import { formatCaseReference } from '../../../shared/client-reference';
import type { CaseKind, CaseRecord } from '../../../shared/records';
import { caseCapabilities } from '../../../shared/rules/access';
import { participantCountProblem } from '../../../shared/rules/case-kinds';
import { futureDateProblem } from '../../../shared/dates';
import { ConfideError, conflict, forbidden, invalidField, notFound } from '../errors';
import type { ServiceContext } from './context';
import { participantsOfCase } from './refs';
import { assertClientVisible, caseAbout } from './visibility';
import { prepared } from '../vault/statements';
import { nextReference } from './next-reference';

export interface CaseRow {
  id: string;
  reference_no: number;
  kind: CaseKind;
  therapist_id: string;
  therapist_name: string;
  opened_on: string;
  closed_on: string | null;
}

const SELECT_CASE = 'SELECT cases.*, users.name AS therapist_name FROM cases JOIN users ON users.id = cases.therapist_id';

const invalid = (message: string) => new ConfideError('invalid-input', message);

function toRecord(ctx: ServiceContext, row: CaseRow): CaseRecord {
  return {
    id: row.id,
    reference: formatCaseReference(row.reference_no),
    kind: row.kind,
    status: row.closed_on === null ? 'open' : 'closed',
    openedOn: row.opened_on,
    closedOn: row.closed_on,
    therapist: { id: row.therapist_id, name: row.therapist_name },
    participants: participantsOfCase(ctx.db, row.id),
    can: capabilitiesOf(ctx, row),
  };
}

function capabilitiesOf(ctx: ServiceContext, row: CaseRow) {
  const actor = actorOf(ctx);
  return caseCapabilities(actor, { runsCase: row.therapist_id === ctx.user.id, open: row.closed_on === null });
}

export function findCase(ctx: ServiceContext, caseId: string): CaseRow {
  const row = prepared(ctx.db, `${SELECT_CASE} WHERE cases.id = ?`).get(caseId) as CaseRow | undefined;
  if (!row || (row.therapist_id !== ctx.user.id && !ctx.user.is_director)) throw notFound('That case');
  return row;
}

/** Only the case's own therapist records (and corrects) its sessions and notes. */
export function assertRunsCase(ctx: ServiceContext, row: CaseRow, message = "Only the case's therapist can record its sessions and notes."): void {
  if (row.therapist_id !== ctx.user.id) throw forbidden(message);
}

export function listCases(ctx: ServiceContext, clientId: string): CaseRecord[] {
  assertClientVisible(ctx, clientId);
  const about = caseAbout(ctx, clientId);
  const rows = prepared(ctx.db, `${SELECT_CASE} WHERE ${about.sql} ORDER BY cases.opened_on DESC, cases.reference_no DESC`)
    .all(...about.params) as CaseRow[];
  return rows.map((row) => toRecord(ctx, row));
}

export function createCase(
  ctx: ServiceContext,
  input: { kind: CaseKind; participantIds: string[]; therapistId?: string | undefined; openedOn: string },
): CaseRecord {
  const future = futureDateProblem('Opening date', input.openedOn, ctx.today());
  if (future) throw invalidField('openedOn', `${future}: a case opens on the day work with the client begins.`);
  const participants = [...new Set(input.participantIds)];
  const problem = participantCountProblem(input.kind, participants.length);
  if (problem !== null) throw invalid(problem);
  participants.forEach((clientId) => assertClientVisible(ctx, clientId));
  const therapistId = input.therapistId ?? ctx.user.id;
  if (therapistId !== ctx.user.id && !ctx.user.is_director) {
    throw forbidden('Only a practice director can assign a case to another therapist.');
  }
  const therapist = prepared(ctx.db, 'SELECT is_therapist FROM users WHERE id = ?').get(therapistId) as
    | { is_therapist: 0 | 1 }
    | undefined;
  if (!therapist) throw notFound('That therapist');
  if (!therapist.is_therapist) throw invalid('A case must be assigned to a user with the therapist role.');
  const id = randomUUID();
  ctx.db.transaction(() => {
    const next = { n: nextReference(ctx.db, 'case') };
    prepared(ctx.db, 'INSERT INTO cases (id, reference_no, kind, therapist_id, opened_on, closed_on, created_at) VALUES (?, ?, ?, ?, ?, NULL, ?)')
      .run(id, next.n, input.kind, therapistId, input.openedOn, ctx.now());
    const add = prepared(ctx.db, 'INSERT INTO case_participants (case_id, client_id) VALUES (?, ?)');
    participants.forEach((clientId) => add.run(id, clientId));
  })();
  return toRecord(ctx, findCase(ctx, id));
}

export function closeCase(ctx: ServiceContext, input: { caseId: string; closedOn: string }): CaseRecord {
  const row = findCase(ctx, input.caseId);
  if (row.closed_on !== null) throw conflict('This case is already closed.');
  if (!capabilitiesOf(ctx, row).close) throw forbidden("Only the case's therapist or a practice director can close it.");
  if (input.closedOn < row.opened_on) throw invalidField('closedOn', 'A case cannot close before the day it opened.');
  const future = futureDateProblem('Closing date', input.closedOn, ctx.today());
  if (future) throw invalidField('closedOn', `${future}: close the case on or after the day work ends.`);
  const last = prepared(ctx.db, 'SELECT max(substr(starts_at, 1, 10)) AS day FROM sessions WHERE case_id = ?').get(row.id) as {
    day: string | null;
  };
  if (last.day !== null && input.closedOn < last.day) {
    throw invalidField('closedOn', 'A case cannot close before its last session.');
  }
  ctx.db.transaction(() => {
    prepared(ctx.db, 'UPDATE cases SET closed_on = ? WHERE id = ?').run(input.closedOn, row.id);
  })();
  return toRecord(ctx, findCase(ctx, row.id));
}
