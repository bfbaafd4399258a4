import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { RecordingConsentRecord, RecordingRecord } from '../../../shared/recordings';
import { formatDate, formatSessionStart } from '../format';
import {
  consentStatusLabels,
  describeCoverage,
  describeRecordingStatus,
  describeUses,
  recordingStatusLabels,
} from '../recordingLabels';
import { go } from '../stores/navigation';
import { useRecordings } from '../stores/recordings';
import { Alert } from './Alert';
import { AttachRecordingDialog } from './AttachRecordingDialog';
import { RecordingConsentDialog } from './RecordingConsentDialog';
import { jointLabel } from './SessionKind';
import { WithdrawConsentDialog } from './WithdrawConsentDialog';

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function ConsentItem({ consent, onWithdraw }: { consent: RecordingConsentRecord; onWithdraw(): void }) {
  const headingId = useId();
  const inForce = consent.status === 'in-force';
  return (
    <li className={`record-item${inForce ? '' : ' record-item--ended'}`}>
      <article aria-labelledby={headingId}>
        <h3 id={headingId} className="record-item-title">
          Consent {consent.reference}{' '}
          <span className={`badge badge--${inForce ? 'active' : 'closed'}`}>{consentStatusLabels[consent.status]}</span>
        </h3>
        <dl className="case-facts">
          <Fact term="Covers">{describeCoverage(consent)}</Fact>
          <Fact term="Permits">{describeUses(consent.uses, consent.otherUse)}</Fact>
          <Fact term="Who may view">{consent.viewers}</Fact>
          <Fact term="Kept">{consent.storage}</Fact>
          <Fact term="Destroyed">
            {consent.destructionMethod}, by {formatDate(consent.destroyBy)}
          </Fact>
          <Fact term="Signed">
            {formatDate(consent.signedOn)}
            {consent.expiresOn ? ` · expires ${formatDate(consent.expiresOn)}` : ' · no expiry'}
            {consent.hasScan ? ' · scan of the signed form kept' : ''}
          </Fact>
          {consent.withdrawnOn ? <Fact term="Withdrawn">{formatDate(consent.withdrawnOn)}</Fact> : null}
        </dl>
        {consent.can.withdraw ? (
          <div className="case-actions">
            <button type="button" className="button button--small button--quiet" onClick={onWithdraw}>
              Withdraw consent<span className="visually-hidden"> {consent.reference}</span>
            </button>
          </div>
        ) : null}
      </article>
    </li>
  );
}

function RecordingItem({ recording, clientId }: { recording: RecordingRecord; clientId: string }) {
  const headingId = useId();
  const kept = recording.status !== 'destroyed';
  return (
    <li className={`record-item${kept ? '' : ' record-item--ended'}`} data-recording-id={recording.id}>
      <article aria-labelledby={headingId}>
        <h3 id={headingId} className="record-item-title">
          Recording {recording.reference}{' '}
          <span className={`badge badge--${kept ? 'active' : 'closed'}`}>{recordingStatusLabels[recording.status]}</span>
        </h3>
        <dl className="case-facts">
          <Fact term="Session">
            {formatSessionStart(recording.session.startsAt)} · case {recording.session.caseReference}
          </Fact>
          <Fact term="With">{jointLabel(recording.otherSubjects)}</Fact>
          <Fact term="For">{describeUses(recording.uses)}</Fact>
          <Fact term="Consents">{recording.consents.map((c) => `${c.reference} (${c.clientReference})`).join(', ')}</Fact>
          <Fact term="Status">{describeRecordingStatus(recording)}</Fact>
        </dl>
        {recording.can.play ? (
          <div className="case-actions">
            <button type="button" className="button button--small" onClick={() => go({ name: 'recording', recordingId: recording.id, clientId })}>
              Play<span className="visually-hidden"> recording {recording.reference}</span>
            </button>
          </div>
        ) : null}
      </article>
    </li>
  );
}

