import { actorOf } from './actor';
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { contract } from '../../../shared/contract';
import type { ClientDetail, ClientSummary } from '../../../shared/schemas';
import { formatClientReference } from '../../../shared/client-reference';
import { clientCapabilities, type ClientCapabilities } from '../../../shared/rules/access';
import { futureDateProblem } from '../../../shared/dates';
import { ConfideError, forbidden, invalidField } from '../errors';
import type { ServiceContext } from './context';
import { assertClientVisible, clientVisible, isClinicianFor } from './visibility';
import { prepared } from '../vault/statements';
import { nextReference } from './next-reference';

type NewClientInput = z.output<(typeof contract)['clients.create']['input']>;
type UpdateClientInput = z.output<(typeof contract)['clients.update']['input']>;

interface ClientRow {
  id: string;
  reference_no: number;
  name: string;
  preferred_name: string | null;
  date_of_birth: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  emergency_contact: string | null;
  gp_practice: string | null;
  interpreter_needed: 0 | 1;
  interpreter_language: string | null;
  heard_about: string | null;
  therapist_id: string;
  created_at: string;
  status: 'active' | 'closed';
}

/** A client is closed when they have cases and every one is closed (end of service). */
const SELECT_CLIENT = `
  SELECT clients.*, CASE WHEN EXISTS (SELECT 1 FROM case_participants p WHERE p.client_id = clients.id)
    AND NOT EXISTS (SELECT 1 FROM case_participants p JOIN cases c ON c.id = p.case_id
                    WHERE p.client_id = clients.id AND c.closed_on IS NULL)
    THEN 'closed' ELSE 'active' END AS status
  FROM clients`;

const emptyToNull = (value: string | undefined | null) => (value === undefined || value === null || value === '' ? null : value);

function toSummary(row: ClientRow): ClientSummary {
  return {
    id: row.id,
    reference: formatClientReference(row.reference_no),
    name: row.name,
    preferredName: row.preferred_name,
    dateOfBirth: row.date_of_birth,
    status: row.status,
  };
}

export function listClients(
  ctx: ServiceContext,
  input: { query?: string | undefined; status?: 'active' | 'closed' | 'all' | undefined },
): ClientSummary[] {
  const visible = clientVisible(ctx);
  const where = [visible.sql];
  const params: unknown[] = [...visible.params];
  const query = input.query?.trim();
  if (query) {
    const pattern = `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(
      "(name LIKE ? ESCAPE '\\' OR ifnull(preferred_name, '') LIKE ? ESCAPE '\\' OR client_reference(reference_no) LIKE ? ESCAPE '\\')",
    );
    params.push(pattern, pattern, pattern);
  }
  const status = input.status ?? 'all';
  const rows = prepared(
      ctx.db,
      `SELECT * FROM (${SELECT_CLIENT} WHERE ${where.join(' AND ')})
       ${status === 'all' ? '' : 'WHERE status = ?'} ORDER BY name COLLATE NOCASE, reference_no`,
    )
    .all(...params, ...(status === 'all' ? [] : [status])) as ClientRow[];
  return rows.map(toSummary);
}

/** A date of birth after today (on the core's clock) cannot be true. */
function assertBornByToday(ctx: ServiceContext, dateOfBirth: string | undefined): void {
  const future = dateOfBirth ? futureDateProblem('Date of birth', dateOfBirth, ctx.today()) : null;
  if (future) throw invalidField('dateOfBirth', future);
}

export function createClient(ctx: ServiceContext, input: NewClientInput): ClientDetail {
  if (!ctx.user.is_therapist) throw forbidden('Only a therapist can add a client to their caseload.');
  assertBornByToday(ctx, input.dateOfBirth);
  const id = randomUUID();
  const now = ctx.now();
  ctx.db.transaction(() => {
    const next = { n: nextReference(ctx.db, 'client') };
    prepared(
        ctx.db,
        `INSERT INTO clients (id, reference_no, name, therapist_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(id, next.n, input.name, ctx.user.id, now, now);
    writeDetails(ctx, id, input);
  })();
  return readClient(ctx, id);
}

/** What this user may do with this client's record: the one decision both the core and the screens use. */
export function capabilitiesFor(ctx: ServiceContext, clientId: string): ClientCapabilities {
  return clientCapabilities(actorOf(ctx), isClinicianFor(ctx, clientId));
}

export function updateClient(ctx: ServiceContext, input: UpdateClientInput): ClientDetail {
  assertClientVisible(ctx, input.clientId);
  const can = capabilitiesFor(ctx, input.clientId);
  if (!can.editDetails) {
    throw forbidden("Only the client's therapist or a practice director can change their details.");
  }
  if ((input.equality !== undefined || input.equalityWithdrawn) && !can.seeEqualityMonitoring) {
    throw forbidden("Only the client's therapist records or withdraws equality monitoring.");
  }
  assertBornByToday(ctx, input.dateOfBirth);
  if (input.equality && input.equalityWithdrawn) {
    throw new ConfideError('invalid-input', 'Equality monitoring cannot be recorded and withdrawn at once.');
  }
  ctx.db.transaction(() => {
    writeDetails(ctx, input.clientId, input);
    if (input.equalityWithdrawn) {
      prepared(ctx.db, 'DELETE FROM client_equality WHERE client_id = ?').run(input.clientId);
    }
  })();
  return readClient(ctx, input.clientId);
}

