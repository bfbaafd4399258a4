import { useState, type FormEvent } from 'react';
import { Alert } from '../components/Alert';
import { ScreenHeading } from '../components/ScreenHeading';
import { formatDateOf } from '../format';
import { go } from '../stores/navigation';
import { useRecovery } from '../stores/recovery';
import { useSession } from '../stores/session';

/** Splits the code into short groups for reading aloud and writing down; separators are kept as typed. */
export function codeGroups(code: string): string[] {
  const parts = code.split(/[\s-]+/).filter(Boolean);
  if (parts.length > 1) return parts;
  return code.match(/.{1,4}/g) ?? [code];
}

function CodeGroups({ code }: { code: string }) {
  return (
    <p className="recovery-code" data-testid="recovery-code">
      <span className="visually-hidden">Recovery code: {code}</span>
      {codeGroups(code).map((group, index) => (
        <span key={index} className="recovery-code-group" aria-hidden="true">
          {group}
        </span>
      ))}
    </p>
  );
}

export function RecoveryCode() {
  const code = useRecovery((state) => state.code);
  const createdAt = useRecovery((state) => state.createdAt);
  const practiceName = useSession((state) => state.practiceName);
  const userName = useSession((state) => state.user?.name ?? '');
  const [confirmed, setConfirmed] = useState(false);
  const [showRequired, setShowRequired] = useState(false);

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

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!confirmed) {
      setShowRequired(true);
      return;
    }
    // The code leaves memory here; it cannot be shown again.
    useRecovery.getState().reset();
    go({ name: 'clients' });
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
        <ul className="plain-list">
          <li>Write it down or print the recovery kit, and keep it somewhere safe and private, away from this computer.</li>
          <li>Anyone who has this code and this computer can open the vault, so treat it like a key to your filing cabinet.</li>
          <li>Confide cannot show it again or recover it for you.</li>
        </ul>
        <div className="actions actions--spaced">
          <button type="button" className="button" onClick={() => window.print()}>
            Print recovery kit
          </button>
        </div>
        <form className="form" noValidate onSubmit={submit}>
          {showRequired && !confirmed ? (
            <Alert>Confirm that you have written down or printed the recovery code.</Alert>
          ) : null}
          <div className="checkbox">
            <input
              id="recovery-confirmed"
              type="checkbox"
              checked={confirmed}
              aria-invalid={showRequired && !confirmed ? true : undefined}
              onChange={(event) => setConfirmed(event.target.checked)}
            />
            <label htmlFor="recovery-confirmed">I have written down or printed this code</label>
          </div>
          <div className="actions">
            <button type="submit" className="button button--primary">
              Continue to Confide
            </button>
          </div>
        </form>
      </main>
      <section className="print-kit" aria-hidden="true">
        <h2 className="print-kit-title">Confide recovery kit</h2>
        <dl className="print-kit-details">
          <dt>Practice</dt>
          <dd>{practiceName ?? ''}</dd>
          <dt>Vault created by</dt>
          <dd>{userName}</dd>
          <dt>Date</dt>
          <dd>{formatDateOf(createdAt)}</dd>
        </dl>
        <p className="print-kit-label">Recovery code</p>
        <p className="print-kit-code">
          {codeGroups(code).map((group, index) => (
            <span key={index} className="recovery-code-group">
              {group}
            </span>
          ))}
        </p>
        <h3>How to use this code</h3>
        <ol>
          <li>Open Confide on the computer that holds your vault.</li>
          <li>On the unlock screen choose “Use recovery code”.</li>
          <li>Enter your name, this code exactly as printed, and a new passphrase.</li>
        </ol>
        <h3>Keep it safe</h3>
        <p>
          Anyone with this code and your computer can read your records. Store this sheet somewhere locked and
          private, away from the computer. Do not photograph it or keep it in email or cloud storage.
        </p>
      </section>
    </>
  );
}
