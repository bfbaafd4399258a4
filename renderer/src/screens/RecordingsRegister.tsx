import { useEffect, useState } from 'react';
import type { RecordingRecord } from '../../../shared/recordings';
import { call, type UiError } from '../api';
import { Alert } from '../components/Alert';
import { ScreenHeading } from '../components/ScreenHeading';
import { formatSessionStart, personLabel } from '../format';
import { describeRecordingStatus, describeUses, recordingStatusLabels } from '../recordingLabels';
import { go } from '../stores/navigation';
import { useSession } from '../stores/session';

/**
 * The register of recordings: every recording this user may see, with the consents relied on, its uses, its
 * destruction date and status. A director sees the practice's whole register (identity and dates, as for
 * sessions) but plays only recordings of cases they run themselves.
 */
export function RecordingsRegister() {
  const isDirector = useSession((state) => state.user?.roles.includes('director') ?? false);
  const [recordings, setRecordings] = useState<RecordingRecord[] | null>(null);
  const [failure, setFailure] = useState<UiError | null>(null);

  useEffect(() => {
    void call('recordings.list', {}).then((result) => {
      if (result.ok) setRecordings(result.value.recordings);
      else setFailure(result.error);
    });
  }, []);

  return (
    <main className="page" aria-labelledby="register-heading">
      <div className="page-header">
        <ScreenHeading id="register-heading">Register of recordings</ScreenHeading>
      </div>
      <p className="lede">
        {isDirector
          ? 'Every recording kept or destroyed in the practice, newest session first. Only the therapist of a recording’s case can play it.'
          : 'Recordings of sessions with your clients, newest session first.'}
      </p>
      {failure ? <Alert>{failure.message}</Alert> : null}
      {recordings === null ? (
        <p className="muted">Loading the register…</p>
      ) : recordings.length === 0 ? (
        <p className="muted" role="status">
          No recordings.
        </p>
      ) : (
        <table className="table register-table">
          <caption className="visually-hidden">Recordings, newest session first</caption>
          <thead>
            <tr>
              <th scope="col">Recording</th>
              <th scope="col">Session</th>
              <th scope="col">Clients</th>
              <th scope="col">Consents relied on</th>
              <th scope="col">For</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {recordings.map((recording) => (
              <tr key={recording.id} data-recording-id={recording.id}>
                <th scope="row">{recording.reference}</th>
                <td>
                  {formatSessionStart(recording.session.startsAt)}
                  <br />
                  <span className="muted">case {recording.session.caseReference}</span>
                </td>
                <td>{recording.subjects.map(personLabel).join(', ')}</td>
                <td>{recording.consents.map((c) => c.reference).join(', ')}</td>
                <td>{describeUses(recording.uses)}</td>
                <td>
                  <span className={`badge badge--${recording.status === 'destroyed' ? 'closed' : 'active'}`}>{recordingStatusLabels[recording.status]}</span>
                  <br />
                  <span className="muted">{describeRecordingStatus(recording)}</span>
                </td>
                <td>
                  {recording.can.play ? (
                    <button type="button" className="button button--small" onClick={() => go({ name: 'recording', recordingId: recording.id, clientId: null })}>
                      Play<span className="visually-hidden"> recording {recording.reference}</span>
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
