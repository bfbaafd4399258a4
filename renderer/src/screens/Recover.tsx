import { useRef, useState, type FormEvent } from 'react';
import { call, type UiError } from '../api';
import { Alert } from '../components/Alert';
import { Field } from '../components/Field';
import { showErrorsAndFocus } from '../components/forms';
import { passphraseUserInputs } from '../../../shared/passphrase-strength';
import { checkPassphrase, PassphraseFields, type PassphraseErrors } from '../components/PassphraseFields';
import { ScreenHeading } from '../components/ScreenHeading';
import { useCountdown } from '../components/useCountdown';
import { signedIn } from '../lifecycle';
import { go } from '../stores/navigation';
import { useSession } from '../stores/session';
import { unlockFailureMessage } from './unlockMessages';

type Errors = PassphraseErrors & { userName?: string; recoveryCode?: string };

export function Recover() {
  const formRef = useRef<HTMLFormElement>(null);
  const practiceName = useSession((state) => state.practiceName);
  const [userName, setUserName] = useState(() => useSession.getState().lastUserName);
  const [recoveryCode, setRecoveryCode] = useState('');
  const [secret, setSecret] = useState({ passphrase: '', confirm: '' });
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<UiError | null>(null);
  const [retryAt, setRetryAt] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const waitMs = useCountdown(retryAt);
  const waiting = waitMs > 0;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy || waiting) return;
    const found: Errors = {};
    if (userName.trim() === '') found.userName = 'Enter your name';
    if (recoveryCode.trim() === '') found.recoveryCode = 'Enter your recovery code';
    Object.assign(found, checkPassphrase(secret, passphraseUserInputs({ practiceName, userName })));
    if (Object.keys(found).length > 0) {
      showErrorsAndFocus(formRef.current, () => {
        setErrors(found);
        setFailure(null);
      });
      return;
    }
    setBusy(true);
    setErrors({});
    const result = await call('vault.recover', { userName, recoveryCode, newPassphrase: secret.passphrase });
    setBusy(false);
    if (!result.ok) {
      const { fields } = result.error;
      setRetryAt(result.error.retryAfterMs !== null ? performance.now() + result.error.retryAfterMs : null);
      showErrorsAndFocus(formRef.current, () => {
        setFailure(result.error);
        setErrors({
          ...(fields.userName ? { userName: fields.userName } : {}),
          ...(fields.recoveryCode ? { recoveryCode: fields.recoveryCode } : {}),
          ...(fields.newPassphrase ? { passphrase: fields.newPassphrase } : {}),
          ...(result.error.code === 'wrong-passphrase' ? { recoveryCode: 'Check the recovery code' } : {}),
        });
      });
      return;
    }
    setSecret({ passphrase: '', confirm: '' });
    useSession.getState().setNotice('Your new passphrase is set. Use it the next time you unlock Confide.');
    await signedIn(result.value.user);
  }

  return (
    <main className="page page--narrow" aria-labelledby="recover-heading">
      <ScreenHeading id="recover-heading">Unlock with your recovery code</ScreenHeading>
      <p className="lede">
        Enter the recovery code from your printed kit and choose a new passphrase.
        {practiceName ? ` Practice: ${practiceName}.` : ''}
      </p>
      {failure ? <Alert>{unlockFailureMessage(failure, 'recovery code', waitMs)}</Alert> : null}
      <form ref={formRef} className="form" noValidate aria-busy={busy} onSubmit={(event) => void submit(event)}>
        <Field
          label="Your name"
          autoComplete="username"
          value={userName}
          error={errors.userName}
          onChange={(event) => setUserName(event.target.value)}
          required
        />
        <Field
          label="Recovery code"
          className="field--code"
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="characters"
          value={recoveryCode}
          error={errors.recoveryCode}
          onChange={(event) => setRecoveryCode(event.target.value)}
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
          <button type="submit" className="button button--primary" disabled={busy || waiting}>
            {busy ? 'Unlocking…' : 'Unlock and set new passphrase'}
          </button>
          <button type="button" className="button button--link" onClick={() => go({ name: 'unlock' })}>
            Back to unlock with passphrase
          </button>
        </div>
      </form>
    </main>
  );
}
