import { useState } from 'react';
import { call, type UiError } from '../api';
import { Alert } from '../components/Alert';
import { ScreenHeading } from '../components/ScreenHeading';
import { CodeGroups, PrintKit, RecoveryCodeAcknowledgement, RecoveryCodeAdvice } from '../components/RecoveryCodeDisplay';
import { go } from '../stores/navigation';
import { useRecovery } from '../stores/recovery';
import { useSession } from '../stores/session';

export const NEW_CODE_IN_USE = 'The new recovery code is in use. The old one no longer works.';

/** The recovery code, new vault or replaced; shown until the person confirms it is written down. */
export function RecoveryCode() {
  const pending = useRecovery((state) => state.pending);
  const practiceName = useSession((state) => state.practiceName);
  const userName = useSession((state) => state.user?.name ?? '');
  const [failure, setFailure] = useState<UiError | null>(null);

  if (pending === null) {
    return (
      <main className="page page--narrow" aria-labelledby="recovery-heading">
        <ScreenHeading id="recovery-heading">Recovery code</ScreenHeading>
        <p>The recovery code is shown only until you confirm you have written it down.</p>
        <button type="button" className="button button--primary" onClick={() => go({ name: 'clients' })}>
          Continue
        </button>
      </main>
    );
  }

  const replaced = pending.replacesEarlierCode;
  async function confirmed() {
    const result = await call('vault.confirmRecoveryCode', {});
    if (!result.ok) {
      setFailure(result.error);
      return;
    }
    // The code leaves memory here and the core has deleted its copy: it cannot be shown again.
    useRecovery.getState().reset();
    go(replaced ? { name: 'settings', notice: NEW_CODE_IN_USE } : { name: 'clients' });
  }

  return (
    <>
      <main className="page page--medium screen-only" aria-labelledby="recovery-heading">
        <ScreenHeading id="recovery-heading">{replaced ? 'Your new recovery code' : 'Your recovery code'}</ScreenHeading>
        {replaced ? (
          <p className="lede">
            The old recovery code no longer works. This new code is shown only until you confirm you have written it
            down.
          </p>
        ) : (
          <p className="lede">
            If you forget your passphrase, this code is the only way back into your records. It is shown only until you
            confirm you have written it down.
          </p>
        )}
        {failure ? <Alert>{failure.message}</Alert> : null}
        <CodeGroups code={pending.recoveryCode} />
        <RecoveryCodeAdvice />
        <RecoveryCodeAcknowledgement
          submitLabel={replaced ? 'Back to settings' : 'Continue to Confide'}
          onDone={() => void confirmed()}
        />
      </main>
      <PrintKit
        code={pending.recoveryCode}
        practiceName={practiceName ?? ''}
        userName={userName}
        userLabel={replaced ? 'Code made by' : 'Vault created by'}
        issuedAt={pending.issuedAt}
      />
    </>
  );
}
