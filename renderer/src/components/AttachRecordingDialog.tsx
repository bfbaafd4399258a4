import { useRef, useState, type FormEvent } from 'react';
import { call, type UiError } from '../api';
import type { AttachableSession, RecordingRecord } from '../../../shared/recordings';
import { RECORDING_USES, type RecordingUse } from '../../../shared/rules/recordings';
import { listPeople } from '../format';
import { recordingUseLabels, sessionLabel } from '../recordingLabels';
import { Alert } from './Alert';
import { CheckboxGroup } from './CheckboxGroup';
import { ChosenFile } from './ChosenFile';
import { Dialog } from './Dialog';
import { showErrorsAndFocus } from './forms';
import { SelectField } from './SelectField';

type Errors = Partial<Record<'sessionId' | 'uses' | 'path', string>>;
const useOptions = RECORDING_USES.map((use) => ({ value: use, label: recordingUseLabels[use] }));

interface Props {
  sessions: readonly AttachableSession[];
  onClose(): void;
  onAttached(recording: RecordingRecord): void;
}

/**
 * Attaches an audio or video file to a session. The core refuses it unless everyone at the session has a
 * consent in force covering it and every use ticked, and says who is missing; the file is then not stored.
 */
export function AttachRecordingDialog({ sessions, onClose, onAttached }: Props) {
  const formRef = useRef<HTMLFormElement>(null);
  const [sessionId, setSessionId] = useState(sessions[0]?.id ?? '');
  const [uses, setUses] = useState<ReadonlySet<RecordingUse>>(new Set());
  const [path, setPath] = useState<string | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<UiError | null>(null);
  const [busy, setBusy] = useState(false);
  const session = sessions.find((s) => s.id === sessionId);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy || !session) return;
    const found: Errors = {};
    const chosenUses = RECORDING_USES.filter((use) => uses.has(use));
    if (chosenUses.length === 0) found.uses = 'Tick each use the recording is for';
    if (path === null) found.path = 'Choose the recording file';
    if (Object.keys(found).length > 0 || path === null) {
      showErrorsAndFocus(formRef.current, () => {
        setErrors(found);
        setFailure(null);
      });
      return;
    }
    setBusy(true);
    const result = await call('recordings.attach', { sessionId: session.id, uses: chosenUses, path });
    setBusy(false);
    if (!result.ok) {
      const { fields } = result.error;
      const fieldErrors: Errors = {
        ...(fields.sessionId ? { sessionId: fields.sessionId } : {}),
        ...(fields.uses ? { uses: fields.uses } : {}),
        ...(fields.path ? { path: fields.path } : {}),
      };
      showErrorsAndFocus(formRef.current, () => {
        setErrors(fieldErrors);
        setFailure(Object.keys(fieldErrors).length > 0 ? null : result.error);
      });
      return;
    }
    onAttached(result.value);
  }

  return (
    <Dialog
      title="Attach a recording"
      onClose={onClose}
      wide
      description={<p>Everyone at the session must have consented to recording it, for every use ticked. The file is kept encrypted in the vault.</p>}
    >
      {failure ? <Alert>{failure.message}</Alert> : null}
      <form ref={formRef} className="form" noValidate aria-busy={busy} onSubmit={(event) => void submit(event)}>
        <SelectField
          label="Session"
          value={sessionId}
          error={errors.sessionId}
          {...(session ? { hint: `With ${listPeople(session.attendees)}` } : {})}
          options={sessions.map((s) => ({ value: s.id, label: sessionLabel(s) }))}
          onChange={setSessionId}
        />
        <CheckboxGroup legend="What the recording is for" options={useOptions} checked={uses} error={errors.uses} onChange={setUses} />
        <ChosenFile
          label="Recording file"
          purpose="recording"
          path={path}
          hint="Audio or video: MP4, M4A, WebM, MKV, Ogg, WAV, MP3 or FLAC."
          error={errors.path}
          onChange={setPath}
        />
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? 'Attaching…' : 'Attach recording'}
          </button>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