/**
 * The client file's recording consents and recordings (DESIGN.md §1.4). A recording of a joint session is in
 * the file of each client at it, and only theirs; what the user may do comes from the core.
 */
export function RecordingSections({ clientId, clientName }: { clientId: string; clientName: string }) {
  const { consents, coverable, recordings, attachable, loaded, error } = useRecordings();
  const [recordingConsent, setRecordingConsent] = useState(false);
  const [attaching, setAttaching] = useState(false);
  const [withdrawing, setWithdrawing] = useState<RecordingConsentRecord | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const consentsHeadingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    void useRecordings.getState().open(clientId);
  }, [clientId]);

  const done = (text: string) => {
    setMessage(text);
    void useRecordings.getState().reload();
  };

  return (
    <>
      {message ? <Alert tone="success">{message}</Alert> : null}
      {error ? <Alert>{error.message}</Alert> : null}
      <section className="panel" aria-labelledby="recording-consents-heading">
        <div className="panel-header">
          <h2 id="recording-consents-heading" ref={consentsHeadingRef} tabIndex={-1} className="focus-target">
            Recording consents
          </h2>
          {coverable.length > 0 ? (
            <button type="button" className="button button--small" onClick={() => setRecordingConsent(true)}>
              Record a consent
            </button>
          ) : null}
        </div>
        {!loaded ? (
          <p className="muted">Loading…</p>
        ) : consents.length === 0 ? (
          <p className="muted">No consent to recording. Sessions with this client cannot be recorded.</p>
        ) : (
          <ul className="records" aria-labelledby="recording-consents-heading">
            {consents.map((consent) => (
              <ConsentItem key={consent.id} consent={consent} onWithdraw={() => setWithdrawing(consent)} />
            ))}
          </ul>
        )}
      </section>
      <section className="panel" aria-labelledby="recordings-heading">
        <div className="panel-header">
          <h2 id="recordings-heading">Recordings</h2>
          {attachable.length > 0 ? (
            <button type="button" className="button button--small" onClick={() => setAttaching(true)}>
              Attach a recording
            </button>
          ) : null}
        </div>
        {!loaded ? (
          <p className="muted">Loading…</p>
        ) : recordings.length === 0 ? (
          <p className="muted">No recordings.</p>
        ) : (
          <ul className="records" aria-labelledby="recordings-heading">
            {recordings.map((recording) => (
              <RecordingItem key={recording.id} recording={recording} clientId={clientId} />
            ))}
          </ul>
        )}
      </section>
      {recordingConsent ? (
        <RecordingConsentDialog
          clientId={clientId}
          clientName={clientName}
          coverable={coverable}
          onClose={() => setRecordingConsent(false)}
          onRecorded={(consent) => {
            setRecordingConsent(false);
            done(`Consent ${consent.reference} recorded.`);
          }}
        />
      ) : null}
      {attaching ? (
        <AttachRecordingDialog
          sessions={attachable}
          onClose={() => setAttaching(false)}
          onAttached={(recording) => {
            setAttaching(false);
            done(`Recording ${recording.reference} attached to the session of ${formatSessionStart(recording.session.startsAt)}.`);
          }}
        />
      ) : null}
      {withdrawing ? (
        <WithdrawConsentDialog
          consent={withdrawing}
          onClose={() => setWithdrawing(null)}
          onWithdrawn={({ consent, destroyedRecordings }) => {
            setWithdrawing(null);
            done(
              `Consent ${consent.reference} withdrawn.${
                destroyedRecordings === 0 ? '' : ` ${destroyedRecordings === 1 ? 'One recording was' : `${destroyedRecordings} recordings were`} destroyed.`
              }`,
            );
            // The Withdraw button goes with the consent in force; focus goes to the list it was in.
            consentsHeadingRef.current?.focus();
          }}
        />
      ) : null}
    </>
  );
}
