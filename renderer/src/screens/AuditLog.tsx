import { useEffect, useRef, useState, type FormEvent } from 'react';
import { call, type UiError } from '../api';
import { auditActionLabel, auditActions, type AuditAction } from '../../../shared/audit-actions';
import type { AuditLogEntry, AuditLogQuery, AuditReport, User } from '../../../shared/schemas';
import { Alert } from '../components/Alert';
import { DateField, emptyDate, parseDateParts, type DateParts } from '../components/DateField';
import { Field } from '../components/Field';
import { showErrorsAndFocus } from '../components/forms';
import { ScreenHeading } from '../components/ScreenHeading';
import { SelectField } from '../components/SelectField';
import { formatDateTime } from '../format';
import { percentOf, type Progress } from '../../../shared/progress';
import { useToday } from '../stores/clock';

interface Filters {
  userId: string;
  action: string;
  clientReference: string;
  from: DateParts;
  to: DateParts;
}

const noFilters: Filters = { userId: '', action: '', clientReference: '', from: emptyDate, to: emptyDate };
type FilterErrors = Partial<Record<'clientReference' | 'from' | 'to', string>>;

/** "count: 3, ok: true" — entries hold ids and counts only, so their details are safe to show as they are. */
function describeDetail(detail: AuditLogEntry['detail']): string {
  return Object.entries(detail)
    .filter(([key]) => key !== 'outcome')
    .map(([key, value]) => (key === 'code' ? `why: ${String(value).replace(/-/g, ' ')}` : `${key}: ${String(value)}`))
    .join(', ');
}

/** A refused or failed call is entered as an attempt; it is marked in words, not colour alone. */
function Outcome({ detail }: { detail: AuditLogEntry['detail'] }) {
  const outcome = detail['outcome'];
  if (outcome !== 'refused' && outcome !== 'failed') return null;
  return <span className="badge badge--closed"> {outcome === 'refused' ? 'Refused' : 'Failed'}</span>;
}

function ChainCheck() {
  const [report, setReport] = useState<AuditReport | null>(null);
  const [failure, setFailure] = useState<UiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);

  async function check() {
    setBusy(true);
    setProgress(null);
    const result = await call('vault.verify', {}, { onProgress: setProgress });
    setBusy(false);
    setReport(result.ok ? result.value : null);
    setFailure(result.ok ? null : result.error);
  }

  return (
    <section className="panel" aria-labelledby="chain-heading">
      <h2 id="chain-heading">Check the audit trail</h2>
      <p>
        Each entry is sealed with the one before it, so a changed, removed or reordered entry shows up here. The check
        also reads every page of the vault.
      </p>
      <div className="actions">
        <button type="button" className="button" disabled={busy} onClick={() => void check()}>
          {busy ? 'Checking…' : 'Check the audit trail'}
        </button>
      </div>
      {busy && progress ? (
        <div className="progress-line">
          <progress value={progress.done} max={Math.max(1, progress.total)} aria-label={progress.phase} />
          <span>
            {progress.phase}: {percentOf(progress)}%
          </span>
        </div>
      ) : null}
      {failure ? <Alert>{failure.message}</Alert> : null}
      {report === null ? null : report.ok ? (
        <Alert tone="success">
          The audit trail is intact: {report.chain.entries} entries, each sealed to the one before. Every page of the
          vault checked.
        </Alert>
      ) : (
        <Alert>
          {report.chain.ok ? null : <p>The audit trail has been tampered with: {report.chain.problem}.</p>}
          {report.integrity.ok ? null : <p>The vault is damaged: {report.integrity.problem}.</p>}
        </Alert>
      )}
    </section>
  );
}

