import { useEffect, useState } from 'react';
import { recordingSource } from '../../../shared/bridge';
import type { RecordingRecord } from '../../../shared/recordings';
import { call, type UiError } from '../api';
import { Alert } from '../components/Alert';
import { ScreenHeading } from '../components/ScreenHeading';
import { formatDateTime, formatSessionStart, listPeople } from '../format';
import { describeRecordingStatus, describeUses, formatBytes } from '../recordingLabels';
import { go } from '../stores/navigation';

/**
 * Plays one recording. The player reads it from the app's own origin (/recordings/<id>), which the core
 * answers with decrypted byte ranges, so seeking works without a temporary file. A player cannot say why it
 * failed, so on an error the core checks the file and names the recording in what it found.
 */
export function RecordingScreen({ recordingId, clientId }: { recordingId: string; clientId: string | null }) {
  const [recording, setRecording] = useState<RecordingRecord | null>(null);
  const [failure, setFailure] = useState<UiError | null>(null);
  const [playbackProblem, setPlaybackProblem] = useState<string | null>(null);

  useEffect(() => {
    void call('recordings.get', { recordingId }).then((result) => {
      if (result.ok) setRecording(result.value);
      else setFailure(result.error);
    });
  }, [recordingId]);

  async function explainFailure() {
    const checked = await call('recordings.verify', { recordingId });
    setPlaybackProblem(
      checked.ok ? 'The recording could not be played: the file is intact, but this computer cannot play its format.' : checked.error.message,
    );
  }

  const back = () => (clientId ? go({ name: 'client', clientId }) : go({ name: 'recordings' }));
  const video = recording?.media?.contentType.startsWith('video/') ?? false;
  const playerProps = {
    className: 'player',
    controls: true,
    preload: 'metadata' as const,
    src: recordingSource(recordingId),
    'aria-label': recording ? `Recording ${recording.reference}` : 'Recording',
    onError: () => void explainFailure(),
  };
  return (
    <main className="page page--medium" aria-labelledby="recording-heading">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <button type="button" className="button button--link" onClick={back}>
          <span aria-hidden="true" className="back-arrow">←</span>
          {clientId ? 'Back to the client file' : 'Register of recordings'}
        </button>
      </nav>
      <ScreenHeading id="recording-heading">{recording ? `Recording ${recording.reference}` : 'Recording'}</ScreenHeading>
      {failure ? <Alert>{failure.message}</Alert> : null}
      {recording ? (
        <>
          <dl className="details panel">
            <div className="detail">
              <dt>Session</dt>
              <dd>
                {formatSessionStart(recording.session.startsAt)} · case {recording.session.caseReference}
              </dd>
            </div>
            <div className="detail">
              <dt>Clients</dt>
              <dd>{listPeople(recording.subjects)}</dd>
            </div>
            <div className="detail">
              <dt>Permitted for</dt>
              <dd>{describeUses(recording.uses)}</dd>
            </div>
            <div className="detail">
              <dt>Consents relied on</dt>
              <dd>{recording.consents.map((c) => `${c.reference} (${c.clientReference})`).join(', ')}</dd>
            </div>
            <div className="detail">
              <dt>Status</dt>
              <dd>{describeRecordingStatus(recording)}</dd>
            </div>
            <div className="detail">
              <dt>Attached</dt>
              <dd>
                {formatDateTime(recording.attachedAt)} by {recording.attachedBy}
                {recording.media ? ` · ${formatBytes(recording.media.size)}` : ''}
              </dd>
            </div>
          </dl>
          {playbackProblem ? <Alert>{playbackProblem}</Alert> : null}
          {recording.can.play ? (
            <section className="panel" aria-labelledby="player-heading">
              <h2 id="player-heading">Play</h2>
              {video ? <video {...playerProps} /> : <audio {...playerProps} />}
            </section>
          ) : (
            <Alert tone="info">
              {recording.status === 'destroyed'
                ? 'This recording has been destroyed and can no longer be played.'
                : 'Only the therapist of the case this recording belongs to can play it.'}
            </Alert>
          )}
        </>
      ) : null}
    </main>
  );
}
