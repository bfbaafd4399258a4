import { useCallback, useEffect, useId, useState } from 'react';
import { call, type UiError } from '../api';
import type { ReleaseConsentRecord } from '../../../shared/release';
import { formatDate } from '../format';
import { consentStatusLabels, formatBytes, periodLabel, recipientLabel, releaseScopeLabels } from '../releaseFormat';
import { go } from '../stores/navigation';
import { Alert } from './Alert';
import { ReleaseConsentDialog } from './ReleaseConsentDialog';
import { WithdrawReleaseConsentDialog } from './WithdrawReleaseConsentDialog';

function ConsentItem({ consent, onWithdraw }: { consent: ReleaseConsentRecord; onWithdraw(): void }) {
  const headingId = useId();
  const valid = consent.status === 'valid';
  return (
    <li className={`release-consent release-consent--${consent.status}`}>
      <article aria-labelledby={headingId}>
        <h3 id={headingId} className="release-consent-title">
          {recipientLabel(consent.recipient)}{' '}
          <span className={`badge badge--consent-${consent.status}`}>{consentStatusLabels[consent.status]}</span>
        </h3>
        <dl className="release-consent-facts">
          <div>
            <dt>May release</dt>
            <dd>{releaseScopeLabels[consent.releases]}</dd>
          </div>
          <div>
            <dt>Period covered</dt>
            <dd>{periodLabel(consent.periodFrom, consent.periodTo)}</dd>
          </div>
          <div>
            <dt>Signed</dt>
            <dd>{formatDate(consent.signedOn)}</dd>
          </div>
          <div>
            <dt>{consent.status === 'expired' ? 'Expired' : 'Expires'}</dt>
            <dd>{formatDate(consent.expiresOn)}</dd>
          </div>
          {consent.withdrawnOn ? (
            <div>
              <dt>Withdrawn</dt>
              <dd>{formatDate(consent.withdrawnOn)}</dd>
            </div>
          ) : null}
          <div>
            <dt>Purpose</dt>
            <dd>{consent.purpose}</dd>
          </div>
          <div>
            <dt>Signed form</dt>
            <dd>{consent.scan ? `Scan kept in the vault (${formatBytes(consent.scan.size)})` : 'No scan kept'}</dd>
          </div>
        </dl>
        {valid || consent.status === 'not-yet-signed' ? (
          <div className="case-actions">
            <button type="button" className="button button--small button--quiet" onClick={onWithdraw}>
              Record withdrawal<span className="visually-hidden"> of consent to release to {recipientLabel(consent.recipient)}</span>
            </button>
          </div>
        ) : null}
      </article>
    </li>
  );
}

/**
 * The client file's consents to release information: recorded from the signed form, withdrawn when the client
 * says so, and the way into the attendance summary, which is made only on one of them.
 */
export function ReleaseConsentsPanel({ clientId, clientName }: { clientId: string; clientName: string }) {
  const [consents, setConsents] = useState<ReleaseConsentRecord[] | null>(null);
  const [failure, setFailure] = useState<UiError | null>(null);
  const [recording, setRecording] = useState(false);
  const [withdrawing, setWithdrawing] = useState<ReleaseConsentRecord | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(async () => {
    const result = await call('releaseConsents.list', { clientId });
    if (result.ok) {
      setConsents(result.value.consents);
      setFailure(null);
    } else setFailure(result.error);
  }, [clientId]);

  useEffect(() => {
    void load();
  }, [load]);

  const anyValid = consents?.some((c) => c.status === 'valid') ?? false;
  return (
    <section className="panel" aria-labelledby="release-consents-heading">
      <div className="panel-header">
        <h2 id="release-consents-heading">Consents to release information</h2>
        <button type="button" className="button button--small" onClick={() => setRecording(true)}>
          Record a consent
        </button>
      </div>
      <p className="muted">Written consents to send attendance information to someone outside the practice.</p>
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {failure ? <Alert>{failure.message}</Alert> : null}
      {consents === null ? null : consents.length === 0 ? (
        <p className="muted">No consents recorded.</p>
      ) : (
        <ul className="release-consents" aria-labelledby="release-consents-heading">
          {consents.map((consent) => (
            <ConsentItem key={consent.id} consent={consent} onWithdraw={() => setWithdrawing(consent)} />
          ))}
        </ul>
      )}
      {anyValid ? (
        <div className="actions">
          <button type="button" className="button button--primary" onClick={() => go({ name: 'attendance', clientId })}>
            Make an attendance summary
          </button>
        </div>
      ) : null}
      {recording ? (
        <ReleaseConsentDialog
          clientId={clientId}
          clientName={clientName}
          onClose={() => setRecording(false)}
          onRecorded={(consent) => {
            setRecording(false);
            setNotice(`Consent to release information to ${recipientLabel(consent.recipient)} recorded.`);
            void load();
          }}
        />
      ) : null}
      {withdrawing ? (
        <WithdrawReleaseConsentDialog
          consent={withdrawing}
          onClose={() => setWithdrawing(null)}
          onWithdrawn={(consent) => {
            setWithdrawing(null);
            setNotice(`Withdrawal recorded: nothing more will be released to ${recipientLabel(consent.recipient)} on that consent.`);
            void load();
          }}
        />
      ) : null}
    </section>
  );
}
