import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { passphrase as passphraseShape } from './schemas';

/**
 * The one rule for a new passphrase, used by the core (which enforces it) and the app (which previews it):
 * the contract's shape rules (length, and whatever else `schemas.passphrase` requires), then zxcvbn's
 * estimate of how many guesses it would take.
 *
 * Score 4 means zxcvbn estimates at least 10^10 guesses, its "strong protection from an offline slow-hash
 * attack" — exactly the attack on a stolen laptop's vault.keys (Argon2id is the slow hash). Score 3 still
 * lets through `iloveyou2024!!` or `password password`.
 */
export const PASSPHRASE_MIN_SCORE = 4;

export type StrengthChecker = ZxcvbnFactory;

export interface Strength {
  score: 0 | 1 | 2 | 3 | 4;
  label: string;
  strongEnough: boolean;
  warning: string | null;
  suggestions: string[];
}

const labels = ['Very weak', 'Weak', 'Fair', 'Almost strong enough', 'Strong'] as const;

let loading: Promise<StrengthChecker> | null = null;
let loaded: StrengthChecker | null = null;

/**
 * The dictionaries are several megabytes, so they load on first use (a passphrase form opening, or the
 * core checking a new passphrase), once per process.
 */
export function loadStrengthChecker(): Promise<StrengthChecker> {
  loading ??= Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common'), import('@zxcvbn-ts/language-en')]).then(
    ([core, common, en]) => {
      loaded = new core.ZxcvbnFactory({
        dictionary: { ...common.dictionary, ...en.dictionary },
        graphs: common.adjacencyGraphs,
        translations: en.translations,
      });
      return loaded;
    },
  );
  return loading;
}

/** The checker if it has finished loading, for checks that cannot wait (a form's submit). */
export function loadedStrengthChecker(): StrengthChecker | null {
  return loaded;
}

/**
 * Words a passphrase must not lean on: the practice's and the person's names, whole and word by word (zxcvbn
 * matches a user input only whole, so `Riverside2026!` would not count as built on "Riverside Counselling"),
 * and the product's name.
 */
export function passphraseUserInputs(names: { practiceName?: string | null | undefined; userName?: string | null | undefined }): string[] {
  const whole = [names.practiceName, names.userName].filter((name): name is string => typeof name === 'string' && name.trim() !== '');
  const words = whole.flatMap((name) => name.split(/[^\p{L}\p{N}]+/u)).filter((word) => word.length >= 3);
  return [...new Set([...whole, ...words, 'confide'])];
}

export function measurePassphrase(checker: StrengthChecker, value: string, userInputs: readonly string[]): Strength {
  const result = checker.check(value.normalize('NFC'), [...userInputs]);
  return {
    score: result.score,
    label: labels[result.score],
    strongEnough: result.score >= PASSPHRASE_MIN_SCORE,
    warning: result.feedback.warning,
    suggestions: result.feedback.suggestions,
  };
}

const WHAT_TO_DO = 'Add one or two more words that are unrelated to each other and to your name or practice.';

/** Why a new passphrase is refused, in words that say what to do; null when it may be used. */
export function newPassphraseProblem(checker: StrengthChecker, value: string, userInputs: readonly string[]): string | null {
  const shape = passphraseShape.safeParse(value);
  if (!shape.success) return shape.error.issues[0]?.message ?? 'Passphrase is not valid';
  const strength = measurePassphrase(checker, value, userInputs);
  if (strength.strongEnough) return null;
  return strength.warning
    ? `Passphrase is too easy to guess: ${strength.warning} ${WHAT_TO_DO}`
    : `Passphrase is too easy to guess. ${WHAT_TO_DO}`;
}
