import { useState, type FormEvent } from 'react';
import { formatDate } from '../format';
import { Alert } from './Alert';

/** Splits the code into short groups for reading aloud and writing down; separators are kept as typed. */
export function codeGroups(code: string): string[] {
  const parts = code.split(/[\s-]+/).filter(Boolean);
  if (parts.length > 1) return parts;
  return code.match(/.{1,4}/g) ?? [code];
}

/** The code on screen, in groups; screen readers hear it whole. */
export function CodeGroups({ code }: { code: string }) {
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

/** How to keep the code, and the button that prints the kit. */
export function RecoveryCodeAdvice() {
  return (
    <>
      <ul className="plain-list">
        <li>Write it down or print the recovery kit, and keep it somewhere safe and private, away from this computer.</li>
        <li>Anyone who has this code and this computer can open the vault, so treat it like a key to your filing cabinet.</li>
        <li>Once you confirm below, Confide cannot show it again or recover it for you.</li>
      </ul>
      <div className="actions actions--spaced">
        <button type="button" className="button" onClick={() => window.print()}>
          Print recovery kit
        </button>
      </div>
    </>
  );
}

/**
 * "I have written down or printed this code": the person must tick it before moving on. `onDone` runs only
 * once they have.
 */
export function RecoveryCodeAcknowledgement({ submitLabel, onDone }: { submitLabel: string; onDone(): void }) {
  const [confirmed, setConfirmed] = useState(false);
  const [showRequired, setShowRequired] = useState(false);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!confirmed) {
      setShowRequired(true);
      return;
    }
    onDone();
  }

  return (
    <form className="form" noValidate onSubmit={submit}>
      {showRequired && !confirmed ? <Alert>Confirm that you have written down or printed the recovery code.</Alert> : null}
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
          {submitLabel}
        </button>
      </div>
    </form>
  );
}

/** The printed recovery kit: hidden on screen, the only thing that reaches paper. Render it beside `main`. */
export function PrintKit({
  code,
  practiceName,
  userName,
  userLabel,
  issuedAt,
}: {
  code: string;
  practiceName: string;
  userName: string;
  /** What `userName` did: "Vault created by", "Code issued by". */
  userLabel: string;
  /** When the core issued the code (ISO date-time from its clock). */
  issuedAt: string;
}) {
  return (
    <section className="print-kit" aria-hidden="true">
      <h2 className="print-kit-title">Confide recovery kit</h2>
      <dl className="print-kit-details">
        <dt>Practice</dt>
        <dd>{practiceName}</dd>
        <dt>{userLabel}</dt>
        <dd>{userName}</dd>
        <dt>Date</dt>
        <dd>{formatDate(issuedAt)}</dd>
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
  );
}