/** Writes the fields present in the input; a field given as '' is cleared. */
function writeDetails(ctx: ServiceContext, clientId: string, input: Omit<NewClientInput, 'name'> & { name?: string | undefined }): void {
  const columns: Array<[string, unknown]> = [];
  const text = (column: string, value: string | undefined) => {
    if (value !== undefined) columns.push([column, emptyToNull(value)]);
  };
  text('name', input.name);
  text('preferred_name', input.preferredName);
  text('date_of_birth', input.dateOfBirth);
  text('phone', input.phone);
  text('email', input.email);
  text('address', input.address);
  text('emergency_contact', input.emergencyContact);
  text('gp_practice', input.gpPractice);
  text('interpreter_language', input.interpreterLanguage);
  text('heard_about', input.heardAbout);
  if (input.interpreterNeeded !== undefined) columns.push(['interpreter_needed', input.interpreterNeeded ? 1 : 0]);
  if (columns.length > 0) {
    prepared(ctx.db, `UPDATE clients SET ${columns.map(([c]) => `${c} = ?`).join(', ')}, updated_at = ? WHERE id = ?`)
      .run(...columns.map(([, v]) => v), ctx.now(), clientId);
  }
  if (input.referrerName !== undefined || input.referrerContact !== undefined) {
    const current = prepared(ctx.db, 'SELECT name, contact FROM client_referrers WHERE client_id = ?').get(clientId) as
      | { name: string | null; contact: string | null }
      | undefined;
    const name = input.referrerName !== undefined ? emptyToNull(input.referrerName) : (current?.name ?? null);
    const contact = input.referrerContact !== undefined ? emptyToNull(input.referrerContact) : (current?.contact ?? null);
    prepared(ctx.db, 'DELETE FROM client_referrers WHERE client_id = ?').run(clientId);
    if (name !== null || contact !== null) {
      prepared(ctx.db, 'INSERT INTO client_referrers (client_id, name, contact) VALUES (?, ?, ?)').run(clientId, name, contact);
    }
  }
  if (input.equality) {
    const e = input.equality;
    prepared(ctx.db, 'DELETE FROM client_equality WHERE client_id = ?').run(clientId);
    prepared(
        ctx.db,
        `INSERT INTO client_equality (client_id, consent_recorded_at, consent_recorded_by, ethnicity, gender, sexual_orientation, disability, religion)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        clientId,
        ctx.now(),
        ctx.user.id,
        emptyToNull(e.ethnicity),
        emptyToNull(e.gender),
        emptyToNull(e.sexualOrientation),
        emptyToNull(e.disability),
        emptyToNull(e.religion),
      );
  }
}

function readClient(ctx: ServiceContext, clientId: string): ClientDetail {
  assertClientVisible(ctx, clientId);
  const row = prepared(ctx.db, `${SELECT_CLIENT.replace('clients.*', 'clients.*, users.name AS therapist_name')} JOIN users ON users.id = clients.therapist_id WHERE clients.id = ?`)
    .get(clientId) as ClientRow & { therapist_name: string };
  const referrer = prepared(ctx.db, 'SELECT name, contact FROM client_referrers WHERE client_id = ?').get(clientId) as
    | { name: string | null; contact: string | null }
    | undefined;
  const can = capabilitiesFor(ctx, clientId);
  // Special-category data is not even read for someone who may not see it.
  const equality = can.seeEqualityMonitoring
    ? (prepared(ctx.db, 'SELECT * FROM client_equality WHERE client_id = ?').get(clientId) as Record<string, string | null> | undefined)
    : undefined;
  return {
    ...toSummary(row),
    phone: row.phone,
    email: row.email,
    address: row.address,
    emergencyContact: row.emergency_contact,
    gpPractice: row.gp_practice,
    interpreterNeeded: row.interpreter_needed === 1,
    interpreterLanguage: row.interpreter_language,
    heardAbout: row.heard_about,
    referrerName: referrer?.name ?? null,
    referrerContact: referrer?.contact ?? null,
    equality: equality
      ? {
          consentRecordedAt: equality.consent_recorded_at!,
          ethnicity: equality.ethnicity ?? null,
          gender: equality.gender ?? null,
          sexualOrientation: equality.sexual_orientation ?? null,
          disability: equality.disability ?? null,
          religion: equality.religion ?? null,
        }
      : null,
    therapistName: row.therapist_name,
    createdAt: row.created_at,
    can,
  };
}

/** Opening a client file is a view, and every view is in the audit log. */
export function viewClient(ctx: ServiceContext, clientId: string): ClientDetail {
  const client = readClient(ctx, clientId);
  return client;
}
