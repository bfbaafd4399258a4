import { useEffect, useState } from 'react';
import { call, type UiError } from '../api';
import type { DisclosureRecord } from '../../../shared/release';
import { Alert } from '../components/Alert';
import { ScreenHeading } from '../components/ScreenHeading';
import { formatDate, personLabel } from '../format';
import { periodLabel, recipientLabel } from '../releaseFormat';
import { go } from '../stores/navigation';
import { useSession } from '../stores/session';

const basisLabels: Record<DisclosureRecord['basis'], string> = {
  consent: 'The client’s written consent',
  'court-order': 'Court order',
  safeguarding: 'Safeguarding duty',
  'legal-obligation': 'Legal obligation',
};

const toldLabels: Record<DisclosureRecord['clientTold'], string> = {
  consented: 'Consented to it',
  told: 'Told',
  'not-told': 'Not told',
};

function DisclosureItem({ disclosure }: { disclosure: DisclosureRecord }) {
  const headingId = `disclosure-${disclosure.id}`;
  return (
    <li className="disclosure">
      <article aria-labelledby={headingId}>
        <h2 id={headingId} className="disclosure-title">
          <span className="client-row-reference">{disclosure.reference}</span> {formatDate(disclosure.disclosedOn)} · {recipientLabel(disclosure.recipient)}
        </h2>
        <dl className="disclosure-facts">
          <div>
            <dt>About</dt>
            <dd>
              <button type="button" className="button button--link" onClick={() => go({ name: 'client', clientId: disclosure.client.id })}>
                {personLabel(disclosure.client)}
              </button>
            </dd>
          </div>
          <div>
            <dt>What was released</dt>
            <dd>
              {disclosure.released}
              {disclosure.attendance ? ` Period: ${periodLabel(disclosure.attendance.periodFrom, disclosure.attendance.periodTo)}.` : ''}
            </dd>
          </div>
          <div>
            <dt>Basis</dt>
            <dd>{basisLabels[disclosure.basis]}</dd>
          </div>
          <div>
            <dt>Consents relied on</dt>
            <dd>
              <ul className="consent-list">
                {disclosure.consents.map((consent) => (
                  <li key={consent.id}>
                    {personLabel(consent.client)}, signed {formatDate(consent.signedOn)}
                  </li>
                ))}
              </ul>
            </dd>
          </div>
          <div>
            <dt>Released by</dt>
            <dd>{disclosure.releasedBy}</dd>
          </div>
          <div>
            <dt>Authorised by</dt>
            <dd>{disclosure.authorisedBy}</dd>
          </div>
          <div>
            <dt>Client told</dt>
            <dd>
              {toldLabels[disclosure.clientTold]}
              {disclosure.clientToldOn ? `, ${formatDate(disclosure.clientToldOn)}` : ''}
            </dd>
          </div>
          <div>
            <dt>Files</dt>
            <dd>
              <ul className="exported-files">
                {disclosure.files.map((file) => (
                  <li key={file.name}>
                    <span className="exported-file-name">{file.name}</span>
                    <span className="digest">
                      SHA-256 <code>{file.sha256}</code>
                    </span>
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        </dl>
      </article>
    </li>
  );
}

/**
 * Every release of information about a client, newest first: a director sees the practice's, a therapist
 * their own caseload's (the core decides which).
 */
export function Disclosures() {
  const isDirector = useSession((state) => state.user?.roles.includes('director') ?? false);
  const [disclosures, setDisclosures] = useState<DisclosureRecord[] | null>(null);
  const [failure, setFailure] = useState<UiError | null>(null);

  useEffect(() => {
    let live = true;
    void call('disclosures.list', {}).then((result) => {
      if (!live) return;
      if (result.ok) setDisclosures(result.value.disclosures);
      else setFailure(result.error);
    });
    return () => {
      live = false;
    };
  }, []);

  return (
    <main className="page" aria-labelledby="disclosures-heading">
      <div className="page-header">
        <ScreenHeading id="disclosures-heading">Disclosure log</ScreenHeading>
      </div>
      <p className="lede">
        Every time information about a client left the practice: what, to whom, on what basis and who released it, with a SHA-256 fingerprint of each file so
        a copy can be matched to its entry. {isDirector ? 'This is the whole practice’s log.' : 'You see disclosures about your own clients.'}
      </p>
      {failure ? <Alert>{failure.message}</Alert> : null}
      {disclosures === null ? (
        failure ? null : <p className="muted">Loading the disclosure log…</p>
      ) : disclosures.length === 0 ? (
        <p className="muted" role="status">
          Nothing has been disclosed.
        </p>
      ) : (
        <>
          <p className="muted" role="status">
            {disclosures.length} {disclosures.length === 1 ? 'disclosure' : 'disclosures'}, newest first.
          </p>
          <ol className="disclosures" aria-label="Disclosures, newest first">
            {disclosures.map((disclosure) => (
              <DisclosureItem key={disclosure.id} disclosure={disclosure} />
            ))}
          </ol>
        </>
      )}
    </main>
  );
}
