import { useEffect, useRef, useState, type FormEvent } from 'react';
import { call, type UiError } from '../api';
import type { ReleaseConsentRecord } from '../../../shared/release';
import type { ClientDetail } from '../../../shared/schemas';
import { Alert } from '../components/Alert';
import { AttendanceExportStep } from '../components/AttendanceExportStep';
import { Checkbox } from '../components/Checkbox';
import { DateField, emptyDate, parseDateParts, useDateDefaultingToToday, type DateParts } from '../components/DateField';
import { showErrorsAndFocus } from '../components/forms';
import { RadioGroup } from '../components/RadioGroup';
import { ScreenHeading } from '../components/ScreenHeading';
import { formatDate } from '../format';
import { consentStatusLabels, periodLabel, recipientLabel, releaseScopeLabels } from '../releaseFormat';
import { useToday } from '../stores/clock';
import { go } from '../stores/navigation';

const STEPS = ['Client', 'Period', 'Recipient', 'Consent', 'Preview and export'] as const;

/** Which step a field the core refused is chosen on, so the person can go back and change it. */
const stepOfField: Record<string, number> = {
  includeName: 0,
  includeDateOfBirth: 0,
  periodFrom: 1,
  periodTo: 1,
  consentId: 3,
  includeMissedAndCancelled: 3,
  jointSessions: 3,
};

interface Period {
  from: string;
  to: string;
}

type Errors = Partial<Record<'from' | 'to' | 'recipient' | 'consent', string>>;

const recipientKey = (consent: ReleaseConsentRecord) => JSON.stringify([consent.recipient.organisation, consent.recipient.person]);

/** "Signed 16 November 2026, expires 15 November 2027", and the core's status when it is not valid today. */
function consentLabel(consent: ReleaseConsentRecord): string {
  const dates = `Signed ${formatDate(consent.signedOn)}, ${consent.status === 'expired' ? 'expired' : 'expires'} ${formatDate(consent.expiresOn)}`;
  if (consent.status === 'withdrawn' && consent.withdrawnOn) return `${dates} (withdrawn ${formatDate(consent.withdrawnOn)})`;
  return consent.status === 'valid' ? dates : `${dates} (${consentStatusLabels[consent.status].toLowerCase()})`;
}

/** "1 consent, valid" or "2 consents: 1 valid, 1 expired", from the statuses the core gave. */
function consentsSummary(consents: readonly ReleaseConsentRecord[]): string {
  const counts = new Map<string, number>();
  for (const consent of consents) counts.set(consentStatusLabels[consent.status].toLowerCase(), (counts.get(consentStatusLabels[consent.status].toLowerCase()) ?? 0) + 1);
  if (consents.length === 1) return `1 consent, ${[...counts.keys()][0]}`;
  return `${consents.length} consents: ${[...counts].map(([label, n]) => `${n} ${label}`).join(', ')}`;
}

/**
 * The attendance summary wizard: client → period → recipient → the consent relied on → a preview of exactly
 * what will leave → the PDF letter and CSV in a folder the person chooses. The screen offers every consent
 * the client gave, with the status the core reports; the core alone decides what may be released, and its
 * preview and export say why not when a choice cannot be used.
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

  const byRecipient = new Map<string, ReleaseConsentRecord[]>();
  for (const consent of consents) byRecipient.set(recipientKey(consent), [...(byRecipient.get(recipientKey(consent)) ?? []), consent]);
  const forRecipient = recipient === null ? [] : (byRecipient.get(recipient) ?? []);
  const chosen = forRecipient.find((c) => c.id === consentId) ?? null;

  function fail(found: Errors) {
    showErrorsAndFocus(formRef.current, () => setErrors(found));
  }

  function next(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (step === 1) {
      // Only whether these are dates; whether a consent covers them is the core's answer, in the preview.
      const start = parseDateParts(from, 'The start of the period', { today, allowFuture: true, example: '1 10 2026' });
      const end = parseDateParts(to, 'The end of the period', { today, allowFuture: true, example: '20 11 2026' });
      const found: Errors = {};
      if ('error' in start) found.from = start.error;
      else if (start.iso === null) found.from = 'Enter the first day of the period';
      if ('error' in end) found.to = end.error;
      else if (end.iso === null) found.to = 'Enter the last day of the period';
      if (Object.keys(found).length > 0 || !('iso' in start) || !('iso' in end) || !start.iso || !end.iso) return fail(found);
      setPeriod({ from: start.iso, to: end.iso });
      const keys = [...byRecipient.keys()];
      const withValid = keys.filter((key) => byRecipient.get(key)!.some((c) => c.status === 'valid'));
      setRecipient((current) => (current !== null && keys.includes(current) ? current : keys.length === 1 ? keys[0]! : withValid.length === 1 ? withValid[0]! : null));
    } else if (step === 2) {
      if (recipient === null) return fail({ recipient: byRecipient.size === 0 ? 'No consent to release information is recorded for this client' : 'Choose who the summary goes to' });
      const options = byRecipient.get(recipient) ?? [];
      const valid = options.filter((c) => c.status === 'valid');
      setConsentId((current) => (options.some((c) => c.id === current) ? current : options.length === 1 ? options[0]!.id : valid.length === 1 ? valid[0]!.id : null));
    } else if (step === 3) {
      if (chosen === null) return fail({ consent: 'Choose the consent this summary is sent on' });
    }
    setErrors({});
    setStep(step + 1);
  }

  return (
    <main className="page page--wizard" aria-labelledby="attendance-heading">
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
            <fieldset className="choice-group field" aria-describedby="identity-hint">
              <legend>How the letter says who it is about</legend>
              <p className="field-hint" id="identity-hint">
                Include only what the recipient needs to know who the letter is about.
              </p>
              <Checkbox label="The client’s name" checked={includeName} onChange={setIncludeName} />
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
              Sessions from {periodLabel(period.from, period.to)}. The summary goes only to a recipient the client named in a written consent; the
              next step shows the consents they gave that recipient.
            </p>
            {byRecipient.size > 0 ? (
              <RadioGroup
                legend="Who the summary goes to"
                name="recipient"
                value={recipient}
                error={errors.recipient}
                options={[...byRecipient].map(([key, given]) => ({ value: key, label: recipientLabel(given[0]!.recipient), hint: consentsSummary(given) }))}
                onChange={(value) => {
                  setRecipient(value);
                  setErrors({});
                }}
              />
            ) : (
              <div className="alert alert--info" role="status">
                <p>
                  <strong>No consent to release information is recorded for this client.</strong> Record their written consent in their file first.
                </p>
                {errors.recipient ? <p className="visually-hidden">{errors.recipient}</p> : null}
              </div>
            )}
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
                label: consentLabel(c),
                hint: `${releaseScopeLabels[c.releases]}. Covers ${periodLabel(c.periodFrom, c.periodTo)}. Purpose: ${c.purpose}`,
              }))}
              onChange={(value) => {
                setConsentId(value);
                setErrors({});
              }}
            />
            <Checkbox
              label="Include the numbers of missed and cancelled sessions"
              checked={includeMissedAndCancelled}
              hint={chosen ? `The consent says: ${releaseScopeLabels[chosen.releases].toLowerCase()}.` : undefined}
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
            onChange={(field) => {
              setStep(stepOfField[field] ?? 3);
            }}
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
