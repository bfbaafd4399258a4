import { useEffect, useRef, useState, type FormEvent } from 'react';
import { call, type UiError } from '../api';
import { ADDRESS_LINES_MAX, type PracticeLetterhead } from '../../../shared/release';
import { Alert } from './Alert';
import { Field } from './Field';
import { showErrorsAndFocus } from './forms';
import { TextAreaField } from './TextAreaField';

type Errors = Partial<Record<'address' | 'letterheadLine' | 'signatoryName' | 'signatoryRole', string>>;

/** The core's field paths ("addressLines.2") mapped to this form's fields. */
function errorsFrom(fields: Readonly<Record<string, string>>): Errors {
  const found: Errors = {};
  for (const [path, message] of Object.entries(fields)) {
    if (path.startsWith('addressLines')) found.address ??= message;
    else if (path === 'letterheadLine' || path === 'signatoryName' || path === 'signatoryRole') found[path] ??= message;
  }
  return found;
}

/** The practice's letterhead and the signatory of its letters. A director changes them; everyone sees them. */
export function LetterheadSettings({ isDirector }: { isDirector: boolean }) {
  const formRef = useRef<HTMLFormElement>(null);
  const [saved, setSaved] = useState<PracticeLetterhead | null>(null);
  const [address, setAddress] = useState('');
  const [letterheadLine, setLetterheadLine] = useState('');
  const [signatoryName, setSignatoryName] = useState('');
  const [signatoryRole, setSignatoryRole] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<UiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  function show(value: PracticeLetterhead) {
    setSaved(value);
    setAddress(value.addressLines.join('\n'));
    setLetterheadLine(value.letterheadLine);
    setSignatoryName(value.signatoryName);
    setSignatoryRole(value.signatoryRole);
  }

  useEffect(() => {
    let live = true;
    void call('practice.get', {}).then((result) => {
      if (!live) return;
      if (result.ok) show(result.value);
      else setFailure(result.error);
    });
    return () => {
      live = false;
    };
  }, []);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const addressLines = address
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line !== '');
    const found: Errors = {};
    if (addressLines.length > ADDRESS_LINES_MAX) found.address = `The address can have at most ${ADDRESS_LINES_MAX} lines`;
    if ((signatoryName.trim() === '') !== (signatoryRole.trim() === '')) {
      found[signatoryName.trim() === '' ? 'signatoryName' : 'signatoryRole'] = 'Give both the signatory’s name and their role, or neither';
    }
    if (Object.keys(found).length > 0) {
      showErrorsAndFocus(formRef.current, () => {
        setErrors(found);
        setNotice(null);
      });
      return;
    }
    setBusy(true);
    const result = await call('practice.update', { addressLines, letterheadLine, signatoryName, signatoryRole });
    setBusy(false);
    if (!result.ok) {
      const fieldErrors = errorsFrom(result.error.fields);
      showErrorsAndFocus(formRef.current, () => {
        setErrors(fieldErrors);
        setFailure(Object.keys(fieldErrors).length > 0 ? null : result.error);
        setNotice(null);
      });
      return;
    }
    show(result.value);
    setErrors({});
    setFailure(null);
    setNotice('Saved. Letters use this letterhead from now on.');
  }

  return (
    <section className="panel" aria-labelledby="letterhead-heading">
      <h2 id="letterhead-heading">Letterhead</h2>
      <p>How letters from the practice (attendance summaries) are headed and signed.</p>
      {failure ? <Alert>{failure.message}</Alert> : null}
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {saved === null ? null : isDirector ? (
        <form ref={formRef} className="form" noValidate aria-busy={busy} onSubmit={(event) => void submit(event)}>
          <p className="muted">Practice name: {saved.practiceName}</p>
          <TextAreaField
            label="Practice address"
            hint={`One line per row, up to ${ADDRESS_LINES_MAX}: street, town, postcode, phone.`}
            rows={4}
            value={address}
            error={errors.address}
            onChange={(event) => setAddress(event.target.value)}
          />
          <Field
            label="Line under the practice name (optional)"
            hint="For example, Counselling and psychotherapy for individuals, couples and families"
            value={letterheadLine}
            error={errors.letterheadLine}
            onChange={(event) => setLetterheadLine(event.target.value)}
          />
          <div className="form-row">
            <Field label="Signatory’s name" hint="Who signs the letters" value={signatoryName} error={errors.signatoryName} onChange={(event) => setSignatoryName(event.target.value)} />
            <Field
              label="Signatory’s role"
              hint="For example, Counsellor (MBACP Accred.)"
              value={signatoryRole}
              error={errors.signatoryRole}
              onChange={(event) => setSignatoryRole(event.target.value)}
            />
          </div>
          <div className="actions">
            <button type="submit" className="button button--primary" disabled={busy}>
              {busy ? 'Saving…' : 'Save letterhead'}
            </button>
          </div>
        </form>
      ) : (
        <>
          <dl className="summary" data-testid="letterhead-value">
            <div>
              <dt>Address</dt>
              <dd>{saved.addressLines.length > 0 ? saved.addressLines.join(', ') : <span className="muted">Not set</span>}</dd>
            </div>
            <div>
              <dt>Signed by</dt>
              <dd>{saved.signatoryName ? `${saved.signatoryName}, ${saved.signatoryRole}` : <span className="muted">Not set</span>}</dd>
            </div>
          </dl>
          <p className="muted">Only a practice director can change this.</p>
        </>
      )}
    </section>
  );
}
