import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import { call, type UiError } from '../api';
import type { CaseKind, ParticipantRef } from '../../../shared/records';
import type { ClientSummary, User } from '../../../shared/schemas';
import { AddClientDialog } from '../components/AddClientDialog';
import { Alert } from '../components/Alert';
import { DateField, parseDateParts, useDateDefaultingToToday } from '../components/DateField';
import { showErrorsAndFocus } from '../components/forms';
import { RadioGroup } from '../components/RadioGroup';
import { ScreenHeading } from '../components/ScreenHeading';
import { SelectField } from '../components/SelectField';
import { caseKindLabels, formatDate, listPeople, personLabel } from '../format';
import { useToday } from '../stores/clock';
import { go } from '../stores/navigation';
import { useSession } from '../stores/session';
import { participantCountProblem, participantRule } from '../../../shared/rules/case-kinds';

const kindOptions: ReadonlyArray<{ value: CaseKind; label: string; hint: string }> = [
  { value: 'individual', label: 'Individual', hint: 'Work with one client.' },
  { value: 'couple', label: 'Couple', hint: 'Work with two clients together, and with each of them alone.' },
  { value: 'family', label: 'Family', hint: 'Work with two or more members of a family.' },
];


const STEPS = ['Kind of case', 'Who is in the case', 'Opening date'] as const;
const RESULT_LIMIT = 8;
const PARTICIPANTS_ERROR_ID = 'participants-error';

function toRef(client: ClientSummary): ParticipantRef {
  return { id: client.id, reference: client.reference, name: client.name };
}

