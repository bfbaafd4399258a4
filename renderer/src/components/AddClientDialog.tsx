import { useRef, useState, type FormEvent } from 'react';
import { useToday } from '../stores/clock';
import { call, type UiError } from '../api';
import type { ClientDetail, NewClient } from '../../../shared/schemas';
import { Alert } from './Alert';
import { DateField, emptyDate, parseDateParts, type DateParts } from './DateField';
import { Dialog } from './Dialog';
import { Field } from './Field';
import { showErrorsAndFocus } from './forms';

const fieldNames = ['name', 'preferredName', 'dateOfBirth', 'phone', 'email'] as const;
type FieldName = (typeof fieldNames)[number];
type TextField = Exclude<FieldName, 'dateOfBirth'>;
type Values = Record<TextField, string> & { dateOfBirth: DateParts };
type Errors = Partial<Record<FieldName, string>>;

const empty: Values = { name: '', preferredName: '', dateOfBirth: emptyDate, phone: '', email: '' };

/** Leaves out empty optional fields rather than sending empty strings the schema would have to interpret. */
function toNewClient(values: Values, dateOfBirth: string | null): NewClient {
  const client: NewClient = { name: values.name };
  if (values.preferredName.trim() !== '') client.preferredName = values.preferredName;
  if (dateOfBirth !== null) client.dateOfBirth = dateOfBirth;
  if (values.phone.trim() !== '') client.phone = values.phone;
  if (values.email.trim() !== '') client.email = values.email.trim();
  return client;
}

interface Props {
  onClose(): void;
  onAdded(client: ClientDetail): void;
}

export function AddClientDialog({ onClose, onAdded }: Props) {
  const formRef = useRef<HTMLFormElement>(null);
  const today = useToday();
  const [values, setValues] = useState<Values>(empty);
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<UiError | null>(null);
  const [busy, setBusy] = useState(false);

  const bind = (name: TextField) => ({
    value: values[name],
    error: errors[name],
    onChange: (event: { target: { value: string } }) => setValues({ ...values, [name]: event.target.value }),
  });

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const found: Errors = {};
    if (values.name.trim() === '') found.name = 'Enter the client’s name';
    const dateOfBirth = parseDateParts(values.dateOfBirth, 'Date of birth', { today });
    if ('error' in dateOfBirth) found.dateOfBirth = dateOfBirth.error;
    if (Object.keys(found).length > 0 || 'error' in dateOfBirth) {
      showErrorsAndFocus(formRef.current, () => setErrors(found));
      return;
    }
    setBusy(true);
    const result = await call('clients.create', toNewClient(values, dateOfBirth.iso));
    setBusy(false);
    if (!result.ok) {
      const fieldErrors: Errors = {};
      for (const name of fieldNames) {
        const message = result.error.fields[name];
        if (message) fieldErrors[name] = message;
      }
      showErrorsAndFocus(formRef.current, () => {
        setErrors(fieldErrors);
        setFailure(Object.keys(fieldErrors).length > 0 ? null : result.error);
      });
      return;
    }
    onAdded(result.value);
  }

  return (
    <Dialog title="Add a client" onClose={onClose}>
      {failure ? <Alert>{failure.message}</Alert> : null}
      <form ref={formRef} className="form" noValidate aria-busy={busy} onSubmit={(event) => void submit(event)}>
        <Field label="Full name" autoComplete="off" required {...bind('name')} />
        <Field label="Preferred name (optional)" autoComplete="off" {...bind('preferredName')} />
        <DateField
          legend="Date of birth (optional)"
          value={values.dateOfBirth}
          error={errors.dateOfBirth}
          onChange={(dateOfBirth) => setValues({ ...values, dateOfBirth })}
        />
        <Field label="Phone (optional)" type="tel" autoComplete="off" {...bind('phone')} />
        <Field label="Email (optional)" type="email" autoComplete="off" {...bind('email')} />
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? 'Adding…' : 'Add client'}
          </button>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
