import { call } from '../api';
import type { RecordingConsentRecord } from '../../../shared/recordings';
import { formatDate } from '../format';
import { DatedActionDialog } from './DatedActionDialog';

interface Props {
  consent: RecordingConsentRecord;
  onClose(): void;
  onWithdrawn(result: { consent: RecordingConsentRecord; destroyedRecordings: number }): void;
}

/** A client may withdraw consent at any time; every recording that relied on it is destroyed at once. */
export function WithdrawConsentDialog({ consent, onClose, onWithdrawn }: Props) {
  const kept = consent.recordingsKept;
  return (
    <DatedActionDialog
      title={`Withdraw consent ${consent.reference}?`}
      role="alertdialog"
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
      legend="Date of withdrawal"
      example="20 11 2026"
      whenMissing="Enter the date the client withdrew consent"
      field="withdrawnOn"
      submitLabel={kept === 0 ? 'Record withdrawal' : 'Record withdrawal and destroy'}
      cancelLabel="Cancel"
      danger
      act={(withdrawnOn) => call('recordingConsents.withdraw', { consentId: consent.id, withdrawnOn })}
      onClose={onClose}
      onDone={onWithdrawn}
    />
  );
}
