import { useRef, useState, type FormEvent } from 'react';
import { call, type UiError } from '../api';
import type { CoverableCase, RecordingConsentRecord } from '../../../shared/recordings';
import { consentDatesProblem, otherUseProblem, RECORDING_USES, type RecordingUse } from '../../../shared/rules/recordings';
import { caseKindLabels, formatSessionStart } from '../format';
import { recordingUseLabels } from '../recordingLabels';
import { useToday } from '../stores/clock';
import { Alert } from './Alert';
import { CheckboxGroup } from './CheckboxGroup';
import { ChosenFile } from './ChosenFile';
import { DateField, datePartsOf, emptyDate, parseDateParts, type DateParts } from './DateField';
import { Dialog } from './Dialog';
import { Field } from './Field';
import { showErrorsAndFocus } from './forms';
import { RadioGroup } from './RadioGroup';
import { SelectField } from './SelectField';
import { TextAreaField } from './TextAreaField';

type FieldName =
  | 'caseId'
  | 'scope'
  | 'sessionIds'
  | 'uses'
  | 'otherUse'
  | 'viewers'
  | 'storage'
  | 'destructionMethod'
  | 'destroyBy'
  | 'signedOn'
  | 'expiresOn'
  | 'scanPath';
type Errors = Partial<Record<FieldName, string>>;

interface Values {
  caseId: string;
  scope: 'case' | 'sessions' | null;
  sessionIds: ReadonlySet<string>;
  uses: ReadonlySet<RecordingUse>;
  otherUse: string;
  viewers: string;
  storage: string;
  destructionMethod: string;
  destroyBy: DateParts;
  signedOn: DateParts | null;
  expiresOn: DateParts;
  scanPath: string | null;
}

const FIELDS: readonly FieldName[] = ['caseId', 'sessionIds', 'uses', 'otherUse', 'viewers', 'storage', 'destructionMethod', 'destroyBy', 'signedOn', 'expiresOn', 'scanPath'];
const useOptions = RECORDING_USES.map((use) => ({ value: use, label: recordingUseLabels[use] }));

interface Props {
  clientId: string;
  clientName: string;
  coverable: readonly CoverableCase[];
  onClose(): void;
  onRecorded(consent: RecordingConsentRecord): void;
}

