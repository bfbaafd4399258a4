import type { Locator } from '@playwright/test';

/** Types a date into a day / month / year field group. */
export async function fillDate(group: Locator, [day, month, year]: readonly [string, string, string]): Promise<void> {
  await group.getByRole('textbox', { name: 'Day' }).fill(day);
  await group.getByRole('textbox', { name: 'Month' }).fill(month);
  await group.getByRole('textbox', { name: 'Year' }).fill(year);
}