/** Practice directors: who did what, when, to which client's records (by reference), with the chain check. */
export function AuditLog() {
  const formRef = useRef<HTMLFormElement>(null);
  const today = useToday();
  const [users, setUsers] = useState<User[]>([]);
  const [filters, setFilters] = useState<Filters>(noFilters);
  const [errors, setErrors] = useState<FilterErrors>({});
  const [applied, setApplied] = useState<AuditLogQuery>({});
  const [entries, setEntries] = useState<AuditLogEntry[]>([]);
  const [more, setMore] = useState(false);
  const [loaded, setLoaded] = useState(false);
  const [failure, setFailure] = useState<UiError | null>(null);

  async function load(query: AuditLogQuery, append: boolean) {
    const result = await call('audit.list', query);
    setLoaded(true);
    if (!result.ok) {
      setFailure(result.error);
      if (result.error.fields.clientReference) setErrors({ clientReference: result.error.fields.clientReference });
      return;
    }
    setFailure(null);
    setEntries((current) => (append ? [...current, ...result.value.entries] : result.value.entries));
    setMore(result.value.more);
  }

  useEffect(() => {
    void call('users.list', {}).then((result) => result.ok && setUsers(result.value.users));
    void load({}, false);
  }, []);

  function search(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: FilterErrors = {};
    const from = parseDateParts(filters.from, 'From', { today, example: '1 11 2026' });
    const to = parseDateParts(filters.to, 'To', { today, allowFuture: true, example: '30 11 2026' });
    if ('error' in from) found.from = from.error;
    if ('error' in to) found.to = to.error;
    if ('iso' in from && 'iso' in to && from.iso !== null && to.iso !== null && to.iso < from.iso) {
      found.to = 'To must be on or after From';
    }
    if (Object.keys(found).length > 0) return showErrorsAndFocus(formRef.current, () => setErrors(found));
    setErrors({});
    const query: AuditLogQuery = {
      ...(filters.userId ? { userId: filters.userId } : {}),
      ...(filters.action ? { action: filters.action as AuditAction } : {}),
      ...(filters.clientReference.trim() ? { clientReference: filters.clientReference.trim() } : {}),
      ...('iso' in from && from.iso ? { from: from.iso } : {}),
      ...('iso' in to && to.iso ? { to: to.iso } : {}),
    };
    setApplied(query);
    void load(query, false);
  }

  const oldest = entries.at(-1);
  return (
    <main className="page" aria-labelledby="audit-heading">
      <div className="page-header">
        <ScreenHeading id="audit-heading">Audit log</ScreenHeading>
      </div>
      <p className="lede">
        Every unlock, view, change and refused attempt, newest first. Entries name records by reference and never hold
        note content.
      </p>
      <ChainCheck />
      <section className="panel" aria-labelledby="filter-heading">
        <h2 id="filter-heading">Find entries</h2>
        <form ref={formRef} className="form audit-filters" noValidate onSubmit={search}>
          <div className="form-row">
            <SelectField
              label="Who"
              value={filters.userId}
              options={[{ value: '', label: 'Anyone' }, ...users.map((user) => ({ value: user.id, label: user.name }))]}
              onChange={(userId) => setFilters({ ...filters, userId })}
            />
            <SelectField
              label="What"
              value={filters.action}
              options={[{ value: '', label: 'Any action' }, ...auditActions.map((action) => ({ value: action, label: auditActionLabel(action) }))]}
              onChange={(action) => setFilters({ ...filters, action })}
            />
            <Field
              label="Client reference"
              hint="For example, C-0001"
              value={filters.clientReference}
              error={errors.clientReference}
              onChange={(event) => setFilters({ ...filters, clientReference: event.target.value })}
            />
          </div>
          <div className="form-row">
            <DateField legend="From" value={filters.from} error={errors.from} hint="For example, 1 11 2026" onChange={(from) => setFilters({ ...filters, from })} />
            <DateField legend="To" value={filters.to} error={errors.to} hint="For example, 30 11 2026" onChange={(to) => setFilters({ ...filters, to })} />
          </div>
          <div className="actions">
            <button type="submit" className="button button--primary">
              Show entries
            </button>
          </div>
        </form>
      </section>
      {failure && !errors.clientReference ? <Alert>{failure.message}</Alert> : null}
      {!loaded ? (
        <p className="muted">Loading the audit log…</p>
      ) : entries.length === 0 ? (
        <p className="muted" role="status">
          No entries match.
        </p>
      ) : (
        <>
          <p className="muted" role="status">
            {entries.length} {entries.length === 1 ? 'entry' : 'entries'}
            {more ? ' shown; older ones follow' : ''}.
          </p>
          <table className="table audit-table">
            <caption className="visually-hidden">Audit log entries, newest first</caption>
            <thead>
              <tr>
                <th scope="col">No.</th>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
                <th scope="col">Client</th>
                <th scope="col">Details</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.seq}>
                  <td>{entry.seq}</td>
                  <td>{formatDateTime(entry.at)}</td>
                  <td>{entry.actor?.name ?? <span className="muted">Not signed in</span>}</td>
                  <th scope="row">
                    {auditActionLabel(entry.action)}
                    <Outcome detail={entry.detail} />
                  </th>
                  <td>{entry.clientReferences.join(', ')}</td>
                  <td className="muted">{describeDetail(entry.detail)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {more && oldest ? (
            <div className="actions">
              <button type="button" className="button" onClick={() => void load({ ...applied, beforeSeq: oldest.seq }, true)}>
                Show older entries
              </button>
            </div>
          ) : null}
        </>
      )}
    </main>
  );
}
