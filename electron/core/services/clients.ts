import { randomUUID } from 'node:crypto';
import type { ClientDetail, ClientSummary, NewClient } from '../../../shared/schemas';
import { formatClientReference } from '../../../shared/client-reference';
import { assertCanSeeClient, visibleClientsCondition } from './access';
import type { ServiceContext } from './context';

interface ClientRow {
  id: string;
  reference_no: number;
  name: string;
  preferred_name: string | null;
  date_of_birth: string | null;
  phone: string | null;
  email: string | null;
  status: 'active' | 'closed';
  created_at: string;
}

const emptyToNull = (value: string | undefined) => (value === undefined || value === '' ? null : value);

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

function toDetail(row: ClientRow): ClientDetail {
  return { ...toSummary(row), phone: row.phone, email: row.email, createdAt: row.created_at };
}

export function listClients(
  ctx: ServiceContext,
  input: { query?: string | undefined; status?: 'active' | 'closed' | 'all' | undefined },
): ClientSummary[] {
  const visible = visibleClientsCondition(ctx);
  const where = [visible.sql];
  const params: unknown[] = [...visible.params];
  const status = input.status ?? 'all';
  if (status !== 'all') {
    where.push('status = ?');
    params.push(status);
  }
  const query = input.query?.trim();
  if (query) {
    const pattern = `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(
      "(name LIKE ? ESCAPE '\\' OR ifnull(preferred_name, '') LIKE ? ESCAPE '\\' OR printf('C-%04d', reference_no) LIKE ? ESCAPE '\\')",
    );
    params.push(pattern, pattern, pattern);
  }
  const rows = ctx.db
    .prepare(`SELECT * FROM clients WHERE ${where.join(' AND ')} ORDER BY name COLLATE NOCASE, reference_no`)
    .all(...params) as ClientRow[];
  return rows.map(toSummary);
}

export function createClient(ctx: ServiceContext, input: NewClient): ClientDetail {
  const id = randomUUID();
  const now = ctx.now();
  ctx.db.transaction(() => {
    const next = ctx.db.prepare('SELECT ifnull(max(reference_no), 0) + 1 AS n FROM clients').get() as { n: number };
    ctx.db
      .prepare(
        `INSERT INTO clients (id, reference_no, name, preferred_name, date_of_birth, phone, email, status, therapist_id, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, 'active', ?, ?, ?)`,
      )
      .run(
        id,
        next.n,
        input.name,
        emptyToNull(input.preferredName),
        emptyToNull(input.dateOfBirth),
        emptyToNull(input.phone),
        emptyToNull(input.email),
        ctx.user.id,
        now,
        now,
      );
    ctx.audit({ action: 'client.create', targetId: id });
  })();
  return readClient(ctx, id);
}

function readClient(ctx: ServiceContext, clientId: string): ClientDetail {
  assertCanSeeClient(ctx, clientId);
  return toDetail(ctx.db.prepare('SELECT * FROM clients WHERE id = ?').get(clientId) as ClientRow);
}

/** Opening a client file is a view, and every view is in the audit log. */
export function viewClient(ctx: ServiceContext, clientId: string): ClientDetail {
  const client = readClient(ctx, clientId);
  ctx.audit({ action: 'client.view', targetId: clientId });
  return client;
}
