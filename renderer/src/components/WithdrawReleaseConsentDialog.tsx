import { call } from '../api';
import type { ReleaseConsentRecord } from '../../../shared/release';
import { formatDate } from '../format';
import { recipientLabel } from '../releaseFormat';
import { DatedActionDialog } from './DatedActionDialog';

interface Props {
  consent: ReleaseConsentRecord;
  onClose(): void;
  onWithdrawn(consent: ReleaseConsentRecord): void;
}

/** The client withdrew their consent: recorded with the date, and final. */
export function WithdrawReleaseConsentDialog({ consent, onClose, onWithdrawn }: Props) {
  return (
    <DatedActionDialog
      title="Record that consent was withdrawn"
      description={
        <p>
          Consent to release information to {recipientLabel(consent.recipient)}, signed {formatDate(consent.signedOn)}. Once withdrawn, nothing more
          can be released on it. Summaries already sent stay in the disclosure log.
        </p>
      }
      legend="Date withdrawn"
      example="23 11 2026"
      whenMissing="Enter the date the client withdrew their consent"
      allowFuture
      field="withdrawnOn"
      submitLabel="Record withdrawal"
      cancelLabel="Cancel"
      act={(withdrawnOn) => call('releaseConsents.withdraw', { consentId: consent.id, withdrawnOn })}
      onClose={onClose}
      onDone={onWithdrawn}
    />
  );
}
