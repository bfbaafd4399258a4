import { useDeferredValue, useEffect, useId, useState } from 'react';
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { PASSPHRASE_MIN_LENGTH, passphrase as passphraseRule } from '../../../shared/schemas';
import { loadStrengthChecker, measure } from '../strength';
import { Field } from './Field';

export interface PassphraseValues {
  passphrase: string;
  confirm: string;
}

export type PassphraseErrors = Partial<Record<keyof PassphraseValues, string>>;

/** The shared rule (NFC-normalised length), checked here before the main process checks it again. */
export function checkPassphrase(values: PassphraseValues): PassphraseErrors {
  const errors: PassphraseErrors = {};
  const rule = passphraseRule.safeParse(values.passphrase);
  if (!rule.success) errors.passphrase = rule.error.issues[0]?.message ?? 'Passphrase is not valid';
  if (values.confirm !== values.passphrase) errors.confirm = 'The passphrases do not match';
  return errors;
}

function charactersShort(value: string): number {
  return Math.max(0, PASSPHRASE_MIN_LENGTH - [...value.normalize('NFC')].length);
}

interface Props {
  values: PassphraseValues;
  errors: PassphraseErrors;
  onChange(values: PassphraseValues): void;
  /** Words the passphrase should not lean on (practice name, the person's name). */
  userInputs: string[];
  label?: string;
}

export function PassphraseFields({ values, errors, onChange, userInputs, label = 'Passphrase' }: Props) {
  const [checker, setChecker] = useState<ZxcvbnFactory | null>(null);
  const deferred = useDeferredValue(values.passphrase);
  const feedbackId = useId();

  useEffect(() => {
    let live = true;
    void loadStrengthChecker().then((loaded) => {
      if (live) setChecker(() => loaded);
    });
    return () => {
      live = false;
    };
  }, []);

  const strength = checker && deferred !== '' ? measure(checker, deferred, userInputs) : null;
  const short = charactersShort(values.passphrase);

  return (
    <>
      <Field
        label={label}
        type="password"
        autoComplete="new-password"
        hint={`At least ${PASSPHRASE_MIN_LENGTH} characters. A few unrelated words make a passphrase that is strong and easy to remember.`}
        error={errors.passphrase}
        value={values.passphrase}
        onChange={(event) => onChange({ ...values, passphrase: event.target.value })}
        aria-controls={feedbackId}
        required
        after={
          <div className="strength" id={feedbackId} data-testid="strength">
            <div className="strength-bar" aria-hidden="true" data-score={strength?.score ?? -1}>
              {[0, 1, 2, 3].map((segment) => (
                <span
                  key={segment}
                  className={strength !== null && strength.score > segment ? 'strength-segment is-on' : 'strength-segment'}
                />
              ))}
            </div>
            <div aria-live="polite" className="strength-text">
              {values.passphrase === '' ? (
                <p>Strength will show here as you type.</p>
              ) : (
                <>
                  <p>
                    <strong>Strength: {strength?.label ?? 'checking…'}</strong>
                    {short > 0 ? ` — ${short} more ${short === 1 ? 'character' : 'characters'} needed` : null}
                  </p>
                  {strength && (strength.warning || strength.suggestions.length > 0) ? (
                    <ul className="strength-suggestions">
                      {strength.warning ? <li>{strength.warning}</li> : null}
                      {strength.suggestions.map((suggestion) => (
                        <li key={suggestion}>{suggestion}</li>
                      ))}
                    </ul>
                  ) : null}
                </>
              )}
            </div>
          </div>
        }
      />
      <Field
        label={`Confirm ${label.toLowerCase()}`}
        type="password"
        autoComplete="new-password"
        error={errors.confirm}
        value={values.confirm}
        onChange={(event) => onChange({ ...values, confirm: event.target.value })}
        required
      />
    </>
  );
}
