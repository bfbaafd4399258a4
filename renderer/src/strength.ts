import type { ZxcvbnFactory } from '@zxcvbn-ts/core';

export interface Strength {
  score: 0 | 1 | 2 | 3 | 4;
  label: string;
  warning: string | null;
  suggestions: string[];
}

const labels = ['Very weak', 'Weak', 'Fair', 'Strong', 'Very strong'] as const;

let factory: Promise<ZxcvbnFactory> | null = null;

/** The dictionaries are large, so they load only when a passphrase form opens. */
export function loadStrengthChecker(): Promise<ZxcvbnFactory> {
  factory ??= Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-en'),
  ]).then(
    ([core, common, en]) =>
      new core.ZxcvbnFactory({
        dictionary: { ...common.dictionary, ...en.dictionary },
        graphs: common.adjacencyGraphs,
        translations: en.translations,
      }),
  );
  return factory;
}

export function measure(checker: ZxcvbnFactory, passphrase: string, userInputs: string[]): Strength {
  const result = checker.check(passphrase, userInputs.filter((input) => input.trim() !== ''));
  return {
    score: result.score,
    label: labels[result.score],
    warning: result.feedback.warning,
    suggestions: result.feedback.suggestions,
  };
}
