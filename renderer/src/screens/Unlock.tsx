import { useRef, useState, type FormEvent } from 'react';
import { call, type UiError } from '../api';
import { Alert } from '../components/Alert';
import { Field } from '../components/Field';
import { showErrorsAndFocus } from '../components/forms';
import { ScreenHeading } from '../components/ScreenHeading';
import { useCountdown } from '../components/useCountdown';
import { signedIn } from '../lifecycle';
import { go } from '../stores/navigation';
import { useSession } from '../stores/session';
import { unlockFailureMessage } from './unlockMessages';

export function Unlock() {
  const formRef = useRef<HTMLFormElement>(null);
  const practiceName = useSession((state) => state.practiceName);
  const notice = useSession((state) => state.notice);
  const [userName, setUserName] = useState(() => useSession.getState().lastUserName);
  const [passphrase, setPassphrase] = useState('');
  const [errors, setErrors] = useState<{ userName?: string; passphrase?: string }>({});
  const [failure, setFailure] = useState<UiError | null>(null);
  const [retryAt, setRetryAt] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const waitMs = useCountdown(retryAt);
  const waiting = waitMs > 0;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy || waiting) return;
    const found: typeof errors = {};
    if (userName.trim() === '') found.userName = 'Enter your name';
    if (passphrase === '') found.passphrase = 'Enter your passphrase';
    if (Object.keys(found).length > 0) {
      showErrorsAndFocus(formRef.current, () => {
        setErrors(found);
        setFailure(null);
      });
      return;
    }
    setBusy(true);
    setErrors({});
    const result = await call('vault.unlock', { userName, passphrase });
    setBusy(false);
    if (!result.ok) {
      setPassphrase('');
      setRetryAt(result.error.retryAfterMs !== null ? performance.now() + result.error.retryAfterMs : null);
      showErrorsAndFocus(formRef.current, () => {
        setFailure(result.error);
        setErrors(result.error.code === 'wrong-passphrase' ? { passphrase: 'Check your passphrase' } : {});
      });
      return;
    }
    useSession.getState().setNotice(null);
    await signedIn(result.value.user);
  }

  return (
    <main className="page page--narrow" aria-labelledby="unlock-heading">
      <ScreenHeading id="unlock-heading">Unlock Confide</ScreenHeading>
      {practiceName ? <p className="lede">{practiceName}</p> : null}
      {notice && !failure ? <Alert tone="info">{notice}</Alert> : null}
      {failure ? <Alert>{unlockFailureMessage(failure, 'passphrase', waitMs)}</Alert> : null}
      <form
        ref={formRef}
        className="form"
        noValidate
        aria-busy={busy}
        onSubmit={(event) => void submit(event)}
      >
        <Field
          label="Your name"
          autoComplete="username"
          value={userName}
          error={errors.userName}
          onChange={(event) => setUserName(event.target.value)}
          required
        />
        <Field
          label="Passphrase"
          type="password"
          autoComplete="current-password"
          value={passphrase}
          error={errors.passphrase}
          onChange={(event) => setPassphrase(event.target.value)}
          required
        />
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={busy || waiting}>
            {busy ? 'Unlocking…' : 'Unlock'}
          </button>
          <button type="button" className="button button--link" onClick={() => go({ name: 'recover' })}>
            Use recovery code
          </button>
        </div>
      </form>
    </main>
  );
}