/** Finds existing clients to add; the core decides whom this user may see. */
function ParticipantSearch({ chosen, onAdd }: { chosen: ParticipantRef[]; onAdd(client: ParticipantRef): void }) {
  const inputId = useId();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<ClientSummary[] | null>(null);
  const [error, setError] = useState<UiError | null>(null);

  useEffect(() => {
    const text = query.trim();
    if (text === '') {
      setResults(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      void call('clients.list', { query: text, status: 'all' }).then((result) => {
        if (!live) return;
        if (result.ok) {
          setResults(result.value.clients);
          setError(null);
        } else setError(result.error);
      });
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query]);

  const chosenIds = new Set(chosen.map((c) => c.id));
  const shown = results?.slice(0, RESULT_LIMIT) ?? [];
  return (
    <div className="participant-search" role="search" aria-label="Find a client to add">
      <div className="field">
        <label htmlFor={inputId}>Find an existing client</label>
        <input
          id={inputId}
          type="search"
          value={query}
          placeholder="Name or reference"
          autoComplete="off"
          onChange={(event) => setQuery(event.target.value)}
        />
      </div>
      {error ? <Alert>{error.message}</Alert> : null}
      <p className="pick-count" role="status" aria-live="polite">
        {results === null
          ? ''
          : results.length === 0
            ? `No clients match “${query.trim()}”.`
            : results.length > RESULT_LIMIT
              ? `Showing ${RESULT_LIMIT} of ${results.length} matches. Type more of the name to narrow them.`
              : `${results.length} ${results.length === 1 ? 'match' : 'matches'}`}
      </p>
      {shown.length > 0 ? (
        <ul className="pick-list" aria-label="Matching clients">
          {shown.map((client) => (
            <li key={client.id} className="pick-item">
              <span>
                {client.name} <span className="client-row-reference muted">{client.reference}</span>
                {client.dateOfBirth ? <span className="muted"> · born {formatDate(client.dateOfBirth)}</span> : null}
              </span>
              <button
                type="button"
                className="button button--small"
                disabled={chosenIds.has(client.id)}
                onClick={() => onAdd(toRef(client))}
              >
                {chosenIds.has(client.id) ? 'Added' : 'Add'}
                <span className="visually-hidden"> {personLabel(toRef(client))}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export function NewCase({ clientId }: { clientId: string }) {
  const user = useSession((state) => state.user);
  const formRef = useRef<HTMLFormElement>(null);
  const stepHeadingRef = useRef<HTMLHeadingElement>(null);
  const [step, setStep] = useState(0);
  const [kind, setKind] = useState<CaseKind | null>(null);
  const [chosen, setChosen] = useState<ParticipantRef[]>([]);
  const today = useToday();
  const [openedOn, setOpenedOn] = useDateDefaultingToToday();
  const [therapistId, setTherapistId] = useState(user?.id ?? '');
  const [therapists, setTherapists] = useState<User[]>([]);
  const [errors, setErrors] = useState<{ kind?: string; participants?: string; openedOn?: string }>({});
  const [failure, setFailure] = useState<UiError | null>(null);
  const [adding, setAdding] = useState(false);
  const [busy, setBusy] = useState(false);
  const isDirector = user?.roles.includes('director') ?? false;
  const isTherapist = user?.roles.includes('therapist') ?? false;

  useEffect(() => {
    let live = true;
    void call('clients.get', { clientId }).then((result) => {
      if (!live) return;
      if (result.ok) setChosen((current) => (current.length === 0 ? [toRef(result.value)] : current));
      else setFailure(result.error);
    });
    if (isDirector) {
      void call('users.list', {}).then((result) => {
        if (!live || !result.ok) return;
        const found = result.value.users.filter((u) => u.roles.includes('therapist'));
        setTherapists(found);
        // A director who is not a therapist opens cases for one of the practice's therapists.
        setTherapistId((current) => (found.some((t) => t.id === current) ? current : (found[0]?.id ?? current)));
      });
    }
    return () => {
      live = false;
    };
  }, [clientId, isDirector]);

  // Each step's heading takes focus, so a screen reader hears where the person now is.
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    stepHeadingRef.current?.focus();
  }, [step]);

  function next(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(null);
    if (step === 0) {
      if (kind === null) return showErrorsAndFocus(formRef.current, () => setErrors({ kind: 'Choose the kind of case' }));
      setErrors({});
      setStep(1);
    } else if (step === 1 && kind !== null) {
      const problem = participantCountProblem(kind, chosen.length);
      if (problem !== null) {
        const message = `${problem} ${chosen.length === 1 ? '1 client is' : `${chosen.length} clients are`} chosen.`;
        flushSync(() => setErrors({ participants: message }));
        document.getElementById(PARTICIPANTS_ERROR_ID)?.focus();
        return;
      }
      setErrors({});
      setStep(2);
    } else if (step === 2) void create();
  }

  async function create() {
    if (busy || kind === null) return;
    const date = parseDateParts(openedOn, 'Opening date', { today, example: '23 11 2026' });
    const problem = 'error' in date ? date.error : date.iso === null ? 'Enter the date the case opened' : null;
    if (problem !== null || !('iso' in date) || date.iso === null) {
      showErrorsAndFocus(formRef.current, () => setErrors(problem === null ? {} : { openedOn: problem }));
      return;
    }
    setBusy(true);
    const result = await call('cases.create', {
      kind,
      participantIds: chosen.map((c) => c.id),
      openedOn: date.iso,
      ...(therapistId !== '' && therapistId !== user?.id ? { therapistId } : {}),
    });
    setBusy(false);
    if (!result.ok) {
      const fieldMessage = result.error.fields.openedOn;
      showErrorsAndFocus(formRef.current, () => {
        setErrors(fieldMessage ? { openedOn: fieldMessage } : {});
        setFailure(fieldMessage ? null : result.error);
      });
      return;
    }
    const created = result.value;
    go({
      name: 'client',
      clientId,
      notice: `Opened ${caseKindLabels[created.kind].toLowerCase()} case ${created.reference} with ${listPeople(created.participants)}.`,
    });
  }

  return (
    <main className="page page--medium" aria-labelledby="new-case-heading">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <button type="button" className="button button--link" onClick={() => go({ name: 'client', clientId })}>
          <span aria-hidden="true" className="back-arrow">←</span>Back to the client file
        </button>
      </nav>
      <ScreenHeading id="new-case-heading">New case</ScreenHeading>
      <ol className="steps" aria-label="Steps">
        {STEPS.map((label, index) => (
          <li key={label} className={index === step ? 'step step--current' : index < step ? 'step step--done' : 'step'} aria-current={index === step ? 'step' : undefined}>
            <span className="step-number" aria-hidden="true">
              {index + 1}
            </span>
            {label}
          </li>
        ))}
      </ol>
      {failure ? <Alert>{failure.message}</Alert> : null}
      <form ref={formRef} className="form panel" noValidate aria-busy={busy} onSubmit={next}>
        <h2 ref={stepHeadingRef} tabIndex={-1} className="focus-target">
          Step {step + 1} of {STEPS.length}: {STEPS[step]}
        </h2>
        {step === 0 ? (
          <RadioGroup
            legend="What kind of case is this?"
            name="kind"
            value={kind}
            options={kindOptions}
            error={errors.kind}
            onChange={(value) => {
              setKind(value);
              setErrors({});
            }}
          />
        ) : null}
        {step === 1 && kind !== null ? (
          <>
            <section aria-labelledby="chosen-heading" className={errors.participants ? 'chosen chosen--invalid' : 'chosen'}>
              <h3 id="chosen-heading">
                In this {caseKindLabels[kind].toLowerCase()} case ({chosen.length})
              </h3>
              <p className="field-hint">{participantRule(kind)}</p>
              {errors.participants ? (
                <p id={PARTICIPANTS_ERROR_ID} className="field-error" tabIndex={-1} role="alert">
                  {errors.participants}
                </p>
              ) : null}
              {chosen.length === 0 ? (
                <p className="muted">No one chosen yet.</p>
              ) : (
                <ul className="pick-list" aria-labelledby="chosen-heading">
                  {chosen.map((person) => (
                    <li key={person.id} className="pick-item">
                      <span>
                        {person.name} <span className="client-row-reference muted">{person.reference}</span>
                      </span>
                      <button
                        type="button"
                        className="button button--small button--quiet"
                        onClick={() => {
                          setChosen(chosen.filter((c) => c.id !== person.id));
                          setErrors({});
                        }}
                      >
                        Remove<span className="visually-hidden"> {personLabel(person)}</span>
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </section>
            <ParticipantSearch
              chosen={chosen}
              onAdd={(person) => {
                setChosen([...chosen, person]);
                setErrors({});
              }}
            />
            <p>
              <button type="button" className="button button--link" onClick={() => setAdding(true)}>
                Add a new client to this case
              </button>
            </p>
          </>
        ) : null}
        {step === 2 && kind !== null ? (
          <>
            <dl className="summary">
              <div>
                <dt>Kind</dt>
                <dd>{caseKindLabels[kind]}</dd>
              </div>
              <div>
                <dt>Clients</dt>
                <dd>{listPeople(chosen)}</dd>
              </div>
            </dl>
            <DateField
              legend="Date the case opened"
              hint="For example, 23 11 2026"
              value={openedOn}
              error={errors.openedOn}
              onChange={setOpenedOn}
            />
            {isDirector && (therapists.length > 1 || !isTherapist) && therapists.length > 0 ? (
              <SelectField
                label="Therapist"
                value={therapistId}
                options={therapists.map((t) => ({ value: t.id, label: t.id === user?.id ? `${t.name} (you)` : t.name }))}
                onChange={setTherapistId}
              />
            ) : null}
          </>
        ) : null}
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {step < STEPS.length - 1 ? 'Continue' : busy ? 'Opening case…' : 'Open case'}
          </button>
          {step > 0 ? (
            <button
              type="button"
              className="button"
              onClick={() => {
                setErrors({});
                setFailure(null);
                setStep(step - 1);
              }}
            >
              Back
            </button>
          ) : null}
          <button type="button" className="button button--link" onClick={() => go({ name: 'client', clientId })}>
            Cancel
          </button>
        </div>
      </form>
      {adding ? (
        <AddClientDialog
          onClose={() => setAdding(false)}
          onAdded={(client) => {
            setAdding(false);
            setChosen((current) => [...current, toRef(client)]);
            setErrors({});
          }}
        />
      ) : null}
    </main>
  );
}
