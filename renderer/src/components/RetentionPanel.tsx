import { useState } from 'react';
import { holdKindLabels } from '../../../shared/retention';
import { call, type UiError } from '../api';
import { formatDate, formatDateTime } from '../format';
import { Alert } from './Alert';
import { MarkEnteredInErrorDialog } from './MarkEnteredInErrorDialog';
import { PlaceHoldDialog } from './PlaceHoldDialog';
import type { ClientRetention } from './useClientRetention';

interface Props {
  client: { id: string; reference: string };
  cases: ReadonlyArray<{ id: string; reference: string }>;
  retention: ClientRetention;
}

/**
 * The client file's retention: their due date with the rule in words, what stops it, their legal holds, and
 * whether a director marked them as entered in error (with the reason).
 */
export function RetentionPanel({ client, cases, retention }: Props) {
  const { due, reload } = retention;
  const [actFailure, setFailure] = useState<UiError | null>(null);
  const failure = actFailure ?? retention.failure;
  const [notice, setNotice] = useState<string | null>(null);
  const [placing, setPlacing] = useState(false);
  const [marking, setMarking] = useState(false);

  async function release(holdId: string, label: string) {
    const result = await call('holds.release', { holdId });
    if (!result.ok) return setFailure(result.error);
    setFailure(null);
    setNotice(`${label} released.`);
    await reload();
  }

  return (
    <section className="panel" aria-labelledby="retention-panel-heading" data-testid="retention-panel">
      <div className="panel-header">
        <h2 id="retention-panel-heading">Retention</h2>
        {due?.can.manageHolds ? (
          <button type="button" className="button button--small" onClick={() => setPlacing(true)}>
            Place a legal hold
          </button>
        ) : null}
      </div>
      {failure ? <Alert>{failure.message}</Alert> : null}
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {due === null ? (
        failure ? null : <p className="muted">Loading…</p>
      ) : (
        <>
          <p data-testid="retention-due">{due.decision.words[0]!.toUpperCase() + due.decision.words.slice(1)}.</p>
          {due.decision.caveat ? <p className="muted">{due.decision.caveat}</p> : null}
          {due.enteredInError ? (
            <div className="entered-in-error" data-testid="entered-in-error">
              <p>
                <strong>Entered in error</strong>: due now for early destruction; the next purge destroys this client.
              </p>
              <p>Reason: {due.enteredInError.reason}</p>
              <p className="muted">
                Marked by {due.enteredInError.markedBy} on {formatDate(due.enteredInError.markedOn)}
              </p>
            </div>
          ) : null}
          {due.blockers.map((blocker) => (
            <p key={blocker.words} className={`retention-blocker retention-blocker--${blocker.kind}`}>
              {blocker.words[0]!.toUpperCase() + blocker.words.slice(1)}.
            </p>
          ))}
          {due.holds.length > 0 ? (
            <ul className="hold-list" aria-label="Legal holds">
              {due.holds.map((hold) => {
                const label = `${holdKindLabels[hold.kind]} hold ${hold.reference}`;
                return (
                  <li key={hold.id}>
                    <span>
                      <strong>{holdKindLabels[hold.kind]} hold</strong> on {hold.on.kind === 'case' ? `case ${hold.on.reference}` : 'this client'}:{' '}
                      {hold.reference}
                      <br />
                      <span className="muted">
                        Placed by {hold.placedBy}, {formatDateTime(hold.placedAt)}
                      </span>
                    </span>
                    {due.can.manageHolds ? (
                      <button type="button" className="button button--small" onClick={() => void release(hold.id, label)}>
                        Release<span className="visually-hidden"> {label}</span>
                      </button>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          ) : null}
          {due.decision.dueOn && !due.due ? <p className="muted">Nothing is destroyed before {formatDate(due.decision.dueOn)}.</p> : null}
          {due.can.markEnteredInError && !due.enteredInError ? (
            <div className="panel-footer-actions">
              <button type="button" className="button button--small button--quiet" onClick={() => setMarking(true)}>
                Mark as entered in error…
              </button>
            </div>
          ) : null}
        </>
      )}
      {marking ? (
        <MarkEnteredInErrorDialog
          target={{ clientId: client.id, reference: client.reference }}
          onClose={() => setMarking(false)}
          onMarked={() => {
            setMarking(false);
            setNotice(`Client ${client.reference} marked as entered in error. The next purge destroys it.`);
            void reload();
          }}
        />
      ) : null}
      {placing ? (
        <PlaceHoldDialog
          client={client}
          cases={cases}
          onClose={() => setPlacing(false)}
          onPlaced={(hold) => {
            setPlacing(false);
            setNotice(`${holdKindLabels[hold.kind]} hold placed on ${hold.on.kind === 'case' ? `case ${hold.on.reference}` : 'this client'}.`);
            void reload();
          }}
        />
      ) : null}
    </section>
  );
}
