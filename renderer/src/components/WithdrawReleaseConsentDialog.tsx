import { useRef, useState, type FormEvent } from 'react';
import { call, type UiError } from '../api';
import type { ReleaseConsentRecord } from '../../../shared/release';
import { formatDate } from '../format';
import { recipientLabel } from '../releaseFormat';
import { useToday } from '../stores/clock';
import { Alert } from './Alert';
import { DateField, parseDateParts, useDateDefaultingToToday } from './DateField';
import { Dialog } from './Dialog';
import { showErrorsAndFocus } from './forms';

interface Props {
  consent: ReleaseConsentRecord;
  onClose(): void;
  onWithdrawn(consent: ReleaseConsentRecord): void;
}

/** The client withdrew their consent: recorded with the date, and final. */
export function WithdrawReleaseConsentDialog({ consent, onClose, onWithdrawn }: Props) {
  const formRef = useRef<HTMLFormElement>(null);
  const today = useToday();
  const [date, setDate] = useDateDefaultingToToday();
  const [error, setError] = useState<string | undefined>();
  const [failure, setFailure] = useState<UiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    // Whether the date may be in the future is the core's to say.
    const parsed = parseDateParts(date, 'Date withdrawn', { today, allowFuture: true, example: '23 11 2026' });
    const problem = 'error' in parsed ? parsed.error : parsed.iso === null ? 'Enter the date the client withdrew their consent' : null;
    if (problem !== null || !('iso' in parsed) || parsed.iso === null) {
      showErrorsAndFocus(formRef.current, () => setError(problem ?? undefined));
      return;
    }
    setBusy(true);
    const result = await call('releaseConsents.withdraw', { consentId: consent.id, withdrawnOn: parsed.iso });
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
      title="Record that consent was withdrawn"
      onClose={onClose}
      description={
        <p>
          Consent to release information to {recipientLabel(consent.recipient)}, signed {formatDate(consent.signedOn)}. Once withdrawn, nothing more
          can be released on it. Summaries already sent stay in the disclosure log.
        </p>
      }
    >
      {failure ? <Alert>{failure.message}</Alert> : null}
      <form ref={formRef} className="form" noValidate aria-busy={busy} onSubmit={(event) => void submit(event)}>
        <DateField legend="Date withdrawn" hint="For example, 23 11 2026" value={date} error={error} onChange={setDate} />
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? 'Recording…' : 'Record withdrawal'}
          </button>
          <button type="button" className="button" data-autofocus onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
