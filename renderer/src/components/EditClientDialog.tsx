import { useId, useRef, useState, type FormEvent } from 'react';
import { useToday } from '../stores/clock';
import { call, type UiError } from '../api';
import type { MethodInput } from '../../../shared/contract';
import type { ClientDetail } from '../../../shared/schemas';
import { formatDateTime } from '../format';
import { Alert } from './Alert';
import { Checkbox } from './Checkbox';
import { DateField, datePartsOf, parseDateParts, type DateParts } from './DateField';
import { Dialog } from './Dialog';
import { Field } from './Field';
import { showErrorsAndFocus } from './forms';
import { TextAreaField } from './TextAreaField';

const textFields = [
  'name',
  'preferredName',
  'phone',
  'email',
  'address',
  'emergencyContact',
  'gpPractice',
  'interpreterLanguage',
  'heardAbout',
  'referrerName',
  'referrerContact',
] as const;
type TextField = (typeof textFields)[number];

const equalityFields = ['ethnicity', 'gender', 'sexualOrientation', 'disability', 'religion'] as const;
type EqualityField = (typeof equalityFields)[number];

interface Values extends Record<TextField, string> {
  dateOfBirth: DateParts;
  interpreterNeeded: boolean;
  equalityConsent: boolean;
  equality: Record<EqualityField, string>;
  /** The client withdrew the consent recorded earlier: their equality monitoring data is deleted on save. */
  equalityWithdrawn: boolean;
}

type ErrorKey = TextField | 'dateOfBirth' | 'equalityConsent' | 'equalityWithdrawn' | `equality.${EqualityField}`;
type Errors = Partial<Record<ErrorKey, string>>;

type UpdateInput = MethodInput<'clients.update'>;

function valuesOf(client: ClientDetail): Values {
  return {
    name: client.name,
    preferredName: client.preferredName ?? '',
    dateOfBirth: datePartsOf(client.dateOfBirth),
    phone: client.phone ?? '',
    email: client.email ?? '',
    address: client.address ?? '',
    emergencyContact: client.emergencyContact ?? '',
    gpPractice: client.gpPractice ?? '',
    interpreterNeeded: client.interpreterNeeded,
    interpreterLanguage: client.interpreterLanguage ?? '',
    heardAbout: client.heardAbout ?? '',
    referrerName: client.referrerName ?? '',
    referrerContact: client.referrerContact ?? '',
    equalityConsent: client.equality !== null,
    equality: {
      ethnicity: client.equality?.ethnicity ?? '',
      gender: client.equality?.gender ?? '',
      sexualOrientation: client.equality?.sexualOrientation ?? '',
      disability: client.equality?.disability ?? '',
      religion: client.equality?.religion ?? '',
    },
    equalityWithdrawn: false,
  };
}

/**
 * Every text field and the date of birth are sent, so clearing one clears it in the vault ('' means "not recorded").
 * Equality monitoring is sent only when it changed: each save of it records consent again, with the time.
 * A withdrawal of consent is sent on its own (the core refuses equality data and a withdrawal together).
 */
function toUpdate(client: ClientDetail, values: Values, dateOfBirth: string | null): UpdateInput {
  const input: UpdateInput = { clientId: client.id, name: values.name };
  for (const name of textFields) {
    if (name === 'name') continue;
    input[name] = name === 'email' ? values.email.trim() : values[name];
  }
  if (!values.interpreterNeeded) input.interpreterLanguage = '';
  input.interpreterNeeded = values.interpreterNeeded;
  input.dateOfBirth = dateOfBirth ?? '';
  if (client.equality !== null && values.equalityWithdrawn) {
    input.equalityWithdrawn = true;
    return input;
  }
  const before = valuesOf(client).equality;
  const changed = client.equality === null || equalityFields.some((field) => before[field] !== values.equality[field]);
  if (client.can.seeEqualityMonitoring && values.equalityConsent && changed) input.equality = { consentRecorded: true, ...values.equality };
  return input;
}

const labels: Record<EqualityField, string> = {
  ethnicity: 'Ethnicity (optional)',
  gender: 'Gender (optional)',
  sexualOrientation: 'Sexual orientation (optional)',
  disability: 'Disability (optional)',
  religion: 'Religion or belief (optional)',
};

interface Props {
  client: ClientDetail;
  onClose(): void;
  onSaved(client: ClientDetail): void;
}

