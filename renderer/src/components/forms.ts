import { flushSync } from 'react-dom';

/** Applies error state synchronously, then moves focus to the first field marked invalid. */
export function showErrorsAndFocus(form: HTMLFormElement | null, apply: () => void): void {
  flushSync(apply);
  const invalid = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
  invalid?.focus();
}
