import { ClientFilePage } from './pages/ClientFilePage';
import { ClientsPage } from './pages/ClientsPage';
import { fieldError } from './pages/fieldError';
import { expect, test } from './fixtures';

test.describe('clients', () => {
  test('adds a client (with a field error for a bad email), finds them by search and opens their file', async ({
    page,
    vault,
    openApp,
    saveScreenshot,
    checkAccessibility,
  }) => {
    await vault.create();
    await vault.call('clients.create', { name: 'Priya Raman', dateOfBirth: '1979-02-03' });
    await openApp();
    const clients = new ClientsPage(page);
    await clients.expectShown();
    await expect(clients.resultCount).toHaveText('1 client');

    await clients.addButton.click();
    const dialog = clients.addDialog;
    await expect(dialog.dialog).toBeVisible();
    await expect(dialog.name).toBeFocused();
    // Checked in the form with the contract's own schema: the words are the core's, written once in shared/.
    await dialog.submit.click();
    await expect(fieldError(dialog.name)).toHaveText('Name is required');
    await expect(dialog.name).toBeFocused();
    await dialog.fill({
      name: 'Jordan Ellis',
      preferredName: 'Jo',
      dateOfBirth: ['12', '4', '1986'],
      phone: '07700 900123',
      email: 'jordan.ellis@example',
    });
    // A date that does not exist is caught by the date boxes; the email by the contract's schema.
    await dialog.day.fill('31');
    await dialog.month.fill('2');
    await dialog.submit.click();
    await expect(fieldError(dialog.day)).toHaveText('Date of birth must be a real date, for example 27 3 1985');
    await expect(dialog.day).toBeFocused();
    await dialog.day.fill('12');
    await dialog.month.fill('4');
    await dialog.submit.click();
    await expect(fieldError(dialog.day)).toHaveCount(0);
    await expect(fieldError(dialog.email)).toHaveText('Email address is not valid: it should look like name@example.org');
    await expect(dialog.email).toHaveAttribute('aria-invalid', 'true');
    await expect(dialog.email).toBeFocused();
    await checkAccessibility('add client dialog');
    await saveScreenshot('10-add-client-bad-email');

    await dialog.email.fill('jordan.ellis@example.org');
    await dialog.email.press('Enter');
    await expect(dialog.dialog).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: 'Added Jordan Ellis (reference C-0002).' })).toBeVisible();
    await expect(clients.resultCount).toHaveText('2 clients');
    await expect(clients.addButton).toBeFocused();

    // Escape closes the dialog without adding anyone, and focus goes back to the button that opened it.
    await clients.addButton.click();
    await expect(dialog.dialog).toBeVisible();
    await dialog.name.fill('Nobody');
    await page.keyboard.press('Escape');
    await expect(dialog.dialog).toBeHidden();
    await expect(clients.addButton).toBeFocused();
    await expect(clients.resultCount).toHaveText('2 clients');

    await checkAccessibility('clients');
    await saveScreenshot('11-clients');

    await clients.searchFor('ellis');
    await expect(clients.resultCount).toHaveText('1 client match “ellis”');
    await expect(clients.rows).toHaveCount(1);
    await expect(clients.row('Jordan Ellis')).toContainText('(Jo)');
    await expect(clients.row('Jordan Ellis')).toContainText('C-0002');
    await expect(clients.row('Jordan Ellis')).toContainText('Born 12 April 1986');

    await clients.searchFor('C-0001');
    await expect(clients.rows).toHaveCount(1);
    await expect(clients.row('Priya Raman')).toBeVisible();

    await clients.searchFor('zzz');
    await expect(clients.resultCount).toHaveText('No clients match “zzz”.');
    await expect(clients.rows).toHaveCount(0);

    await clients.searchFor('');
    await clients.statusFilter.selectOption('closed');
    await expect(clients.resultCount).toHaveText('No clients yet.');
    await clients.statusFilter.selectOption('all');
    await expect(clients.rows).toHaveCount(2);

    await clients.searchFor('Jordan');
    await expect(clients.rows).toHaveCount(1);
    await clients.open('Jordan Ellis');
    const file = new ClientFilePage(page);
    await file.expectShown('Jordan Ellis');
    await expect(file.detail('Reference')).toHaveText('C-0002');
    await expect(file.detail('Preferred name')).toHaveText('Jo');
    await expect(file.detail('Date of birth')).toHaveText('12 April 1986');
    await expect(file.detail('Phone')).toHaveText('07700 900123');
    await expect(file.detail('Email')).toHaveText('jordan.ellis@example.org');
    await expect(file.notes).toContainText('No notes yet.');
    await checkAccessibility('client file');
    await saveScreenshot('12-client-file');

    // Back to the list keeps the search the person had.
    await file.backToClients.click();
    await clients.expectShown();
    await expect(clients.search).toHaveValue('Jordan');
  });

  test('a list of 10,000 clients renders only the rows on screen and scrolls to the end', async ({
    page,
    vault,
    openApp,
    saveScreenshot,
  }) => {
    test.slow();
    await vault.create();
    for (let n = 1; n <= 10_000; n += 1) {
      await vault.call('clients.create', { name: `Client ${String(n).padStart(5, '0')}`, dateOfBirth: '1990-01-01' });
    }
    await openApp();
    const clients = new ClientsPage(page);
    // Speed is measured in the benchmarks; here a busy machine may take longer than usual to list 10,000.
    await clients.expectShown({ timeout: 60_000 });
    await expect(clients.resultCount).toHaveText('10,000 clients', { timeout: 60_000 });
    await expect(clients.row('Client 00001')).toBeVisible();
    expect(await clients.rows.count()).toBeLessThan(60);
    await expect(clients.rows.first()).toHaveAttribute('aria-setsize', '10000');
    await saveScreenshot('13-clients-10000');

    // Scroll to the very end: the last client is rendered and the DOM stays small.
    const scroller = page.getByTestId('client-list');
    await scroller.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
    await expect(clients.row('Client 10000')).toBeVisible();
    await expect(clients.row('Client 10000')).toHaveAttribute('aria-posinset', '10000');
    expect(await clients.rows.count()).toBeLessThan(60);

    // Keyboard: a row is a button that opens the client file with Enter.
    await clients.row('Client 10000').getByRole('button').focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Client 10000' })).toBeFocused();

    await page.getByRole('button', { name: 'All clients' }).click();
    await clients.searchFor('Client 0999');
    await expect(clients.resultCount).toHaveText('10 clients match “Client 0999”');
  });
});
