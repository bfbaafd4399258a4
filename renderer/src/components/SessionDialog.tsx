import { useId, useRef, useState, type FormEvent } from 'react';
import { call, type UiError } from '../api';
import type { CaseRecord, SessionRecord } from '../../../shared/records';
import { caseKindLabels, modalityLabels, personLabel, sessionStatusLabels } from '../format';
import { useToday } from '../stores/clock';
import { Alert } from './Alert';
import { DateField, datePartsOf, parseDateParts, type DateParts } from './DateField';
import { Dialog } from './Dialog';
import { Field } from './Field';
import { showErrorsAndFocus } from './forms';
import { RadioGroup } from './RadioGroup';
import { SelectField } from './SelectField';
import { TextAreaField } from './TextAreaField';
import { emptyTime, parseTimeParts, TimeField, type TimeParts } from './TimeField';

type Modality = SessionRecord['modality'];
type Status = SessionRecord['status'];

interface Values {
  /** null until the person types a date: the field then shows today's date from the core. */
  date: DateParts | null;
  time: TimeParts;
  duration: string;
  modality: Modality | null;
  status: Status;
  attendees: ReadonlySet<string>;
  reason: string;
}

type Errors = Partial<Record<'date' | 'time' | 'duration' | 'modality' | 'status' | 'attendees' | 'reason', string>>;

const modalityOptions = (Object.keys(modalityLabels) as Modality[]).map((value) => ({ value, label: modalityLabels[value] }));
const statusOptions = (Object.keys(sessionStatusLabels) as Status[]).map((value) => ({
  value,
  label: sessionStatusLabels[value],
}));

interface Props {
  caseRecord: CaseRecord;
  /** A session recorded wrongly: the dialog corrects it instead of recording a new one. */
  correcting?: SessionRecord;
  onClose(): void;
  onRecorded(session: SessionRecord): void;
}

function initialValues(caseRecord: CaseRecord, session: SessionRecord | undefined): Values {
  if (session) {
    const [hour = '', minute = ''] = session.startsAt.slice(11, 16).split(':');
    return {
      date: datePartsOf(session.startsAt.slice(0, 10)),
      time: { hour, minute },
      duration: String(session.durationMinutes),
      modality: session.modality,
      status: session.status,
      attendees: new Set(session.attendees.map((a) => a.id)),
      reason: '',
    };
  }
  return {
    // Null until the person types a date: the field then shows today's date from the core.
    date: null,
    time: emptyTime,
    duration: '50',
    modality: null,
    status: 'attended',
    // Nobody is ticked in couple and family work: a session recorded as joint by mistake would put one
    // partner's words in the other's file. With one participant there is nothing to choose.
    attendees: new Set(caseRecord.participants.length === 1 ? caseRecord.participants.map((p) => p.id) : []),
    reason: '',
  };
}

