import { useRef, useState, type FormEvent } from 'react';
import { call, type UiError } from '../api';
import { Alert } from '../components/Alert';
import { Field } from '../components/Field';
import { showErrorsAndFocus } from '../components/forms';
import { passphraseUserInputs } from '../../../shared/passphrase-strength';
import { checkPassphrase, PassphraseFields, type PassphraseErrors } from '../components/PassphraseFields';
import { ScreenHeading } from '../components/ScreenHeading';
import { go } from '../stores/navigation';
import { useRecovery } from '../stores/recovery';
import { useSession } from '../stores/session';

type Errors = PassphraseErrors & { practiceName?: string; userName?: string };

export function CreateVault() {
  const formRef = useRef<HTMLFormElement>(null);
  const [practiceName, setPracticeName] = useState('');
  const [userName, setUserName] = useState('');
  const [secret, setSecret] = useState({ passphrase: '', confirm: '' });
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<UiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: Errors = { ...checkPassphrase(secret, passphraseUserInputs({ practiceName, userName })) };
    if (practiceName.trim() === '') found.practiceName = 'Enter the name of your practice';
    if (userName.trim() === '') found.userName = 'Enter your name';
    if (Object.keys(found).length > 0) {
      showErrorsAndFocus(formRef.current, () => {
        setErrors(found);
        setFailure(null);
      });
      return;
    }
    setBusy(true);
    setErrors({});
    setFailure(null);
    const result = await call('vault.create', { practiceName, userName, passphrase: secret.passphrase });
    setBusy(false);
    if (!result.ok) {
      const { fields } = result.error;
      showErrorsAndFocus(formRef.current, () => {
        setErrors({
          ...(fields.practiceName ? { practiceName: fields.practiceName } : {}),
          ...(fields.userName ? { userName: fields.userName } : {}),
          ...(fields.passphrase ? { passphrase: fields.passphrase } : {}),
        });
        setFailure(result.error);
      });
      return;
    }
    setSecret({ passphrase: '', confirm: '' });
    useSession.getState().signedIn(practiceName.trim(), result.value.user);
    const { recoveryCode, issuedAt } = result.value;
    useRecovery.getState().show({ recoveryCode, issuedAt, replacesEarlierCode: false });
    go({ name: 'recovery-code' });
  }

  return (
    <main className="page page--narrow" aria-labelledby="create-heading">
      <ScreenHeading id="create-heading">Set up your Confide vault</ScreenHeading>
      <p className="lede">
        Your records stay on this computer, encrypted. Only your passphrase, or the recovery code you will be given
        next, can open them.
      </p>
      {failure ? <Alert>{failure.message}</Alert> : null}
      <form ref={formRef} className="form" noValidate onSubmit={(event) => void submit(event)}>
        <Field
          label="Practice name"
          autoComplete="organization"
          value={practiceName}
          error={errors.practiceName}
          onChange={(event) => setPracticeName(event.target.value)}
          required
        />
        <Field
          label="Your name"
          hint="You will use this name with your passphrase to unlock the vault."
          autoComplete="name"
          value={userName}
          error={errors.userName}
          onChange={(event) => setUserName(event.target.value)}
          required
        />
        <PassphraseFields
          values={secret}
          errors={errors}
          onChange={setSecret}
          userInputs={passphraseUserInputs({ practiceName, userName })}
        />
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? 'Creating vault…' : 'Create vault'}
          </button>
        </div>
      </form>
    </main>
  );
}
