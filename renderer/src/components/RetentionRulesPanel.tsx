import { useEffect, useRef, useState, type FormEvent } from 'react';
import { retentionRuleWords, type RetentionRules, type RuleExplanation } from '../../../shared/rules/retention';
import { retentionRules as rulesSchema, RULE_LIMITS, type RulesChange } from '../../../shared/retention';
import { call, type UiError } from '../api';
import { Alert } from './Alert';
import { Checkbox } from './Checkbox';
import { Field } from './Field';
import { showErrorsAndFocus } from './forms';

interface Draft {
  years: string;
  minorsEnabled: boolean;
  untilAge: string;
  referrerAtClosing: boolean;
  equalityEnabled: boolean;
  equalityMonths: string;
}

type Errors = Partial<Record<'years' | 'untilAge' | 'equalityMonths', string>>;

const toDraft = (rules: RetentionRules): Draft => ({
  years: String(rules.clientRecords.years),
  minorsEnabled: rules.minors.enabled,
  untilAge: String(rules.minors.untilAge),
  referrerAtClosing: rules.referrer.atCaseClosing,
  equalityEnabled: rules.fieldGroups.equalityMonitoring.enabled,
  equalityMonths: String(rules.fieldGroups.equalityMonitoring.months),
});

// A box left empty or holding anything but digits is "not a number", which the contract's schema words.
const whole = (text: string) => (/^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN);

const fromDraft = (draft: Draft): unknown => ({
  clientRecords: { years: whole(draft.years) },
  minors: { enabled: draft.minorsEnabled, untilAge: whole(draft.untilAge) },
  referrer: { atCaseClosing: draft.referrerAtClosing },
  fieldGroups: { equalityMonitoring: { enabled: draft.equalityEnabled, months: whole(draft.equalityMonths) } },
});

const FIELD_OF_PATH: Record<string, keyof Errors> = {
  'clientRecords.years': 'years',
  'minors.untilAge': 'untilAge',
  'fieldGroups.equalityMonitoring.months': 'equalityMonths',
};

function checked(draft: Draft): { rules: RetentionRules } | { errors: Errors } {
  const parsed = rulesSchema.safeParse(fromDraft(draft));
  if (parsed.success) return { rules: parsed.data };
  const errors: Errors = {};
  for (const issue of parsed.error.issues) {
    const field = FIELD_OF_PATH[issue.path.join('.')];
    if (field) errors[field] ??= issue.message;
  }
  return { errors };
}

function Words({ explanations, id }: { explanations: RuleExplanation[]; id: RuleExplanation['id'] }) {
  const words = explanations.find((e) => e.id === id)?.words;
  return words ? (
    <p className="retention-rule-words" data-rule={id}>
      {words}
    </p>
  ) : null;
}

function movedText(change: RulesChange): string {
  if (change.moved === 0) return 'This change moves no client’s due date.';
  const parts = [`This change moves ${change.moved} ${change.moved === 1 ? 'client’s due date' : 'clients’ due dates'}`];
  if (change.becomeDueNow > 0) parts.push(`${change.becomeDueNow} would become due for destruction now`);
  if (change.stopBeingDue > 0) parts.push(`${change.stopBeingDue} would no longer be due`);
  return `${parts.join('; ')}.`;
}

/**
 * The practice's retention rules in Settings, each with its plain-English explanation. A director changes them
 * in two steps: the core first says how many clients' due dates the change moves, then the director saves it.
 */
