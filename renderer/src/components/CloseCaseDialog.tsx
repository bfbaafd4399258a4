import { useRef, useState, type FormEvent } from 'react';
import { useToday } from '../stores/clock';
import { call, type UiError } from '../api';
import type { CaseRecord } from '../../../shared/records';
import { caseKindLabels, formatDate, listPeople } from '../format';
import { Alert } from './Alert';
import { DateField, parseDateParts, useDateDefaultingToToday } from './DateField';
import { Dialog } from './Dialog';
import { showErrorsAndFocus } from './forms';

interface Props {
  caseRecord: CaseRecord;
  onClose(): void;
  onClosed(closed: CaseRecord): void;
}

export function CloseCaseDialog({ caseRecord, onClose, onClosed }: Props) {
  const formRef = useRef<HTMLFormElement>(null);
  const today = useToday();
  const [date, setDate] = useDateDefaultingToToday();
  const [error, setError] = useState<string | undefined>();
  const [failure, setFailure] = useState<UiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const parsed = parseDateParts(date, 'Closing date', { today, example: '23 11 2026' });
    const problem = 'error' in parsed ? parsed.error : parsed.iso === null ? 'Enter the date the case closed' : null;
    if (problem !== null || !('iso' in parsed) || parsed.iso === null) {
      showErrorsAndFocus(formRef.current, () => setError(problem ?? undefined));
      return;
    }
    setBusy(true);
    const result = await call('cases.close', { caseId: caseRecord.id, closedOn: parsed.iso });
    setBusy(false);
    if (!result.ok) {
      const fieldMessage = result.error.fields.closedOn;
      showErrorsAndFocus(formRef.current, () => {
        setError(fieldMessage);
        setFailure(fieldMessage ? null : result.error);
      });
      return;
    }
    onClosed(result.value);
  }

  return (
    <Dialog
      title={`Close case ${caseRecord.reference}?`}
      onClose={onClose}
      description={
        <p>
          {caseKindLabels[caseRecord.kind]} case with {listPeople(caseRecord.participants)}, opened{' '}
          {formatDate(caseRecord.openedOn)}. Once closed, no sessions or notes can be added to it.
        </p>
      }
    >
      {failure ? <Alert>{failure.message}</Alert> : null}
      <form ref={formRef} className="form" noValidate aria-busy={busy} onSubmit={(event) => void submit(event)}>
        <DateField legend="Closing date" hint="For example, 23 11 2026" value={date} error={error} onChange={setDate} />
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? 'Closing…' : 'Close case'}
          </button>
          <button type="button" className="button" data-autofocus onClick={onClose}>
            Keep open
          </button>
        </div>
      </form>
    </Dialog>
  );
}
