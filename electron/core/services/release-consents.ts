import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { formatClientReference } from '../../../shared/client-reference';
import { futureDateProblem } from '../../../shared/dates';
import type { newReleaseConsent, ReleaseConsentRecord, withdrawReleaseConsent as withdrawInput } from '../../../shared/release';
import { consentStatus } from '../../../shared/rules/release-eligibility';
import { ConfideError, conflict, invalidField, notFound } from '../errors';
import { assertClientVisible } from './caseload';
import type { ServiceContext } from './context';
import { storeFile, type StoredFile } from './files';

type NewConsentInput = z.output<typeof newReleaseConsent>;
type WithdrawInput = z.output<typeof withdrawInput>;

interface ConsentRow {
  id: string;
  client_id: string;
  reference_no: number;
  client_name: string;
  recipient_organisation: string;
  recipient_person: string | null;
  purpose: string;
  releases: ReleaseConsentRecord['releases'];
  period_from: string;
  period_to: string;
  signed_on: string;
  expires_on: string;
  withdrawn_on: string | null;
  scan_size: number | null;
  scan_type: string | null;
  recorded_by_name: string;
  recorded_at: string;
}

const SELECT_CONSENT = `
  SELECT rc.id, rc.client_id, c.reference_no, c.name AS client_name, rc.recipient_organisation, rc.recipient_person,
         rc.purpose, rc.releases, rc.period_from, rc.period_to, rc.signed_on, rc.expires_on, rc.withdrawn_on,
         f.size AS scan_size, f.content_type AS scan_type, u.name AS recorded_by_name, rc.recorded_at
  FROM release_consents rc
  JOIN clients c ON c.id = rc.client_id
  JOIN users u ON u.id = rc.recorded_by
  LEFT JOIN files f ON f.id = rc.scan_file_id`;

function toRecord(ctx: ServiceContext, row: ConsentRow): ReleaseConsentRecord {
  return {
    id: row.id,
    client: { id: row.client_id, reference: formatClientReference(row.reference_no), name: row.client_name },
    recipient: { organisation: row.recipient_organisation, person: row.recipient_person },
    purpose: row.purpose,
    releases: row.releases,
    periodFrom: row.period_from,
    periodTo: row.period_to,
    signedOn: row.signed_on,
    expiresOn: row.expires_on,
    withdrawnOn: row.withdrawn_on,
    status: consentStatus({ signedOn: row.signed_on, expiresOn: row.expires_on, withdrawnOn: row.withdrawn_on }, ctx.today()),
    scan: row.scan_size === null || row.scan_type === null ? null : { size: row.scan_size, contentType: row.scan_type },
    recordedBy: row.recorded_by_name,
    recordedAt: row.recorded_at,
  };
}

function readConsent(ctx: ServiceContext, consentId: string): ReleaseConsentRecord {
  const row = ctx.db.prepare(`${SELECT_CONSENT} WHERE rc.id = ?`).get(consentId) as ConsentRow | undefined;
  if (!row) throw notFound('That consent');
  return toRecord(ctx, row);
}

/** A consent of a client this user may see; any other is "not found", like the client itself. */
function findConsent(ctx: ServiceContext, consentId: string): ReleaseConsentRecord {
  const row = ctx.db.prepare('SELECT client_id FROM release_consents WHERE id = ?').get(consentId) as { client_id: string } | undefined;
  if (!row) throw notFound('That consent');
  try {
    assertClientVisible(ctx, row.client_id);
  } catch {
    throw notFound('That consent');
  }
  return readConsent(ctx, consentId);
}

/**
 * Records a client's written consent to release information. The scan of the signed form, if any, is stored
 * last (encrypted, its key in `files` in this call's transaction), so a refused consent stores no file.
 */
export async function createReleaseConsent(ctx: ServiceContext, input: NewConsentInput): Promise<ReleaseConsentRecord> {
  assertClientVisible(ctx, input.clientId);
  const future = futureDateProblem('Date signed', input.signedOn, ctx.today());
  if (future) throw invalidField('signedOn', future);

  let scan: StoredFile | null = null;
  if (input.scanPath !== undefined && input.scanPath !== '') {
    try {
      scan = await storeFile(ctx, ctx.blobs, input.scanPath, 'scan');
    } catch (error) {
      // The file's own problem (empty, not a scan, unreadable) belongs next to the field that chose it.
      if (error instanceof ConfideError && error.code === 'invalid-input') throw invalidField('scanPath', error.message);
      throw error;
    }
  }
  const id = randomUUID();
  try {
    ctx.db
      .prepare(
        `INSERT INTO release_consents (id, client_id, recipient_organisation, recipient_person, purpose, releases, period_from,
           period_to, signed_on, expires_on, scan_file_id, recorded_by, recorded_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        input.clientId,
        input.recipientOrganisation,
        input.recipientPerson ? input.recipientPerson : null,
        input.purpose,
        input.releases ?? 'attendance',
        input.periodFrom,
        input.periodTo,
        input.signedOn,
        input.expiresOn,
        scan?.id ?? null,
        ctx.user.id,
        ctx.now(),
      );
  } catch (error) {
    // No row will ever hold this file's key: remove the file now rather than at the next unlock.
    if (scan) await ctx.blobs.delete(scan.id).catch(() => undefined);
    throw error;
  }
  return readConsent(ctx, id);
}

/** A client's consents to release information, newest signed first. */
export function listReleaseConsents(ctx: ServiceContext, clientId: string): ReleaseConsentRecord[] {
  assertClientVisible(ctx, clientId);
  const rows = ctx.db.prepare(`${SELECT_CONSENT} WHERE rc.client_id = ? ORDER BY rc.signed_on DESC, rc.recorded_at DESC`).all(clientId) as ConsentRow[];
  return rows.map((row) => toRecord(ctx, row));
}

/** Withdrawal is recorded with its date and is final: nothing is released on the consent from then on. */
export function withdrawReleaseConsent(ctx: ServiceContext, input: WithdrawInput): ReleaseConsentRecord {
  const consent = findConsent(ctx, input.consentId);
  if (consent.withdrawnOn !== null) throw conflict('This consent has already been withdrawn.');
  const future = futureDateProblem('Date withdrawn', input.withdrawnOn, ctx.today());
  if (future) throw invalidField('withdrawnOn', future);
  if (input.withdrawnOn < consent.signedOn) throw invalidField('withdrawnOn', 'A consent cannot be withdrawn before the date it was signed');
  ctx.db
    .prepare('UPDATE release_consents SET withdrawn_on = ?, withdrawal_recorded_by = ?, withdrawal_recorded_at = ? WHERE id = ?')
    .run(input.withdrawnOn, ctx.user.id, ctx.now(), input.consentId);
  return readConsent(ctx, input.consentId);
}
