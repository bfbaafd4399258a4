import type { Locator } from '@playwright/test';

/** The error message shown with a form field: inputs sit directly in their `.field` wrapper. */
export function fieldError(field: Locator): Locator {
  return field.locator('xpath=ancestor::*[contains(concat(" ", @class, " "), " field ")][1]').locator('.field-error');
}
