import { useDeferredValue, useEffect, useId, useState } from 'react';
import { PASSPHRASE_MIN_LENGTH, passphrase as passphraseShape } from '../../../shared/schemas';
import {
  loadedStrengthChecker,
  loadStrengthChecker,
  measurePassphrase,
  newPassphraseProblem,
  type StrengthChecker,
} from '../../../shared/passphrase-strength';
import { Field } from './Field';

export interface PassphraseValues {
  passphrase: string;
  confirm: string;
}

export type PassphraseErrors = Partial<Record<keyof PassphraseValues, string>>;

/**
 * The core's rule for a new passphrase (shared/passphrase-strength.ts), checked here first so the person
 * hears at once; until the dictionaries have loaded only the shape is checked, and the core still checks all.
 */
export function checkPassphrase(values: PassphraseValues, userInputs: string[]): PassphraseErrors {
  const errors: PassphraseErrors = {};
  const checker = loadedStrengthChecker();
  const problem = checker
    ? newPassphraseProblem(checker, values.passphrase, userInputs)
    : (passphraseShape.safeParse(values.passphrase).error?.issues[0]?.message ?? null);
  if (problem !== null) errors.passphrase = problem;
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
  /** Words the passphrase must not lean on: passphraseUserInputs() of the practice and the person. */
  userInputs: string[];
  label?: string;
}

export function PassphraseFields({ values, errors, onChange, userInputs, label = 'Passphrase' }: Props) {
  const [checker, setChecker] = useState<StrengthChecker | null>(loadedStrengthChecker);
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

  const strength = checker && deferred !== '' ? measurePassphrase(checker, deferred, userInputs) : null;
  const short = charactersShort(values.passphrase);

  return (
    <>
      <Field
        label={label}
        type="password"
        autoComplete="new-password"
        hint={`At least ${PASSPHRASE_MIN_LENGTH} characters and hard to guess. A few unrelated words make a passphrase that is strong and easy to remember.`}
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
                    {short > 0
                      ? ` — ${short} more ${short === 1 ? 'character' : 'characters'} needed`
                      : strength && !strength.strongEnough
                        ? ' — not strong enough yet: add another unrelated word'
                        : null}
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
