import { useEffect, useState } from 'react';
import { fieldGroupLabels } from '../../../shared/purge';
import { DUE_SOON_DAYS, type ClientDue, type FieldGroupsDueNow, type RetentionOverview, type SessionInError } from '../../../shared/retention';
import { call, type UiError } from '../api';
import { Alert } from '../components/Alert';
import { ScreenHeading } from '../components/ScreenHeading';
import { formatDate } from '../format';
import { go } from '../stores/navigation';

interface Props {
  /**
   * Starts the purge of the clients due now (the purge wizard, built on this screen's "due now" list). Absent
   * until the purge is wired in; the button shows only when it is given.
   */
  onStartPurge?: ((dueNow: readonly ClientDue[]) => void) | undefined;
}

function ClientTable({ clients, caption, showNames }: { clients: readonly ClientDue[]; caption: string; showNames: boolean }) {
  return (
    <table className="table retention-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Client</th>
          {showNames ? <th scope="col">Name</th> : null}
          <th scope="col">Due</th>
          <th scope="col">Why</th>
        </tr>
      </thead>
      <tbody>
        {clients.map((client) => (
          <tr key={client.clientId} data-reference={client.reference}>
            <th scope="row">
              <button type="button" className="button button--link" onClick={() => go({ name: 'client', clientId: client.clientId })}>
                {client.reference}
              </button>
            </th>
            {showNames ? <td>{client.name}</td> : null}
            <td>{client.decision.dueOn ? formatDate(client.decision.dueOn) : 'Not due'}</td>
            <td>
              <span className="retention-words">{client.decision.words}</span>
              {client.enteredInError ? (
                <span className="retention-error-reason">
                  Entered in error, for early destruction: {client.enteredInError.reason} ({client.enteredInError.markedBy})
                </span>
              ) : null}
              {client.decision.caveat ? <span className="muted retention-caveat">{client.decision.caveat}</span> : null}
              {client.blockers.map((blocker) => (
                <span key={blocker.words} className={`retention-blocker retention-blocker--${blocker.kind}`}>
                  {blocker.words}
                </span>
              ))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Sessions a director marked as entered in error, by case reference and date: never who attended. */
function SessionsInError({ sessions }: { sessions: readonly SessionInError[] }) {
  return (
    <section className="panel" aria-labelledby="sessions-in-error-heading" data-section="sessions-in-error">
      <div className="panel-header">
        <h2 id="sessions-in-error-heading">
          Sessions entered in error <span className="count" data-testid="sessions-in-error-count">{sessions.length}</span>
        </h2>
      </div>
      <p className="muted">Sessions recorded on the wrong client. The next purge destroys each, with its notes; the clients stay.</p>
      <table className="table retention-table">
        <caption className="visually-hidden">Sessions entered in error</caption>
        <thead>
          <tr>
            <th scope="col">Case</th>
            <th scope="col">Session of</th>
            <th scope="col">Why</th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((session) => (
            <tr key={session.sessionId} data-reference={session.caseReference}>
              <th scope="row">{session.caseReference}</th>
              <td>{formatDate(session.on)}</td>
              <td>
                {session.held ? (
                  <span className="retention-blocker retention-blocker--legal-hold">on hold: a legal hold stops its destruction until released</span>
                ) : (
                  <span className="retention-words">due now for early destruction</span>
                )}
                <span className="retention-error-reason">
                  Entered in error: {session.reason} ({session.markedBy}, {formatDate(session.markedOn)})
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Referrer details and equality answers due now, of clients whose records stay: by reference with the rule in words. */
function FieldGroupsSection({ clients, showNames }: { clients: readonly FieldGroupsDueNow[]; showNames: boolean }) {
  const count = clients.reduce((total, client) => total + client.groups.length, 0);
  return (
    <section className="panel" aria-labelledby="field-groups-due-now-heading" data-section="field-groups-due-now">
      <div className="panel-header">
        <h2 id="field-groups-due-now-heading">
          Field groups due now <span className="count" data-testid="field-groups-due-now-count">{count}</span>
        </h2>
      </div>
      <p className="muted">Parts of records that go before the rest: a referrer’s contact details, equality-monitoring answers. The records stay.</p>
      {clients.length === 0 ? (
        <p className="muted">No field group is due.</p>
      ) : (
        <table className="table retention-table">
          <caption className="visually-hidden">Field groups due now</caption>
          <thead>
            <tr>
              <th scope="col">Client</th>
              {showNames ? <th scope="col">Name</th> : null}
              <th scope="col">Part</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {clients.flatMap((client) =>
              client.groups.map((group) => (
                <tr key={`${client.clientId}-${group.what}`} data-reference={client.reference}>
                  <th scope="row">
                    <button type="button" className="button button--link" onClick={() => go({ name: 'client', clientId: client.clientId })}>
                      {client.reference}
                    </button>
                  </th>
                  {showNames ? <td>{client.name}</td> : null}
                  <td>{fieldGroupLabels[group.what]}</td>
                  <td>
                    <span className="retention-words">{group.words}</span>
                  </td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Section({ id, title, lede, clients, empty, showNames, children }: {
  id: string;
  title: string;
  lede: string;
  clients: readonly ClientDue[];
  empty: string;
  showNames: boolean;
  children?: React.ReactNode;
}) {
  return (
    <section className="panel" aria-labelledby={`${id}-heading`} data-section={id}>
      <div className="panel-header">
        <h2 id={`${id}-heading`}>
          {title} <span className="count" data-testid={`${id}-count`}>{clients.length}</span>
        </h2>
        {children}
      </div>
      <p className="muted">{lede}</p>
      {clients.length === 0 ? <p className="muted">{empty}</p> : <ClientTable clients={clients} caption={title} showNames={showNames} />}
    </section>
  );
}

/**
 * The retention dashboard (directors): who is due for destruction now, who falls due soon, and who is on hold,
 * by reference code with the rule in words. Names are shown only on request, and that request is audited.
 */
export function Retention({ onStartPurge }: Props) {
  const [overview, setOverview] = useState<RetentionOverview | null>(null);
  const [withNames, setWithNames] = useState(false);
  const [failure, setFailure] = useState<UiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function load(names: boolean) {
    setBusy(true);
    const result = await call('retention.overview', names ? { withNames: true } : {});
    setBusy(false);
    if (result.ok) {
      setOverview(result.value);
      setWithNames(names);
      setFailure(null);
    } else setFailure(result.error);
  }

  useEffect(() => {
    void load(false);
  }, []);

  return (
    <main className="page" aria-labelledby="retention-heading">
      <div className="page-header">
        <ScreenHeading id="retention-heading">Retention</ScreenHeading>
        <button type="button" className="button" disabled={busy || overview === null} aria-pressed={withNames} onClick={() => void load(!withNames)}>
          {withNames ? 'Hide names' : 'Show names'}
        </button>
      </div>
      <p className="lede">
        Clients by reference code, with the rule that sets each date. Showing names is entered in the audit log.
        {overview ? ` Today is ${formatDate(overview.today)}.` : ''}
      </p>
      {failure ? <Alert>{failure.message}</Alert> : null}
      {overview === null ? (
        failure ? null : <p className="muted">Loading…</p>
      ) : (
        <>
          <Section
            id="due-now"
            title="Due now"
            lede="Their retention period has ended and nothing stops their destruction."
            clients={overview.dueNow}
            empty="No client is due for destruction."
            showNames={withNames}
          >
            {/* The purge wizard starts here, from exactly this list. */}
            {onStartPurge &&
            (overview.dueNow.length > 0 || overview.fieldGroupsDueNow.length > 0 || overview.sessionsInError.some((session) => !session.held)) ? (
              <button type="button" className="button button--primary" onClick={() => onStartPurge(overview.dueNow)}>
                Purge…
              </button>
            ) : null}
          </Section>
          <FieldGroupsSection clients={overview.fieldGroupsDueNow} showNames={withNames} />
          <Section
            id="due-soon"
            title={`Due in the next ${overview.dueSoonDays} days`}
            lede="Nothing happens to them until a director runs a purge after their date."
            clients={overview.dueSoon}
            empty={`No client falls due in the next ${DUE_SOON_DAYS} days.`}
            showNames={withNames}
          />
          <Section
            id="on-hold"
            title="On hold"
            lede="Under a legal hold, or due but stopped by an open release. They are not destroyed until what stops them ends."
            clients={overview.onHold}
            empty="No client is on hold."
            showNames={withNames}
          />
          {overview.sessionsInError.length > 0 ? <SessionsInError sessions={overview.sessionsInError} /> : null}
        </>
      )}
    </main>
  );
}
