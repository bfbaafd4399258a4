import type { Locator, Page } from '@playwright/test';

/** The error message shown with a form field (the element the input's aria-describedby points at). */
export function fieldError(page: Page, field: Locator): Locator {
  return page.locator('.field', { has: field }).locator('.field-error');
}
