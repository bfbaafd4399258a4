import { useState, type FormEvent } from 'react';
import { useToday } from '../stores/clock';
import type { ClientDetail, NewClient } from '../../../shared/schemas';
import { Alert } from './Alert';
import { DateField, emptyDate, parseDateParts, type DateParts } from './DateField';
import { Dialog } from './Dialog';
import { Field } from './Field';
import { useContractForm } from './useContractForm';

type TextField = 'name' | 'preferredName' | 'phone' | 'email';
type Values = Record<TextField, string> & { dateOfBirth: DateParts };

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
  const today = useToday();
  const [values, setValues] = useState<Values>(empty);
  const { formRef, errors, failure, busy, submit } = useContractForm('clients.create');

  const bind = (name: TextField) => ({
    value: values[name],
    error: errors[name],
    onChange: (event: { target: { value: string } }) => setValues({ ...values, [name]: event.target.value }),
  });

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // The date boxes are the screen's own: only they can say a typed date is not a real one.
    const dateOfBirth = parseDateParts(values.dateOfBirth, 'Date of birth', { today });
    const local = 'error' in dateOfBirth ? { dateOfBirth: dateOfBirth.error } : {};
    const added = await submit(toNewClient(values, 'iso' in dateOfBirth ? dateOfBirth.iso : null), local);
    if (added) onAdded(added);
  }

  return (
    <Dialog title="Add a client" onClose={onClose}>
      {failure ? <Alert>{failure.message}</Alert> : null}
      <form ref={formRef} className="form" noValidate aria-busy={busy} onSubmit={(event) => void save(event)}>
        <Field label="Full name" autoComplete="off" required {...bind('name')} />
        <Field label="Preferred name (optional)" autoComplete="off" {...bind('preferredName')} />
        <DateField
          legend="Date of birth (optional)"
          value={values.dateOfBirth}
          error={errors['dateOfBirth']}
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
