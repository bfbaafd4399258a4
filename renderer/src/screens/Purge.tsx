import { useEffect, useState, type FormEvent } from 'react';
import { percentOf, type Progress } from '../../../shared/progress';
import { fieldGroupLabels, type PurgePreview, type PurgeResult } from '../../../shared/purge';
import { call, type UiError } from '../api';
import { Alert } from '../components/Alert';
import { Field } from '../components/Field';
import { ScreenHeading } from '../components/ScreenHeading';
import { formatDate } from '../format';
import { go } from '../stores/navigation';

const plural = (n: number, word: string) => `${n.toLocaleString('en-GB')} ${word}${n === 1 ? '' : 's'}`;

function PreviewTable({ preview }: { preview: PurgePreview }) {
  return (
    <table className="table retention-table">
      <caption>Records to destroy, by reference</caption>
      <thead>
        <tr>
          <th scope="col">Client</th>
          <th scope="col">From</th>
          <th scope="col">To</th>
          <th scope="col">Sessions</th>
          <th scope="col">Notes</th>
          <th scope="col">Recordings</th>
          <th scope="col">Why now</th>
        </tr>
      </thead>
      <tbody>
        {preview.clients.map((client) => (
          <tr key={client.reference}>
            <th scope="row">{client.reference}</th>
            <td>{client.firstOn ? formatDate(client.firstOn) : '—'}</td>
            <td>{client.lastOn ? formatDate(client.lastOn) : '—'}</td>
            <td>{client.sessions}</td>
            <td>{client.notes}</td>
            <td>{client.recordings}</td>
            <td>
              {client.reason}
              {client.jointKept > 0
                ? ` (${plural(client.jointKept, 'joint record')} ${client.jointKept === 1 ? 'stays' : 'stay'} with the others in ${client.jointKept === 1 ? 'it' : 'them'}, naming this client only as “a former client”)`
                : ''}
            </td>
          </tr>
        ))}
        {preview.sessionsInError.map((session) => (
          <tr key={`${session.reference}-${session.on}`}>
            <th scope="row">{session.reference}</th>
            <td colSpan={2}>Session of {formatDate(session.on)}</td>
            <td>1</td>
            <td>{session.notes}</td>
            <td>{session.recordings}</td>
            <td>Entered in error</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Parts of records that stay: referrer details and equality answers due before the record itself. */
function FieldGroupTable({ preview }: { preview: PurgePreview }) {
  return (
    <table className="table retention-table">
      <caption>Parts of kept records to destroy, by reference</caption>
      <thead>
        <tr>
          <th scope="col">Client</th>
          <th scope="col">Part</th>
          <th scope="col">Fields</th>
          <th scope="col">Why now</th>
        </tr>
      </thead>
      <tbody>
        {preview.fieldGroups.map((group) => (
          <tr key={`${group.reference}-${group.what}`}>
            <th scope="row">{group.reference}</th>
            <td>{fieldGroupLabels[group.what]}</td>
            <td>{group.fields}</td>
            <td>{group.reason}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

type Step =
  | { name: 'preview'; preview: PurgePreview }
  | { name: 'running'; progress: Progress | null }
  | { name: 'done'; result: PurgeResult; saved: string | null };

/**
 * The purge wizard (directors): what will be destroyed, by reference code, dates and counts → the director's
 * passphrase again → destruction with a progress bar → the certificate, saved to a folder they choose.
 */
export function Purge() {
  const [step, setStep] = useState<Step | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [passphraseError, setPassphraseError] = useState<string | undefined>(undefined);
  const [failure, setFailure] = useState<UiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function loadPreview() {
    const result = await call('retention.purgePreview', {});
    if (result.ok) setStep({ name: 'preview', preview: result.value });
    else setFailure(result.error);
  }

  useEffect(() => {
    void loadPreview();
  }, []);

  async function approve(event: FormEvent, preview: PurgePreview) {
    event.preventDefault();
    if (passphrase === '') {
      setPassphraseError('Enter your passphrase to approve the destruction');
      return;
    }
    setPassphraseError(undefined);
    setFailure(null);
    setStep({ name: 'running', progress: null });
    const result = await call('retention.purge', { currentPassphrase: passphrase, planDigest: preview.planDigest }, {
      onProgress: (progress) => setStep({ name: 'running', progress }),
    });
    setPassphrase('');
    if (result.ok) {
      setStep({ name: 'done', result: result.value, saved: null });
      return;
    }
    if (result.error.code === 'wrong-passphrase') {
      setPassphraseError('That is not your passphrase. Check it and try again — capital letters matter.');
      setStep({ name: 'preview', preview });
      return;
    }
    if (result.error.code === 'too-many-attempts') {
      // Wrong passphrases here count with the unlock's; the core's words say how long to wait.
      setPassphraseError(result.error.message);
      setStep({ name: 'preview', preview });
      return;
    }
    setFailure(result.error);
    await loadPreview();
  }

  async function saveCertificate(result: PurgeResult) {
    const folder = await window.confide.chooseFolder('export');
    if (folder === null) return;
    setBusy(true);
    const saved = await call('retention.certificate', { runId: result.runId, outputFolder: folder });
    setBusy(false);
    if (saved.ok) setStep({ name: 'done', result, saved: saved.value.path });
    else setFailure(saved.error);
  }

  return (
    <main className="page" aria-labelledby="purge-heading">
      <ScreenHeading id="purge-heading">Purge records due for destruction</ScreenHeading>
      {failure ? <Alert>{failure.message}</Alert> : null}
      {step === null ? <p>Working out what is due…</p> : null}
      {step?.name === 'preview' ? (
        <>
          <section className="panel" aria-labelledby="purge-preview-heading">
            <h2 id="purge-preview-heading">1. What will be destroyed</h2>
            {step.preview.totals.clients + step.preview.sessionsInError.length + step.preview.fieldGroups.length === 0 ? (
              <p>Nothing is due for destruction today{step.preview.cleanupOwed ? ', but an earlier purge stopped before it finished tidying the vault: purge to finish it' : ''}.</p>
            ) : (
              <>
                <p>
                  {plural(step.preview.totals.clients, 'client')}
                  {step.preview.sessionsInError.length > 0 ? ` and ${plural(step.preview.sessionsInError.length, 'session')} entered in error` : ''}:{' '}
                  {plural(step.preview.totals.sessions, 'session')}, {plural(step.preview.totals.notes, 'note')} and{' '}
                  {plural(step.preview.totals.recordings, 'recording')}. Destruction cannot be undone.
                </p>
                {step.preview.totals.clients + step.preview.sessionsInError.length > 0 ? <PreviewTable preview={step.preview} /> : null}
                {step.preview.fieldGroups.length > 0 ? (
                  <>
                    <p>
                      {plural(step.preview.fieldGroups.length, 'part')} of records that are kept (a referrer’s contact details,
                      equality-monitoring answers), due before the rest of the record. The records themselves stay.
                    </p>
                    <FieldGroupTable preview={step.preview} />
                  </>
                ) : null}
              </>
            )}
            {step.preview.blocked.length > 0 ? (
              <>
                <h3>Not destroyed</h3>
                <ul>
                  {step.preview.blocked.map((blocked) => (
                    <li key={blocked.reference}>
                      {blocked.reference}: {blocked.reasons.join('; ')}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            {step.preview.fieldGroupsBlocked.length > 0 ? (
              <>
                <h3>Parts not destroyed</h3>
                <ul>
                  {step.preview.fieldGroupsBlocked.map((blocked) => (
                    <li key={blocked.reference}>
                      {blocked.reference}: {blocked.reasons.join('; ')}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </section>
          <section className="panel" aria-labelledby="purge-approve-heading">
            <h2 id="purge-approve-heading">2. Approve</h2>
            <form className="form" noValidate onSubmit={(event) => void approve(event, step.preview)}>
              <Field
                label="Your passphrase"
                hint="Re-enter it to approve this destruction."
                type="password"
                autoComplete="current-password"
                value={passphrase}
                error={passphraseError}
                onChange={(event) => setPassphrase(event.target.value)}
                required
              />
              <div className="actions">
                <button type="submit" className="button button--primary button--danger">
                  Destroy these records
                </button>
                <button type="button" className="button" onClick={() => go({ name: 'retention' })}>
                  Cancel
                </button>
              </div>
            </form>
          </section>
        </>
      ) : null}
      {step?.name === 'running' ? (
        <section className="panel" aria-labelledby="purge-running-heading">
          <h2 id="purge-running-heading">3. Destroying</h2>
          <div className="progress-line">
            <progress value={step.progress?.done ?? 0} max={Math.max(1, step.progress?.total ?? 1)} aria-label={step.progress?.phase ?? 'Starting'} />
            <span>
              {step.progress ? `${step.progress.phase}: ${percentOf(step.progress)}%` : 'Checking your passphrase…'}
            </span>
          </div>
        </section>
      ) : null}
      {step?.name === 'done' ? (
        <section className="panel" aria-labelledby="purge-done-heading">
          <h2 id="purge-done-heading">4. Certificate</h2>
          <Alert tone={step.result.complete ? 'success' : 'info'}>
            {step.result.complete
              ? `Run R-${String(step.result.runNo).padStart(4, '0')}: destroyed ${plural(step.result.totals.clients, 'client')}` +
                `${step.result.totals.sessionsInError > 0 ? ` and ${plural(step.result.totals.sessionsInError, 'session')} entered in error` : ''}` +
                ` — ${plural(step.result.totals.sessions, 'session')}, ${plural(step.result.totals.notes, 'note')} and ${plural(step.result.totals.recordings, 'recording')}.` +
                (step.result.totals.fieldGroups > 0 ? ` Removed ${plural(step.result.totals.fieldGroups, 'part')} of records that are kept.` : '')
              : 'The purge stopped before it finished. What it destroyed is in the register; purge again to finish.'}
          </Alert>
          <p>The certificate lists what was destroyed by reference code and counts, who authorised it and the rules applied. It names no one.</p>
          <div className="actions">
            <button type="button" className="button button--primary" disabled={busy} onClick={() => void saveCertificate(step.result)}>
              Save the certificate…
            </button>
            <button type="button" className="button" onClick={() => go({ name: 'retention' })}>
              Back to retention
            </button>
          </div>
          {step.saved ? <Alert tone="success">Certificate saved to {step.saved}</Alert> : null}
        </section>
      ) : null}
    </main>
  );
}
