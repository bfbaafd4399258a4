import { useEffect, useRef, useState, type FormEvent } from 'react';
import { call, type UiError } from '../api';
import { consentFactsOf, type ReleaseConsentRecord } from '../../../shared/release';
import { clientConsentProblem } from '../../../shared/rules/release-eligibility';
import type { ClientDetail } from '../../../shared/schemas';
import { Alert } from '../components/Alert';
import { AttendanceExportStep } from '../components/AttendanceExportStep';
import { Checkbox } from '../components/Checkbox';
import { DateField, emptyDate, parseDateParts, useDateDefaultingToToday, type DateParts } from '../components/DateField';
import { showErrorsAndFocus } from '../components/forms';
import { RadioGroup } from '../components/RadioGroup';
import { ScreenHeading } from '../components/ScreenHeading';
import { formatDate } from '../format';
import { periodLabel, recipientLabel, releaseScopeLabels } from '../releaseFormat';
import { useToday } from '../stores/clock';
import { go } from '../stores/navigation';

const STEPS = ['Client', 'Period', 'Recipient', 'Consent', 'Preview and export'] as const;

interface Period {
  from: string;
  to: string;
}

type Errors = Partial<Record<'identity' | 'from' | 'to' | 'recipient' | 'consent', string>>;

const recipientKey = (consent: ReleaseConsentRecord) => JSON.stringify([consent.recipient.organisation, consent.recipient.person]);

/** The client's consents that can carry a summary of this period today, by the same rule the core applies. */
function usableConsents(consents: readonly ReleaseConsentRecord[], period: Period, today: string): ReleaseConsentRecord[] {
  return consents.filter((c) => clientConsentProblem(consentFactsOf(c), { period, includeMissedAndCancelled: false, today }) === null);
}

/**
 * The attendance summary wizard: client → period → recipient → the consent relied on → a preview of exactly
 * what will leave → the PDF letter and CSV in a folder the person chooses. The core decides and enforces every
 * rule; the screen offers only what the same rules allow.
 */