export function EditClientDialog({ client, onClose, onSaved }: Props) {
  const formRef = useRef<HTMLFormElement>(null);
  const today = useToday();
  const [values, setValues] = useState<Values>(() => valuesOf(client));
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<UiError | null>(null);
  const [busy, setBusy] = useState(false);
  /** The update waiting for the user to confirm that equality monitoring data will be deleted. */
  const [pendingWithdrawal, setPendingWithdrawal] = useState<UpdateInput | null>(null);
  const consentAlreadyRecorded = client.equality !== null;
  const withdrawing = consentAlreadyRecorded && values.equalityWithdrawn;
  const withdrawnErrorId = useId();

  const bind = (name: TextField) => ({
    value: values[name],
    error: errors[name],
    autoComplete: 'off',
    onChange: (event: { target: { value: string } }) => setValues({ ...values, [name]: event.target.value }),
  });

  const bindEquality = (name: EqualityField) => ({
    value: values.equality[name],
    error: errors[`equality.${name}`],
    autoComplete: 'off',
    onChange: (event: { target: { value: string } }) =>
      setValues({ ...values, equality: { ...values.equality, [name]: event.target.value } }),
  });

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const found: Errors = {};
    if (values.name.trim() === '') found.name = 'Enter the client’s name';
    const dateOfBirth = parseDateParts(values.dateOfBirth, 'Date of birth', { today });
    if ('error' in dateOfBirth) found.dateOfBirth = dateOfBirth.error;
    if (values.interpreterNeeded && values.interpreterLanguage.trim() === '') {
      found.interpreterLanguage = 'Enter the language the interpreter is needed for';
    }
    if (Object.keys(found).length > 0 || 'error' in dateOfBirth) {
      showErrorsAndFocus(formRef.current, () => {
        setErrors(found);
        setFailure(null);
      });
      return;
    }
    const input = toUpdate(client, values, dateOfBirth.iso);
    // Deleting equality monitoring data cannot be undone: ask first.
    if (input.equalityWithdrawn) setPendingWithdrawal(input);
    else await save(input);
  }

  async function save(input: UpdateInput) {
    setBusy(true);
    const result = await call('clients.update', input);
    setBusy(false);
    if (!result.ok) {
      setPendingWithdrawal(null);
      const fieldErrors: Errors = {};
      for (const [path, message] of Object.entries(result.error.fields)) {
        if ((textFields as readonly string[]).includes(path) || path === 'dateOfBirth' || path === 'equalityWithdrawn') {
          fieldErrors[path as ErrorKey] = message;
        } else if (path.startsWith('equality.') && equalityFields.some((field) => path === `equality.${field}`)) {
          fieldErrors[path as ErrorKey] = message;
        } else if (path === 'equality.consentRecorded') fieldErrors.equalityConsent = message;
      }
      showErrorsAndFocus(formRef.current, () => {
        setErrors(fieldErrors);
        setFailure(Object.keys(fieldErrors).length > 0 ? null : result.error);
      });
      return;
    }
    onSaved(result.value);
  }

  return (
    <>
      <Dialog title="Edit details" onClose={onClose} wide>
        {failure ? <Alert>{failure.message}</Alert> : null}
        <form ref={formRef} className="form" noValidate aria-busy={busy} onSubmit={(event) => void submit(event)}>
          <fieldset className="form-section">
            <legend>Identity and contact</legend>
            <Field label="Full name" required data-autofocus {...bind('name')} />
            <Field label="Preferred name (optional)" {...bind('preferredName')} />
            <DateField
              legend="Date of birth (optional)"
              value={values.dateOfBirth}
              error={errors.dateOfBirth}
              hint={
                client.dateOfBirth === null
                  ? 'For example, 27 3 1985'
                  : 'For example, 27 3 1985. To remove the recorded date, clear all three boxes.'
              }
              onChange={(dateOfBirth) => setValues({ ...values, dateOfBirth })}
            />
            <Field label="Phone (optional)" type="tel" {...bind('phone')} />
            <Field label="Email (optional)" type="email" {...bind('email')} />
            <TextAreaField label="Address (optional)" rows={3} {...bind('address')} />
            <Field label="Emergency contact (optional)" hint="Name and phone number" {...bind('emergencyContact')} />
            <Field label="GP practice (optional)" {...bind('gpPractice')} />
          </fieldset>
          <fieldset className="form-section">
            <legend>Interpreter</legend>
            <Checkbox
              label="An interpreter is needed"
              checked={values.interpreterNeeded}
              onChange={(interpreterNeeded) => setValues({ ...values, interpreterNeeded })}
            />
            {values.interpreterNeeded ? <Field label="Language" {...bind('interpreterLanguage')} /> : null}
          </fieldset>
          <fieldset className="form-section">
            <legend>Referral</legend>
            <Field label="How they heard of the practice (optional)" {...bind('heardAbout')} />
            <Field label="Referrer name (optional)" {...bind('referrerName')} />
            <Field label="Referrer contact (optional)" {...bind('referrerContact')} />
          </fieldset>
          {/* Special-category data: only the client's own clinician sees or changes it (the core enforces it). */}
          {client.can.seeEqualityMonitoring ? (
          <fieldset className="form-section">
            <legend>Equality monitoring</legend>
            {withdrawing ? null : (
              <>
                <Checkbox
                  label="The client has given explicit consent to record equality monitoring information"
                  checked={values.equalityConsent}
                  disabled={consentAlreadyRecorded}
                  invalid={Boolean(errors.equalityConsent)}
                  hint={
                    consentAlreadyRecorded && client.equality
                      ? `Consent recorded ${formatDateTime(client.equality.consentRecordedAt)}.`
                      : 'These details are optional and are recorded only with the client’s explicit consent.'
                  }
                  onChange={(equalityConsent) => setValues({ ...values, equalityConsent })}
                />
                {errors.equalityConsent ? <p className="field-error">{errors.equalityConsent}</p> : null}
                {values.equalityConsent ? (
                  <>
                    <Field label={labels.ethnicity} {...bindEquality('ethnicity')} />
                    <Field label={labels.gender} {...bindEquality('gender')} />
                    <Field label={labels.sexualOrientation} {...bindEquality('sexualOrientation')} />
                    <Field label={labels.disability} {...bindEquality('disability')} />
                    <Field label={labels.religion} {...bindEquality('religion')} />
                  </>
                ) : null}
              </>
            )}
            {consentAlreadyRecorded ? (
              <>
                <Checkbox
                  label="Client has withdrawn consent to equality monitoring"
                  checked={values.equalityWithdrawn}
                  invalid={Boolean(errors.equalityWithdrawn)}
                  {...(errors.equalityWithdrawn ? { describedBy: withdrawnErrorId } : {})}
                  hint={
                    values.equalityWithdrawn
                      ? `Consent was recorded ${client.equality ? formatDateTime(client.equality.consentRecordedAt) : ''}. When you save, all of the client’s equality monitoring information will be permanently deleted. You will be asked to confirm first.`
                      : 'Tick this if the client no longer agrees to equality monitoring. All of their equality monitoring information will be deleted when you save.'
                  }
                  onChange={(equalityWithdrawn) => setValues({ ...values, equalityWithdrawn })}
                />
                {errors.equalityWithdrawn ? (
                  <p id={withdrawnErrorId} className="field-error">
                    {errors.equalityWithdrawn}
                  </p>
                ) : null}
              </>
            ) : null}
          </fieldset>
          ) : null}
          <div className="actions">
            <button type="submit" className="button button--primary" disabled={busy}>
              {busy ? 'Saving…' : 'Save details'}
            </button>
            <button type="button" className="button" onClick={onClose}>
              Cancel
            </button>
          </div>
        </form>
      </Dialog>
      {pendingWithdrawal ? (
        <Dialog
          title="Delete equality monitoring information?"
          role="alertdialog"
          onClose={() => setPendingWithdrawal(null)}
          description={
            <>
              <p>
                {client.name} has withdrawn consent to equality monitoring. Their ethnicity, gender, sexual orientation,
                disability and religion or belief
                {client.equality ? `, recorded ${formatDateTime(client.equality.consentRecordedAt)},` : ''} will be
                permanently deleted, and your other changes to their details saved.
              </p>
              <p>This cannot be undone. The withdrawal is recorded in the audit log.</p>
            </>
          }
        >
          <div className="actions">
            <button
              type="button"
              className="button button--primary"
              disabled={busy}
              onClick={() => void save(pendingWithdrawal)}
            >
              {busy ? 'Saving…' : 'Delete and save details'}
            </button>
            <button type="button" className="button" data-autofocus onClick={() => setPendingWithdrawal(null)}>
              Go back
            </button>
          </div>
        </Dialog>
      ) : null}
    </>
  );
}