export function SessionDialog({ caseRecord, correcting, onClose, onRecorded }: Props) {
  const formRef = useRef<HTMLFormElement>(null);
  const attendeesId = useId();
  const today = useToday();
  const [values, setValues] = useState<Values>(() => initialValues(caseRecord, correcting));
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<UiError | null>(null);
  const [busy, setBusy] = useState(false);

  function toggle(clientId: string, on: boolean) {
    const attendees = new Set(values.attendees);
    if (on) attendees.add(clientId);
    else attendees.delete(clientId);
    setValues({ ...values, attendees });
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const found: Errors = {};
    const date = parseDateParts(values.date ?? datePartsOf(today), 'Date', { allowFuture: true, example: '23 11 2026' });
    if ('error' in date) found.date = date.error;
    else if (date.iso === null) found.date = 'Enter the date of the session';
    const time = parseTimeParts(values.time, 'Start time');
    if ('error' in time) found.time = time.error;
    const duration = Number(values.duration.trim());
    if (values.duration.trim() === '') found.duration = 'Enter how long the session lasted, in minutes';
    else if (!/^\d+$/.test(values.duration.trim())) found.duration = 'Duration must be a whole number of minutes, for example 50';
    if (values.modality === null) found.modality = 'Choose how the session took place';
    if (values.attendees.size === 0) {
      found.attendees = 'Choose who the session was with: tick at least one client';
    }
    const startsAt = 'iso' in date && date.iso !== null && 'time' in time ? `${date.iso}T${time.time}` : null;
    if (Object.keys(found).length > 0 || startsAt === null || values.modality === null) {
      showErrorsAndFocus(formRef.current, () => {
        setErrors(found);
        setFailure(null);
      });
      return;
    }
    setBusy(true);
    const session = {
      startsAt,
      durationMinutes: duration,
      modality: values.modality,
      status: values.status,
      // In the order the case lists its participants, whatever order they were ticked in.
      attendeeIds: caseRecord.participants.filter((p) => values.attendees.has(p.id)).map((p) => p.id),
    };
    const reason = values.reason.trim();
    const result = correcting
      ? await call('sessions.update', { sessionId: correcting.id, ...session, ...(reason ? { reason } : {}) })
      : await call('sessions.create', { caseId: caseRecord.id, ...session });
    setBusy(false);
    if (!result.ok) {
      const { fields } = result.error;
      const fieldErrors: Errors = {};
      if (fields.startsAt) fieldErrors.date = fields.startsAt;
      if (fields.durationMinutes) fieldErrors.duration = fields.durationMinutes;
      if (fields.attendeeIds) fieldErrors.attendees = fields.attendeeIds;
      if (fields.modality) fieldErrors.modality = fields.modality;
      if (fields.status) fieldErrors.status = fields.status;
      if (fields.reason) fieldErrors.reason = fields.reason;
      showErrorsAndFocus(formRef.current, () => {
        setErrors(fieldErrors);
        setFailure(Object.keys(fieldErrors).length > 0 ? null : result.error);
      });
      return;
    }
    onRecorded(result.value);
  }

  const groupInvalid = Boolean(errors.attendees);

  return (
    <Dialog
      title={correcting ? 'Correct a session' : 'Record a session'}
      onClose={onClose}
      wide
      description={
        <p>
          {caseKindLabels[caseRecord.kind]} case {caseRecord.reference}
          {correcting ? '. What the session was recorded as before is kept in its history.' : null}
        </p>
      }
    >
      {failure ? <Alert>{failure.message}</Alert> : null}
      <form ref={formRef} className="form" noValidate aria-busy={busy} onSubmit={(event) => void submit(event)}>
        <div className="form-row">
          <DateField
            legend="Date"
            hint="For example, 23 11 2026"
            value={values.date ?? datePartsOf(today)}
            error={errors.date}
            onChange={(date) => setValues({ ...values, date })}
          />
          <TimeField legend="Start time" value={values.time} error={errors.time} onChange={(time) => setValues({ ...values, time })} />
        </div>
        <div className="form-row">
          <Field
            label="Duration in minutes"
            className="field--short"
            inputMode="numeric"
            autoComplete="off"
            value={values.duration}
            error={errors.duration}
            onChange={(event) => setValues({ ...values, duration: event.target.value })}
          />
          <SelectField
            label="Attendance"
            value={values.status}
            options={statusOptions}
            error={errors.status}
            onChange={(status) => setValues({ ...values, status })}
          />
        </div>
        <RadioGroup
          legend="How the session took place"
          name="modality"
          inline
          value={values.modality}
          options={modalityOptions}
          error={errors.modality}
          onChange={(modality) => setValues({ ...values, modality })}
        />
        <fieldset
          className={groupInvalid ? 'field choice-group field--invalid' : 'field choice-group'}
          aria-describedby={groupInvalid ? `${attendeesId}-hint ${attendeesId}-error` : `${attendeesId}-hint`}
        >
          <legend>Who the session was with</legend>
          <p id={`${attendeesId}-hint`} className="field-hint">
            Tick each client in the session (or due to be, if it did not go ahead). The session and its notes
            appear in the file of each client ticked — and only theirs.
            {correcting ? ' Unticking a client takes the session and its notes out of their file.' : null}
          </p>
          {groupInvalid ? (
            <p id={`${attendeesId}-error`} className="field-error">
              {errors.attendees}
            </p>
          ) : null}
          {caseRecord.participants.map((participant, index) => (
            <div key={participant.id} className="checkbox">
              <input
                id={`${attendeesId}-${participant.id}`}
                type="checkbox"
                checked={values.attendees.has(participant.id)}
                aria-invalid={groupInvalid && index === 0 ? true : undefined}
                onChange={(event) => toggle(participant.id, event.target.checked)}
              />
              <label htmlFor={`${attendeesId}-${participant.id}`}>{personLabel(participant)}</label>
            </div>
          ))}
        </fieldset>
        {correcting ? (
          <TextAreaField
            label="Reason for the correction (optional)"
            hint="Kept with the session’s history. Only you, as the case’s therapist, can read it."
            rows={2}
            value={values.reason}
            error={errors.reason}
            onChange={(event) => setValues({ ...values, reason: event.target.value })}
          />
        ) : null}
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {correcting ? (busy ? 'Saving…' : 'Save correction') : busy ? 'Recording…' : 'Record session'}
          </button>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