export function AttendanceSummary({ clientId }: { clientId: string }) {
  const formRef = useRef<HTMLFormElement>(null);
  const stepHeadingRef = useRef<HTMLHeadingElement>(null);
  const today = useToday();
  const [client, setClient] = useState<ClientDetail | null>(null);
  const [consents, setConsents] = useState<ReleaseConsentRecord[]>([]);
  const [failure, setFailure] = useState<UiError | null>(null);
  const [step, setStep] = useState(0);
  const [includeName, setIncludeName] = useState(true);
  const [includeDateOfBirth, setIncludeDateOfBirth] = useState(false);
  const [from, setFrom] = useState<DateParts>(emptyDate);
  const [to, setTo] = useDateDefaultingToToday();
  const [period, setPeriod] = useState<Period | null>(null);
  const [recipient, setRecipient] = useState<string | null>(null);
  const [consentId, setConsentId] = useState<string | null>(null);
  const [includeMissedAndCancelled, setIncludeMissedAndCancelled] = useState(false);
  const [jointSessions, setJointSessions] = useState<'include' | 'exclude'>('include');
  const [errors, setErrors] = useState<Errors>({});
  const [exported, setExported] = useState(false);

  useEffect(() => {
    let live = true;
    void Promise.all([call('clients.get', { clientId }), call('releaseConsents.list', { clientId })]).then(([found, listed]) => {
      if (!live) return;
      if (found.ok) setClient(found.value);
      else setFailure(found.error);
      if (listed.ok) setConsents(listed.value.consents);
      else setFailure(listed.error);
    });
    return () => {
      live = false;
    };
  }, [clientId]);

  // Each step's heading takes focus, so a screen reader hears where the person now is.
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    stepHeadingRef.current?.focus();
  }, [step]);

  const usable = period && today ? usableConsents(consents, period, today) : [];
  const recipients = [...new Map(usable.map((c) => [recipientKey(c), c.recipient])).entries()];
  const forRecipient = usable.filter((c) => recipientKey(c) === recipient);
  const chosen = forRecipient.find((c) => c.id === consentId) ?? null;

  function fail(found: Errors) {
    showErrorsAndFocus(formRef.current, () => setErrors(found));
  }

  function next(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (step === 0) {
      if (!includeName && !includeDateOfBirth) return fail({ identity: 'Choose how the letter says who it is about: the name, the date of birth, or both' });
    } else if (step === 1) {
      const start = parseDateParts(from, 'The start of the period', { today, example: '1 10 2026' });
      const end = parseDateParts(to, 'The end of the period', { today, example: '20 11 2026' });
      const found: Errors = {};
      if ('error' in start) found.from = start.error;
      else if (start.iso === null) found.from = 'Enter the first day of the period';
      if ('error' in end) found.to = end.error;
      else if (end.iso === null) found.to = 'Enter the last day of the period';
      if ('iso' in start && 'iso' in end && start.iso && end.iso && end.iso < start.iso) found.to = 'The period cannot end before it starts';
      if (Object.keys(found).length > 0 || !('iso' in start) || !('iso' in end) || !start.iso || !end.iso) return fail(found);
      const chosenPeriod = { from: start.iso, to: end.iso };
      setPeriod(chosenPeriod);
      const options = today ? usableConsents(consents, chosenPeriod, today) : [];
      const keys = [...new Set(options.map(recipientKey))];
      setRecipient((current) => (current !== null && keys.includes(current) ? current : keys.length === 1 ? keys[0]! : null));
    } else if (step === 2) {
      if (recipient === null) return fail({ recipient: recipients.length === 0 ? 'No consent covers this period' : 'Choose who the summary goes to' });
      const options = usable.filter((c) => recipientKey(c) === recipient);
      setConsentId((current) => (options.some((c) => c.id === current) ? current : options.length === 1 ? options[0]!.id : null));
    } else if (step === 3) {
      if (chosen === null) return fail({ consent: 'Choose the consent this summary is sent on' });
      if (includeMissedAndCancelled && chosen.releases !== 'attendance-and-missed') setIncludeMissedAndCancelled(false);
    }
    setErrors({});
    setStep(step + 1);
  }

  const notUsable = period && today ? consents.filter((c) => !usable.includes(c)) : [];
  return (
    <main className="page page--medium" aria-labelledby="attendance-heading">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <button type="button" className="button button--link" onClick={() => go({ name: 'client', clientId })}>
          <span aria-hidden="true" className="back-arrow">←</span>Back to the client file
        </button>
      </nav>
      <ScreenHeading id="attendance-heading">Attendance summary</ScreenHeading>
      <p className="lede">
        A letter and a CSV file for someone outside the practice, on the client’s written consent: the dates and number of sessions attended, and
        nothing said in them.
      </p>
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
      <form ref={formRef} className="form panel" noValidate onSubmit={next}>
        <h2 ref={stepHeadingRef} tabIndex={-1} className="focus-target">
          Step {step + 1} of {STEPS.length}: {STEPS[step]}
        </h2>
        {step === 0 && client ? (
          <>
            <dl className="summary">
              <div>
                <dt>Client</dt>
                <dd>
                  {client.name} <span className="client-row-reference muted">{client.reference}</span>
                </dd>
              </div>
              <div>
                <dt>Date of birth</dt>
                <dd>{client.dateOfBirth ? formatDate(client.dateOfBirth) : <span className="muted">Not recorded</span>}</dd>
              </div>
            </dl>
            <fieldset className={errors.identity ? 'choice-group field field--invalid' : 'choice-group field'} aria-describedby={errors.identity ? 'identity-error' : 'identity-hint'}>
              <legend>How the letter says who it is about</legend>
              <p className="field-hint" id="identity-hint">
                Include only what the recipient needs to know who the letter is about.
              </p>
              {errors.identity ? (
                <p className="field-error" id="identity-error">
                  {errors.identity}
                </p>
              ) : null}
              <Checkbox label="The client’s name" checked={includeName} invalid={!!errors.identity} onChange={setIncludeName} />
              <Checkbox
                label="Their date of birth"
                checked={includeDateOfBirth}
                disabled={!client.dateOfBirth}
                hint={client.dateOfBirth ? undefined : 'No date of birth is recorded for this client.'}
                onChange={setIncludeDateOfBirth}
              />
            </fieldset>
          </>
        ) : null}
        {step === 1 ? (
          <div className="form-row">
            <DateField legend="From" hint="For example, 1 10 2026" value={from} error={errors.from} onChange={setFrom} />
            <DateField legend="To" hint="For example, 20 11 2026" value={to} error={errors.to} onChange={setTo} />
          </div>
        ) : null}
        {step === 2 && period ? (
          <>
            <p>
              Sessions from {periodLabel(period.from, period.to)}. The summary can go only to a recipient named in a consent that is valid today and
              covers the whole period.
            </p>
            {recipients.length > 0 ? (
              <RadioGroup
                legend="Who the summary goes to"
                name="recipient"
                value={recipient}
                error={errors.recipient}
                options={recipients.map(([key, to]) => ({ value: key, label: recipientLabel(to) }))}
                onChange={(value) => {
                  setRecipient(value);
                  setErrors({});
                }}
              />
            ) : (
              <div className="alert alert--info" role="status">
                <p>
                  <strong>No consent covers this period.</strong> Record the client’s written consent in their file, or choose a period a consent covers.
                </p>
                {errors.recipient ? <p className="visually-hidden">{errors.recipient}</p> : null}
              </div>
            )}
            {notUsable.length > 0 ? (
              <details className="not-usable">
                <summary>Consents that cannot be used for this period ({notUsable.length})</summary>
                <ul className="plain-list">
                  {notUsable.map((c) => (
                    <li key={c.id}>
                      {recipientLabel(c.recipient)}: {clientConsentProblem(consentFactsOf(c), { period, includeMissedAndCancelled: false, today: today ?? '' })?.message}.
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
          </>
        ) : null}
        {step === 3 ? (
          <>
            <RadioGroup
              legend="The consent this summary is sent on"
              name="consent"
              value={consentId}
              error={errors.consent}
              options={forRecipient.map((c) => ({
                value: c.id,
                label: `Signed ${formatDate(c.signedOn)}, expires ${formatDate(c.expiresOn)}`,
                hint: `${releaseScopeLabels[c.releases]}. Covers ${periodLabel(c.periodFrom, c.periodTo)}. Purpose: ${c.purpose}`,
              }))}
              onChange={(value) => {
                setConsentId(value);
                setErrors({});
              }}
            />
            <Checkbox
              label="Include the numbers of missed and cancelled sessions"
              checked={includeMissedAndCancelled && chosen?.releases === 'attendance-and-missed'}
              disabled={chosen?.releases !== 'attendance-and-missed'}
              hint={chosen?.releases === 'attendance-and-missed' ? 'The consent allows it.' : 'The consent allows attendance only.'}
              onChange={setIncludeMissedAndCancelled}
            />
            <RadioGroup<'include' | 'exclude'>
              legend="Joint sessions"
              name="joint"
              value={jointSessions}
              options={[
                { value: 'include', label: 'Include joint sessions', hint: 'Only if everyone who attended each joint session has consented to this recipient.' },
                { value: 'exclude', label: 'Individual sessions only', hint: 'The letter says that the count excludes joint work.' },
              ]}
              onChange={setJointSessions}
            />
          </>
        ) : null}
        {step === 4 && period && chosen ? (
          <AttendanceExportStep
            request={{
              clientId,
              periodFrom: period.from,
              periodTo: period.to,
              consentId: chosen.id,
              includeName,
              includeDateOfBirth,
              includeMissedAndCancelled,
              jointSessions,
            }}
            onIndividualOnly={() => setJointSessions('exclude')}
            onExported={() => setExported(true)}
          />
        ) : null}
        <div className="actions">
          {step < STEPS.length - 1 ? (
            <button type="submit" className="button button--primary" disabled={client === null}>
              Continue
            </button>
          ) : null}
          {step > 0 && !exported ? (
            <button
              type="button"
              className="button"
              onClick={() => {
                setErrors({});
                setStep(step - 1);
              }}
            >
              Back
            </button>
          ) : null}
        </div>
      </form>
    </main>
  );
}