/** The client's written consent to recording (DESIGN.md §1.4), as signed: one client, every use, how it ends. */
export function RecordingConsentDialog({ clientId, clientName, coverable, onClose, onRecorded }: Props) {
  const formRef = useRef<HTMLFormElement>(null);
  const today = useToday();
  const [values, setValues] = useState<Values>({
    caseId: coverable[0]?.caseId ?? '',
    scope: null,
    sessionIds: new Set(),
    uses: new Set(),
    otherUse: '',
    viewers: '',
    storage: 'In this Confide vault, encrypted, on the practice computer',
    destructionMethod: 'Its encryption key is destroyed and the encrypted file deleted',
    destroyBy: emptyDate,
    signedOn: null,
    expiresOn: emptyDate,
    scanPath: null,
  });
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<UiError | null>(null);
  const [busy, setBusy] = useState(false);
  const kase = coverable.find((c) => c.caseId === values.caseId) ?? coverable[0];
  const update = (change: Partial<Values>) => setValues({ ...values, ...change });

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy || !kase) return;
    const found: Errors = {};
    const signed = parseDateParts(values.signedOn ?? datePartsOf(today), 'Date signed', { today, example: '1 11 2026' });
    const destroy = parseDateParts(values.destroyBy, 'Destruction date', { allowFuture: true, example: '1 11 2027' });
    const expires = parseDateParts(values.expiresOn, 'Expiry date', { allowFuture: true, example: '1 11 2027' });
    if ('error' in signed) found.signedOn = signed.error;
    else if (signed.iso === null) found.signedOn = 'Enter the date the client signed the consent';
    if ('error' in destroy) found.destroyBy = destroy.error;
    else if (destroy.iso === null) found.destroyBy = 'Enter the date by which the recordings will be destroyed';
    if ('error' in expires) found.expiresOn = expires.error;
    if (values.scope === null) found.scope = 'Choose what the consent covers';
    if (values.scope === 'sessions' && values.sessionIds.size === 0) found.sessionIds = 'Tick each session the consent covers';
    const uses = RECORDING_USES.filter((use) => values.uses.has(use));
    if (uses.length === 0) found.uses = 'Tick each use the client permits';
    const other = otherUseProblem(uses, values.otherUse);
    if (other) found.otherUse = other;
    if (values.viewers.trim() === '') found.viewers = 'Say who may view the recording';
    if (values.storage.trim() === '') found.storage = 'Say where the recording is kept';
    if (values.destructionMethod.trim() === '') found.destructionMethod = 'Say how the recording will be destroyed';
    const dates =
      'iso' in signed && signed.iso && 'iso' in destroy && destroy.iso && 'iso' in expires && today
        ? consentDatesProblem({ signedOn: signed.iso, destroyBy: destroy.iso, expiresOn: expires.iso }, today)
        : null;
    if (dates) found[dates.field] ??= dates.message;
    if (Object.keys(found).length > 0 || !('iso' in signed) || !signed.iso || !('iso' in destroy) || !destroy.iso || !('iso' in expires)) {
      showErrorsAndFocus(formRef.current, () => {
        setErrors(found);
        setFailure(null);
      });
      return;
    }
    setBusy(true);
    const result = await call('recordingConsents.create', {
      clientId,
      caseId: kase.caseId,
      ...(values.scope === 'sessions' ? { sessionIds: kase.sessions.filter((s) => values.sessionIds.has(s.id)).map((s) => s.id) } : {}),
      uses,
      ...(uses.includes('other') ? { otherUse: values.otherUse.trim() } : {}),
      viewers: values.viewers,
      storage: values.storage,
      destructionMethod: values.destructionMethod,
      destroyBy: destroy.iso,
      signedOn: signed.iso,
      ...(expires.iso ? { expiresOn: expires.iso } : {}),
      ...(values.scanPath ? { scanPath: values.scanPath } : {}),
    });
    setBusy(false);
    if (!result.ok) {
      const fieldErrors: Errors = {};
      for (const name of FIELDS) if (result.error.fields[name]) fieldErrors[name] = result.error.fields[name];
      showErrorsAndFocus(formRef.current, () => {
        setErrors(fieldErrors);
        setFailure(Object.keys(fieldErrors).length > 0 ? null : result.error);
      });
      return;
    }
    onRecorded(result.value);
  }

  if (!kase) return null;
  return (
    <Dialog
      title="Record a consent to recording"
      onClose={onClose}
      wide
      description={
        <p>
          {clientName}’s own written consent, as signed. In joint work each client consents separately: a session is
          recorded only when everyone at it has consented.
        </p>
      }
    >
      {failure ? <Alert>{failure.message}</Alert> : null}
      <form ref={formRef} className="form" noValidate aria-busy={busy} onSubmit={(event) => void submit(event)}>
        {coverable.length > 1 ? (
          <SelectField
            label="Case"
            value={values.caseId}
            error={errors.caseId}
            options={coverable.map((c) => ({ value: c.caseId, label: `${caseKindLabels[c.kind]} case ${c.reference}` }))}
            onChange={(caseId) => update({ caseId, sessionIds: new Set() })}
          />
        ) : (
          <p className="form-fact">
            <strong>Case:</strong> {caseKindLabels[kase.kind]} case {kase.reference}
          </p>
        )}
        <RadioGroup
          legend="What the consent covers"
          name="scope"
          value={values.scope}
          error={errors.scope}
          options={[
            { value: 'case', label: `Every session of case ${kase.reference}`, hint: 'Later sessions of the case included' },
            { value: 'sessions', label: 'Only the sessions ticked below', hint: kase.sessions.length === 0 ? 'No sessions with this client yet' : undefined },
          ]}
          onChange={(scope) => update({ scope })}
        />
        {values.scope === 'sessions' ? (
          <CheckboxGroup
            legend="Sessions covered"
            options={kase.sessions.map((s) => ({ value: s.id, label: formatSessionStart(s.startsAt) }))}
            checked={values.sessionIds}
            error={errors.sessionIds}
            onChange={(sessionIds) => update({ sessionIds })}
          />
        ) : null}
        <CheckboxGroup
          legend="Uses the client permits"
          hint="Tick every use the signed form lists. A recording can be used only as every client at it permitted."
          options={useOptions}
          checked={values.uses}
          error={errors.uses}
          onChange={(uses) => update({ uses })}
        />
        {values.uses.has('other') ? (
          <Field label="The other use" value={values.otherUse} error={errors.otherUse} autoComplete="off" onChange={(event) => update({ otherUse: event.target.value })} />
        ) : null}
        <TextAreaField
          label="Who may view the recording"
          hint="As the form says, for example: the therapist and their clinical supervisor."
          rows={2}
          value={values.viewers}
          error={errors.viewers}
          onChange={(event) => update({ viewers: event.target.value })}
        />
        <TextAreaField label="Where the recording is kept" rows={2} value={values.storage} error={errors.storage} onChange={(event) => update({ storage: event.target.value })} />
        <TextAreaField
          label="How the recording will be destroyed"
          rows={2}
          value={values.destructionMethod}
          error={errors.destructionMethod}
          onChange={(event) => update({ destructionMethod: event.target.value })}
        />
        <div className="form-row">
          <DateField legend="Date signed" hint="For example, 1 11 2026" value={values.signedOn ?? datePartsOf(today)} error={errors.signedOn} onChange={(signedOn) => update({ signedOn })} />
          <DateField
            legend="Destruction date"
            hint="The date by which recordings are destroyed"
            value={values.destroyBy}
            error={errors.destroyBy}
            onChange={(destroyBy) => update({ destroyBy })}
          />
          <DateField legend="Expiry date (optional)" hint="Leave empty if it does not expire" value={values.expiresOn} error={errors.expiresOn} onChange={(expiresOn) => update({ expiresOn })} />
        </div>
        <ChosenFile
          label="Scan of the signed form"
          purpose="scan"
          optional
          path={values.scanPath}
          hint="Optional: a PDF, PNG or JPEG. It is kept encrypted in the vault."
          error={errors.scanPath}
          onChange={(scanPath) => update({ scanPath })}
        />
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
