import { ScreenHeading } from '../components/ScreenHeading';
import { CodeGroups, PrintKit, RecoveryCodeAcknowledgement, RecoveryCodeAdvice } from '../components/RecoveryCodeDisplay';
import { go } from '../stores/navigation';
import { useRecovery } from '../stores/recovery';
import { useSession } from '../stores/session';

export function RecoveryCode() {
  const code = useRecovery((state) => state.code);
  const createdAt = useRecovery((state) => state.createdAt);
  const practiceName = useSession((state) => state.practiceName);
  const userName = useSession((state) => state.user?.name ?? '');

  if (code === null || createdAt === null) {
    return (
      <main className="page page--narrow" aria-labelledby="recovery-heading">
        <ScreenHeading id="recovery-heading">Recovery code</ScreenHeading>
        <p>The recovery code is shown only once, when the vault is created.</p>
        <button type="button" className="button button--primary" onClick={() => go({ name: 'clients' })}>
          Continue
        </button>
      </main>
    );
  }

  return (
    <>
      <main className="page page--medium screen-only" aria-labelledby="recovery-heading">
        <ScreenHeading id="recovery-heading">Your recovery code</ScreenHeading>
        <p className="lede">
          If you forget your passphrase, this code is the only way back into your records. It is shown{' '}
          <strong>only once</strong>, now.
        </p>
        <CodeGroups code={code} />
        <RecoveryCodeAdvice />
        <RecoveryCodeAcknowledgement
          submitLabel="Continue to Confide"
          onDone={() => {
            // The code leaves memory here; it cannot be shown again.
            useRecovery.getState().reset();
            go({ name: 'clients' });
          }}
        />
      </main>
      <PrintKit
        code={code}
        practiceName={practiceName ?? ''}
        userName={userName}
        userLabel="Vault created by"
        date={createdAt}
      />
    </>
  );
}