export function RetentionRulesPanel({ isDirector }: { isDirector: boolean }) {
  const formRef = useRef<HTMLFormElement>(null);
  const [saved, setSaved] = useState<{ rules: RetentionRules; explanations: RuleExplanation[] } | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<UiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [pending, setPending] = useState<{ rules: RetentionRules; change: RulesChange } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void call('retention.rules', {}).then((result) => {
      if (!live) return;
      if (result.ok) {
        setSaved(result.value);
        setDraft(toDraft(result.value.rules));
      } else setFailure(result.error);
    });
    return () => {
      live = false;
    };
  }, []);

  const edit = (change: Partial<Draft>) => {
    setDraft((current) => (current ? { ...current, ...change } : current));
    setPending(null);
    setNotice(null);
  };

  async function preview(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy || draft === null) return;
    const result = checked(draft);
    if ('errors' in result) {
      showErrorsAndFocus(formRef.current, () => {
        setErrors(result.errors);
        setFailure(null);
      });
      return;
    }
    setErrors({});
    setBusy(true);
    const change = await call('retention.previewRules', { rules: result.rules });
    setBusy(false);
    if (!change.ok) return setFailure(change.error);
    setFailure(null);
    setPending({ rules: result.rules, change: change.value });
  }

  async function save() {
    if (busy || pending === null) return;
    setBusy(true);
    const result = await call('retention.updateRules', { rules: pending.rules });
    setBusy(false);
    if (!result.ok) return setFailure(result.error);
    setSaved({ rules: result.value.rules, explanations: result.value.explanations });
    setDraft(toDraft(result.value.rules));
    setPending(null);
    const moved = result.value.change.moved;
    setNotice(`Retention rules saved. ${moved === 0 ? 'No client’s due date moved.' : `${moved} ${moved === 1 ? 'client’s due date' : 'clients’ due dates'} moved.`}`);
  }

  const proposed = draft ? checked(draft) : null;
  const explanations = proposed && 'rules' in proposed ? retentionRuleWords(proposed.rules) : (saved?.explanations ?? []);

  return (
    <section className="panel" aria-labelledby="retention-rules-heading">
      <h2 id="retention-rules-heading">Retention rules</h2>
      <p>How long the practice keeps client records before a director destroys them. Each rule is explained as it stands.</p>
      {failure ? <Alert>{failure.message}</Alert> : null}
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {saved === null || draft === null ? (
        failure ? null : <p className="muted">Loading…</p>
      ) : !isDirector ? (
        <>
          {saved.explanations.map((e) => (
            <p key={e.id} className="retention-rule-words" data-rule={e.id}>
              {e.words}
            </p>
          ))}
          <p className="muted">Only a practice director can change these rules.</p>
        </>
      ) : (
        <form ref={formRef} className="form" noValidate aria-busy={busy} onSubmit={(event) => void preview(event)}>
          <Field
            label="Years to keep records after the last case closes"
            hint={`From ${RULE_LIMITS.years.min} to ${RULE_LIMITS.years.max} years.`}
            inputMode="numeric"
            autoComplete="off"
            className="field--short"
            value={draft.years}
            error={errors.years}
            onChange={(event) => edit({ years: event.target.value })}
          />
          <Words explanations={explanations} id="client-records" />
          <Checkbox label="Keep clients who were under 18 until a later birthday" checked={draft.minorsEnabled} onChange={(on) => edit({ minorsEnabled: on })} />
          {draft.minorsEnabled ? (
            <Field
              label="Keep them until this birthday"
              hint={`From ${RULE_LIMITS.untilAge.min} to ${RULE_LIMITS.untilAge.max}.`}
              inputMode="numeric"
              autoComplete="off"
              className="field--short"
              value={draft.untilAge}
              error={errors.untilAge}
              onChange={(event) => edit({ untilAge: event.target.value })}
            />
          ) : null}
          <Words explanations={explanations} id="minors" />
          <Checkbox
            label="Remove a third-party referrer’s contact details when the last case closes"
            checked={draft.referrerAtClosing}
            onChange={(on) => edit({ referrerAtClosing: on })}
          />
          <Words explanations={explanations} id="referrer" />
          <Checkbox
            label="Remove equality-monitoring answers before the rest of the record"
            checked={draft.equalityEnabled}
            onChange={(on) => edit({ equalityEnabled: on })}
          />
          {draft.equalityEnabled ? (
            <Field
              label="Months after the end of service"
              hint={`From ${RULE_LIMITS.months.min} to ${RULE_LIMITS.months.max} months.`}
              inputMode="numeric"
              autoComplete="off"
              className="field--short"
              value={draft.equalityMonths}
              error={errors.equalityMonths}
              onChange={(event) => edit({ equalityMonths: event.target.value })}
            />
          ) : null}
          <Words explanations={explanations} id="equality-monitoring" />
          <h3>Always</h3>
          <Words explanations={explanations} id="joint-records" />
          <Words explanations={explanations} id="recordings" />
          <Words explanations={explanations} id="legal-holds" />
          {pending ? (
            <div className="retention-change" role="status" data-testid="retention-change">
              <p>
                <strong>{movedText(pending.change)}</strong> Nothing is destroyed until a director runs a purge.
              </p>
              <div className="actions">
                <button type="button" className="button button--primary" disabled={busy} onClick={() => void save()}>
                  {busy ? 'Saving…' : 'Save retention rules'}
                </button>
                <button type="button" className="button" disabled={busy} onClick={() => setPending(null)}>
                  Cancel
                </button>
              </div>
            </div>
          ) : (
            <div className="actions">
              <button type="submit" className="button button--primary" disabled={busy}>
                {busy ? 'Checking…' : 'Check the effect of these rules'}
              </button>
            </div>
          )}
        </form>
      )}
    </section>
  );
}
