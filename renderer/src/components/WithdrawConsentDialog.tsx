import { useRef, useState, type FormEvent } from 'react';
import { call, type UiError } from '../api';
import type { RecordingConsentRecord } from '../../../shared/recordings';
import { formatDate } from '../format';
import { useToday } from '../stores/clock';
import { Alert } from './Alert';
import { DateField, parseDateParts, useDateDefaultingToToday } from './DateField';
import { Dialog } from './Dialog';
import { showErrorsAndFocus } from './forms';

interface Props {
  consent: RecordingConsentRecord;
  onClose(): void;
  onWithdrawn(result: { consent: RecordingConsentRecord; destroyedRecordings: number }): void;
}

/** A client may withdraw consent at any time; every recording that relied on it is destroyed at once. */
export function WithdrawConsentDialog({ consent, onClose, onWithdrawn }: Props) {
  const formRef = useRef<HTMLFormElement>(null);
  const today = useToday();
  const [date, setDate] = useDateDefaultingToToday();
  const [error, setError] = useState<string | undefined>();
  const [failure, setFailure] = useState<UiError | null>(null);
  const [busy, setBusy] = useState(false);
  const kept = consent.recordingsKept;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const parsed = parseDateParts(date, 'Date of withdrawal', { today, example: '20 11 2026' });
    const problem = 'error' in parsed ? parsed.error : parsed.iso === null ? 'Enter the date the client withdrew consent' : null;
    if (problem !== null || !('iso' in parsed) || parsed.iso === null) {
      showErrorsAndFocus(formRef.current, () => setError(problem ?? undefined));
      return;
    }
    setBusy(true);
    const result = await call('recordingConsents.withdraw', { consentId: consent.id, withdrawnOn: parsed.iso });
    setBusy(false);
    if (!result.ok) {
      const fieldMessage = result.error.fields.withdrawnOn;
      showErrorsAndFocus(formRef.current, () => {
        setError(fieldMessage);
        setFailure(fieldMessage ? null : result.error);
      });
      return;
    }
    onWithdrawn(result.value);
  }

  return (
    <Dialog
      title={`Withdraw consent ${consent.reference}?`}
      role="alertdialog"
      onClose={onClose}
      description={
        <>
          <p>
            {consent.client.name}’s consent to recording, signed {formatDate(consent.signedOn)}.
          </p>
          <p>
            <strong>
              {kept === 0
                ? 'No recording kept in the vault relies on it.'
                : `${kept === 1 ? 'One recording relies' : `${kept} recordings rely`} on it and will be destroyed at once. This cannot be undone.`}
            </strong>
          </p>
        </>
      }
    >
      {failure ? <Alert>{failure.message}</Alert> : null}
      <form ref={formRef} className="form" noValidate aria-busy={busy} onSubmit={(event) => void submit(event)}>
        <DateField legend="Date of withdrawal" hint="For example, 20 11 2026" value={date} error={error} onChange={setDate} />
        <div className="actions">
          <button type="submit" className="button button--primary button--danger" disabled={busy}>
            {busy ? 'Recording…' : kept === 0 ? 'Record withdrawal' : 'Record withdrawal and destroy'}
          </button>
          <button type="button" className="button" data-autofocus onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
