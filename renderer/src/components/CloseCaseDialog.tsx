import { call } from '../api';
import type { CaseRecord } from '../../../shared/records';
import { caseKindLabels, formatDate, listPeople } from '../format';
import { DatedActionDialog } from './DatedActionDialog';

interface Props {
  caseRecord: CaseRecord;
  onClose(): void;
  onClosed(closed: CaseRecord): void;
}

export function CloseCaseDialog({ caseRecord, onClose, onClosed }: Props) {
  return (
    <DatedActionDialog
      title={`Close case ${caseRecord.reference}?`}
      description={
        <p>
          {caseKindLabels[caseRecord.kind]} case with {listPeople(caseRecord.participants)}, opened{' '}
          {formatDate(caseRecord.openedOn)}. Once closed, no sessions or notes can be added to it.
        </p>
      }
      legend="Closing date"
      example="23 11 2026"
      whenMissing="Enter the date the case closed"
      field="closedOn"
      submitLabel="Close case"
      busyLabel="Closing…"
      cancelLabel="Keep open"
      act={(closedOn) => call('cases.close', { caseId: caseRecord.id, closedOn })}
      onClose={onClose}
      onDone={onClosed}
    />
  );
}
