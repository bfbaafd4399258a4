import { useEffect, useRef, useState, type FormEvent } from 'react';
import { call, type UiError } from '../api';
import type { Role, User } from '../../../shared/schemas';
import { Alert } from '../components/Alert';
import { Checkbox } from '../components/Checkbox';
import { Dialog } from '../components/Dialog';
import { Field } from '../components/Field';
import { showErrorsAndFocus } from '../components/forms';
import { passphraseUserInputs } from '../../../shared/passphrase-strength';
import { checkPassphrase, PassphraseFields, type PassphraseErrors } from '../components/PassphraseFields';
import { ScreenHeading } from '../components/ScreenHeading';
import { useSession } from '../stores/session';
import { useUsers } from '../stores/users';

const roleLabels: Record<Role, string> = { director: 'Practice director', therapist: 'Therapist' };
const roleHints: Record<Role, string> = {
  director:
    'Sees every client’s identity and dates, manages users and settings — but not the note content of other therapists’ clients.',
  therapist: 'Keeps a caseload: sees and writes records only for their own clients.',
};

type Errors = PassphraseErrors & { name?: string; roles?: string };

function AddUserDialog({ onClose, onAdded }: { onClose(): void; onAdded(user: User): void }) {
  const formRef = useRef<HTMLFormElement>(null);
  const practiceName = useSession((state) => state.practiceName);
  const [name, setName] = useState('');
  const [roles, setRoles] = useState<ReadonlySet<Role>>(new Set(['therapist']));
  const [secret, setSecret] = useState({ passphrase: '', confirm: '' });
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<UiError | null>(null);
  const [busy, setBusy] = useState(false);

  function toggle(role: Role, on: boolean) {
    const next = new Set(roles);
    if (on) next.add(role);
    else next.delete(role);
    setRoles(next);
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const found: Errors = {};
    if (name.trim() === '') found.name = 'Enter the person’s name';
    if (roles.size === 0) found.roles = 'Choose at least one role';
    Object.assign(found, checkPassphrase(secret, passphraseUserInputs({ practiceName, userName: name })));
    if (Object.keys(found).length > 0) {
      showErrorsAndFocus(formRef.current, () => {
        setErrors(found);
        setFailure(null);
      });
      return;
    }
    setBusy(true);
    const ordered = (['director', 'therapist'] as const).filter((role) => roles.has(role));
    const result = await call('users.create', { name, roles: ordered, passphrase: secret.passphrase });
    setBusy(false);
    if (!result.ok) {
      const { fields } = result.error;
      const fieldErrors: Errors = {
        ...(fields.name ? { name: fields.name } : {}),
        ...(fields.roles ? { roles: fields.roles } : {}),
        ...(fields.passphrase ? { passphrase: fields.passphrase } : {}),
        ...(result.error.code === 'conflict' ? { name: result.error.message } : {}),
      };
      showErrorsAndFocus(formRef.current, () => {
        setErrors(fieldErrors);
        setFailure(Object.keys(fieldErrors).length > 0 ? null : result.error);
      });
      return;
    }
    setSecret({ passphrase: '', confirm: '' });
    onAdded(result.value);
  }

  return (
    <Dialog
      title="Add a user"
      onClose={onClose}
      wide
      description={<p>They unlock Confide with their name and this passphrase. Give it to them in person, not by email.</p>}
    >
      {failure ? <Alert>{failure.message}</Alert> : null}
      <form ref={formRef} className="form" noValidate aria-busy={busy} onSubmit={(event) => void submit(event)}>
        <Field
          label="Name"
          autoComplete="off"
          value={name}
          error={errors.name}
          data-autofocus
          onChange={(event) => setName(event.target.value)}
          required
        />
        <fieldset
          className={errors.roles ? 'field choice-group field--invalid' : 'field choice-group'}
          aria-describedby={errors.roles ? 'roles-error' : undefined}
        >
          <legend>Roles</legend>
          {errors.roles ? (
            <p id="roles-error" className="field-error">
              {errors.roles}
            </p>
          ) : null}
          {(['therapist', 'director'] as const).map((role, index) => (
            <Checkbox
              key={role}
              label={roleLabels[role]}
              hint={roleHints[role]}
              checked={roles.has(role)}
              invalid={Boolean(errors.roles) && index === 0}
              onChange={(on) => toggle(role, on)}
            />
          ))}
        </fieldset>
        <PassphraseFields
          label="Initial passphrase"
          values={secret}
          errors={errors}
          onChange={setSecret}
          userInputs={passphraseUserInputs({ practiceName, userName: name })}
        />
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? 'Adding…' : 'Add user'}
          </button>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}

export function Users() {
  const { users, loaded, error, load } = useUsers();
  const me = useSession((state) => state.user);
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState<string | null>(null);
  const isDirector = me?.roles.includes('director') ?? false;

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <main className="page page--medium" aria-labelledby="users-heading">
      <div className="page-header">
        <ScreenHeading id="users-heading">Users</ScreenHeading>
        {isDirector ? (
          <button type="button" className="button button--primary" onClick={() => setAdding(true)}>
            Add user
          </button>
        ) : null}
      </div>
      {isDirector ? null : <Alert tone="info">Only a practice director can manage users.</Alert>}
      {added ? <Alert tone="success">{added}</Alert> : null}
      {error ? <Alert>{error.message}</Alert> : null}
      {!loaded ? (
        <p className="muted">Loading users…</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">People who can unlock this vault</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Roles</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id}>
                <th scope="row">
                  {user.name}
                  {user.id === me?.id ? <span className="muted"> (you)</span> : null}
                </th>
                <td>{user.roles.map((role) => roleLabels[role]).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {adding ? (
        <AddUserDialog
          onClose={() => setAdding(false)}
          onAdded={(user) => {
            setAdding(false);
            setAdded(`Added ${user.name}. They can now unlock Confide with their name and the passphrase you set.`);
            void load();
          }}
        />
      ) : null}
    </main>
  );
}
