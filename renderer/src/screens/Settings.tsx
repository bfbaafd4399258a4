import { useEffect, useRef, useState, type FormEvent } from 'react';
import { call, type UiError } from '../api';
import { Alert } from '../components/Alert';
import { Field } from '../components/Field';
import { showErrorsAndFocus } from '../components/forms';
import { passphraseUserInputs } from '../../../shared/passphrase-strength';
import { checkPassphrase, PassphraseFields, type PassphraseErrors } from '../components/PassphraseFields';
import { ScreenHeading } from '../components/ScreenHeading';
import { RetentionRulesPanel } from '../components/RetentionRulesPanel';
import { AUTO_LOCK_MINUTES_MAX, AUTO_LOCK_MINUTES_MIN, type PendingRecoveryCode } from '../../../shared/schemas';
import { go } from '../stores/navigation';
import { useRecovery } from '../stores/recovery';
import { useSession } from '../stores/session';

const MIN_MINUTES = AUTO_LOCK_MINUTES_MIN;
const MAX_MINUTES = AUTO_LOCK_MINUTES_MAX;

function minutesText(minutes: number): string {
  return `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
}

function wrongPassphraseMessage(error: UiError): string {
  return error.code === 'wrong-passphrase'
    ? 'That is not your current passphrase. Check it and try again — capital letters matter.'
    : error.message;
}

function AutoLock({ isDirector }: { isDirector: boolean }) {
  const formRef = useRef<HTMLFormElement>(null);
  const [saved, setSaved] = useState<number | null>(null);
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [failure, setFailure] = useState<UiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void call('settings.get', {}).then((result) => {
      if (!live) return;
      if (result.ok) {
        setSaved(result.value.autoLockMinutes);
        setValue(String(result.value.autoLockMinutes));
      } else {
        setFailure(result.error);
      }
    });
    return () => {
      live = false;
    };
  }, []);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const trimmed = value.trim();
    const minutes = Number(trimmed);
    if (!/^\d+$/.test(trimmed) || minutes < MIN_MINUTES || minutes > MAX_MINUTES) {
      showErrorsAndFocus(formRef.current, () => {
        setError(`Enter a whole number of minutes from ${MIN_MINUTES} to ${MAX_MINUTES}`);
        setNotice(null);
        setFailure(null);
      });
      return;
    }
    setBusy(true);
    const result = await call('settings.update', { autoLockMinutes: minutes });
    setBusy(false);
    if (!result.ok) {
      const fieldMessage = result.error.fields.autoLockMinutes;
      showErrorsAndFocus(formRef.current, () => {
        setError(fieldMessage);
        setFailure(fieldMessage ? null : result.error);
        setNotice(null);
      });
      return;
    }
    setError(undefined);
    setFailure(null);
    setSaved(result.value.autoLockMinutes);
    setValue(String(result.value.autoLockMinutes));
    setNotice(`Saved. Confide now locks after ${minutesText(result.value.autoLockMinutes)} without use.`);
  }

  return (
    <section className="panel" aria-labelledby="auto-lock-heading">
      <h2 id="auto-lock-heading">Auto-lock</h2>
      {failure ? <Alert>{failure.message}</Alert> : null}
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {saved === null ? (
        failure ? null : <p className="muted">Loading…</p>
      ) : isDirector ? (
        <form ref={formRef} className="form" noValidate aria-busy={busy} onSubmit={(event) => void submit(event)}>
          <Field
            label="Lock after this many minutes without use"
            hint={`From ${MIN_MINUTES} to ${MAX_MINUTES} minutes. This applies to everyone who uses this vault.`}
            inputMode="numeric"
            autoComplete="off"
            className="field--short"
            value={value}
            error={error}
            onChange={(event) => setValue(event.target.value)}
            required
          />
          <div className="actions">
            <button type="submit" className="button button--primary" disabled={busy}>
              {busy ? 'Saving…' : 'Save auto-lock'}
            </button>
          </div>
        </form>
      ) : (
        <>
          <p data-testid="auto-lock-value">
            Confide locks after <strong>{minutesText(saved)}</strong> without use.
          </p>
          <p className="muted">Only a practice director can change this.</p>
        </>
      )}
    </section>
  );
}

type PassphraseFormErrors = PassphraseErrors & { current?: string };

function ChangePassphrase() {
  const formRef = useRef<HTMLFormElement>(null);
  const practiceName = useSession((state) => state.practiceName);
  const userName = useSession((state) => state.user?.name ?? '');
  const [current, setCurrent] = useState('');
  const [secret, setSecret] = useState({ passphrase: '', confirm: '' });
  const [errors, setErrors] = useState<PassphraseFormErrors>({});
  const [failure, setFailure] = useState<UiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const found: PassphraseFormErrors = {};
    if (current === '') found.current = 'Enter your current passphrase';
    Object.assign(found, checkPassphrase(secret, passphraseUserInputs({ practiceName, userName })));
    if (Object.keys(found).length > 0) {
      showErrorsAndFocus(formRef.current, () => {
        setErrors(found);
        setFailure(null);
        setNotice(null);
      });
      return;
    }
    setBusy(true);
    const result = await call('vault.changePassphrase', { currentPassphrase: current, newPassphrase: secret.passphrase });
    setBusy(false);
    if (!result.ok) {
      const { fields, code } = result.error;
      const fieldErrors: PassphraseFormErrors = {
        ...(code === 'wrong-passphrase' ? { current: wrongPassphraseMessage(result.error) } : {}),
        ...(fields.currentPassphrase ? { current: fields.currentPassphrase } : {}),
        ...(fields.newPassphrase ? { passphrase: fields.newPassphrase } : {}),
      };
      showErrorsAndFocus(formRef.current, () => {
        setErrors(fieldErrors);
        setFailure(Object.keys(fieldErrors).length > 0 ? null : result.error);
        setNotice(null);
      });
      return;
    }
    setCurrent('');
    setSecret({ passphrase: '', confirm: '' });
    setErrors({});
    setFailure(null);
    setNotice('Your passphrase has been changed. Use the new one next time you unlock Confide.');
  }

  return (
    <section className="panel" aria-labelledby="passphrase-heading">
      <h2 id="passphrase-heading">Change your passphrase</h2>
      <p>Your passphrase is yours alone. Changing it does not affect anyone else’s, or the recovery code.</p>
      {failure ? <Alert>{failure.message}</Alert> : null}
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      <form ref={formRef} className="form" noValidate aria-busy={busy} onSubmit={(event) => void submit(event)}>
        <Field
          label="Current passphrase"
          type="password"
          autoComplete="current-password"
          value={current}
          error={errors.current}
          onChange={(event) => setCurrent(event.target.value)}
          required
        />
        <PassphraseFields
          label="New passphrase"
          values={secret}
          errors={errors}
          onChange={setSecret}
          userInputs={passphraseUserInputs({ practiceName, userName })}
        />
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? 'Changing…' : 'Change passphrase'}
          </button>
        </div>
      </form>
    </section>
  );
}

function NewRecoveryCode({ onIssued }: { onIssued(pending: PendingRecoveryCode): void }) {
  const formRef = useRef<HTMLFormElement>(null);
  const [current, setCurrent] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [failure, setFailure] = useState<UiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    if (current === '') {
      showErrorsAndFocus(formRef.current, () => {
        setError('Enter your current passphrase');
        setFailure(null);
      });
      return;
    }
    setBusy(true);
    const result = await call('vault.newRecoveryCode', { currentPassphrase: current });
    setBusy(false);
    if (!result.ok) {
      const fieldMessage =
        result.error.code === 'wrong-passphrase' ? wrongPassphraseMessage(result.error) : result.error.fields.currentPassphrase;
      showErrorsAndFocus(formRef.current, () => {
        setError(fieldMessage);
        setFailure(fieldMessage ? null : result.error);
      });
      return;
    }
    setCurrent('');
    const { recoveryCode, issuedAt } = result.value;
    onIssued({ recoveryCode, issuedAt, replacesEarlierCode: true });
  }

  return (
    <section className="panel" aria-labelledby="recovery-code-heading">
      <h2 id="recovery-code-heading">New recovery code</h2>
      <p>
        Make a new recovery code if the old one may have been seen by someone else, or has been lost. The old code{' '}
        <strong>stops working straight away</strong>, for everyone in the practice, so destroy any printed copies of it.
      </p>
      {failure ? <Alert>{failure.message}</Alert> : null}
      <form ref={formRef} className="form" noValidate aria-busy={busy} onSubmit={(event) => void submit(event)}>
        <Field
          label="Your current passphrase"
          hint="Confirms that it is you making the new code."
          type="password"
          autoComplete="current-password"
          value={current}
          error={error}
          onChange={(event) => setCurrent(event.target.value)}
          required
        />
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? 'Making a new code…' : 'Make a new recovery code'}
          </button>
        </div>
      </form>
    </section>
  );
}

export function Settings({ notice }: { notice?: string | undefined }) {
  const me = useSession((state) => state.user);
  const isDirector = me?.roles.includes('director') ?? false;

  return (
    <main className="page page--medium" aria-labelledby="settings-heading">
      <div className="page-header">
        <ScreenHeading id="settings-heading">Settings</ScreenHeading>
      </div>
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      <AutoLock isDirector={isDirector} />
      <RetentionRulesPanel isDirector={isDirector} />
      <ChangePassphrase />
      {/* The recovery code opens the whole practice's vault, so only a director replaces it (the core enforces it). */}
      {isDirector ? (
        <NewRecoveryCode
          onIssued={(pending) => {
            useRecovery.getState().show(pending);
            go({ name: 'recovery-code' });
          }}
        />
      ) : null}
    </main>
  );
}
