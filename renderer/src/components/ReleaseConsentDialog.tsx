import { useRef, useState, type FormEvent } from 'react';
import { call, type UiError } from '../api';
import type { ReleaseConsentRecord, ReleaseScope } from '../../../shared/release';
import { fileNameOf, releaseScopeLabels } from '../releaseFormat';
import { useToday } from '../stores/clock';
import { Alert } from './Alert';
import { DateField, emptyDate, parseDateParts, useDateDefaultingToToday, type DateParts } from './DateField';
import { Dialog } from './Dialog';
import { Field } from './Field';
import { showErrorsAndFocus } from './forms';
import { RadioGroup } from './RadioGroup';
import { TextAreaField } from './TextAreaField';

type ErrorKey = 'recipientOrganisation' | 'recipientPerson' | 'purpose' | 'releases' | 'periodFrom' | 'periodTo' | 'signedOn' | 'expiresOn' | 'scanPath';
type Errors = Partial<Record<ErrorKey, string>>;

const scopeOptions = (['attendance', 'attendance-and-missed'] as const).map((value) => ({ value, label: releaseScopeLabels[value] }));

interface Props {
  clientId: string;
  clientName: string;
  onClose(): void;
  onRecorded(consent: ReleaseConsentRecord): void;
}

/** A client's written consent to release information, entered from the signed form (and its scan). */
export function ReleaseConsentDialog({ clientId, clientName, onClose, onRecorded }: Props) {
  const formRef = useRef<HTMLFormElement>(null);
  const today = useToday();
  const [organisation, setOrganisation] = useState('');
  const [person, setPerson] = useState('');
  const [purpose, setPurpose] = useState('');
  const [releases, setReleases] = useState<ReleaseScope>('attendance');
  const [periodFrom, setPeriodFrom] = useState<DateParts>(emptyDate);
  const [periodTo, setPeriodTo] = useState<DateParts>(emptyDate);
  const [signedOn, setSignedOn] = useDateDefaultingToToday();
  const [expiresOn, setExpiresOn] = useState<DateParts>(emptyDate);
  const [scanPath, setScanPath] = useState<string | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<UiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function chooseScan() {
    const chosen = await window.confide.chooseFile('scan');
    if (chosen !== null) {
      setScanPath(chosen);
      setErrors(({ scanPath: _, ...rest }) => rest);
    }
  }

  function checked(): { errors: Errors; dates: Record<'periodFrom' | 'periodTo' | 'signedOn' | 'expiresOn', string> | null } {
    const found: Errors = {};
    if (organisation.trim() === '') found.recipientOrganisation = 'Name the organisation the information may go to';
    if (purpose.trim() === '') found.purpose = 'Say what the information is for, as the form does';
    const dates: Partial<Record<'periodFrom' | 'periodTo' | 'signedOn' | 'expiresOn', string>> = {};
    const read = (key: keyof typeof dates, parts: DateParts, label: string, allowFuture: boolean, missing: string) => {
      const parsed = parseDateParts(parts, label, { today, allowFuture, example: '23 11 2026' });
      if ('error' in parsed) found[key] = parsed.error;
      else if (parsed.iso === null) found[key] = missing;
      else dates[key] = parsed.iso;
    };
    read('periodFrom', periodFrom, 'The start of the period', true, 'Enter the first day the consent covers');
    read('periodTo', periodTo, 'The end of the period', true, 'Enter the last day the consent covers');
    read('signedOn', signedOn, 'Date signed', true, 'Enter the date the client signed the form');
    read('expiresOn', expiresOn, 'Expiry date', true, 'Enter the date the consent expires, as the form gives it');
    // Whether the dates fit together (signed in the past, expiring after signing) is the core's to say.
    const { periodFrom: from, periodTo: to, signedOn: signed, expiresOn: expires } = dates;
    if (from && to && signed && expires) return { errors: found, dates: { periodFrom: from, periodTo: to, signedOn: signed, expiresOn: expires } };
    return { errors: found, dates: null };
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const { errors: found, dates } = checked();
    if (Object.keys(found).length > 0 || dates === null) {
      showErrorsAndFocus(formRef.current, () => {
        setErrors(found);
        setFailure(null);
      });
      return;
    }
    setBusy(true);
    const result = await call('releaseConsents.create', {
      clientId,
      recipientOrganisation: organisation,
      ...(person.trim() ? { recipientPerson: person } : {}),
      purpose,
      releases,
      ...dates,
      ...(scanPath ? { scanPath } : {}),
    });
    setBusy(false);
    if (!result.ok) {
      const fields = result.error.fields as Errors;
      const known = Object.keys(fields).length > 0;
      showErrorsAndFocus(formRef.current, () => {
        setErrors(fields);
        setFailure(known ? null : result.error);
      });
      return;
    }
    onRecorded(result.value);
  }

  return (
    <Dialog
      title="Record a consent to release information"
      wide
      onClose={onClose}
      description={<p>Enter what {clientName} agreed to on the signed form. Nothing is released until an attendance summary is made on it.</p>}
    >
      {failure ? <Alert>{failure.message}</Alert> : null}
      <form ref={formRef} className="form" noValidate aria-busy={busy} onSubmit={(event) => void submit(event)}>
        <fieldset className="form-section">
          <legend>Who may receive it</legend>
          <Field
            label="Organisation"
            hint="For example, Leeds Community Mental Health Team"
            value={organisation}
            error={errors.recipientOrganisation}
            onChange={(event) => setOrganisation(event.target.value)}
            data-autofocus
            required
          />
          <Field
            label="Person at the organisation (optional)"
            hint="Leave empty if the form names only the organisation. If a person is named, letters go to that person only."
            value={person}
            error={errors.recipientPerson}
            onChange={(event) => setPerson(event.target.value)}
          />
        </fieldset>
        <TextAreaField
          label="Purpose"
          hint="What the information is for, as the form says. Kept in the vault; it never appears in a letter."
          rows={2}
          value={purpose}
          error={errors.purpose}
          onChange={(event) => setPurpose(event.target.value)}
          required
        />
        <RadioGroup<ReleaseScope> legend="What may be released" name="releases" value={releases} options={scopeOptions} error={errors.releases} onChange={setReleases} />
        <div className="form-row">
          <DateField legend="Period covered: from" hint="For example, 1 9 2026" value={periodFrom} error={errors.periodFrom} onChange={setPeriodFrom} />
          <DateField legend="Period covered: to" hint="For example, 31 12 2026" value={periodTo} error={errors.periodTo} onChange={setPeriodTo} />
        </div>
        <div className="form-row">
          <DateField legend="Date signed" hint="For example, 16 11 2026" value={signedOn} error={errors.signedOn} onChange={setSignedOn} />
          <DateField legend="Expiry date" hint="As the form gives it, for example 15 11 2027" value={expiresOn} error={errors.expiresOn} onChange={setExpiresOn} />
        </div>
        <fieldset className={errors.scanPath ? 'field field--invalid scan-field' : 'field scan-field'}>
          <legend>Scan of the signed form (optional)</legend>
          <p className="field-hint" id="scan-hint">
            A PDF, PNG or JPEG. It is kept encrypted in the vault.
          </p>
          {errors.scanPath ? (
            <p className="field-error" id="scan-error">
              {errors.scanPath}
            </p>
          ) : null}
          <div className="scan-choice">
            {scanPath ? (
              <span className="scan-name" data-testid="scan-name">
                {fileNameOf(scanPath)}
              </span>
            ) : (
              <span className="muted">No file chosen</span>
            )}
            <button
              type="button"
              className="button button--small"
              aria-describedby={['scan-hint', errors.scanPath ? 'scan-error' : null].filter(Boolean).join(' ')}
              aria-invalid={errors.scanPath ? true : undefined}
              onClick={() => void chooseScan()}
            >
              {scanPath ? 'Choose another file' : 'Choose the scanned form…'}
            </button>
            {scanPath ? (
              <button type="button" className="button button--small button--quiet" onClick={() => setScanPath(null)}>
                Remove<span className="visually-hidden"> the scan</span>
              </button>
            ) : null}
          </div>
        </fieldset>
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? 'Recording…' : 'Record consent'}
          </button>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
