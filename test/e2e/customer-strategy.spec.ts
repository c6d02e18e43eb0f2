import { expect, test } from './test.ts';
import { EngagementsList } from './pages.ts';

test('the four elements of a segment’s customer strategy and its tactics are kept, edited and undone', async ({
	page
}) => {
	const list = new EngagementsList(page);
	await list.goto();
	await list.create('Strategy test');
	const areas = page.getByRole('navigation', { name: 'Engagement areas' });
	await areas.getByRole('link', { name: 'Segments' }).click();
	await page.getByRole('button', { name: 'Add a segment' }).click();
	await page.getByLabel('Name', { exact: true }).fill('SME owners');
	await page.getByLabel('Retention rate').fill('82');
	await areas.getByRole('link', { name: 'Customer strategy' }).click();

	const overview = page.getByRole('table', { name: 'Customer strategy by segment' });
	await expect(overview.getByRole('row').filter({ hasText: 'SME owners' })).toContainText('0 of 5');
	await expect(page.getByText(/retention 82%/)).toBeVisible();

	await page
		.getByLabel('What we know and what we still need to learn')
		.fill('Owners decide alone and fast.');
	const keep = page.getByLabel('Share of customers to keep each year');
	await keep.fill('150');
	await expect(page.getByText('The largest allowed value is 100.')).toBeVisible();
	await keep.fill('90');
	await page.getByLabel('Up-selling offers').fill('Cash management');
	await page.getByRole('radio', { name: /^Key-account managers/ }).check();
	await page.getByRole('checkbox', { name: /^Key-account diplomacy/ }).check();
	await expect(overview.getByRole('row').filter({ hasText: 'SME owners' })).toContainText('5 of 5');

	// Clearing a goal means "not decided", which is allowed; competition then has no goal.
	await keep.fill('');
	await expect(page.getByText('Enter a number.')).toHaveCount(0);
	await expect(overview.getByRole('row').filter({ hasText: 'SME owners' })).toContainText('4 of 5');
	await page.getByRole('button', { name: 'Undo', exact: true }).click();
	await expect(keep).toHaveValue('90');
	await expect(overview.getByRole('row').filter({ hasText: 'SME owners' })).toContainText('5 of 5');

	await page.getByRole('button', { name: 'Undo', exact: true }).click();
	await expect(page.getByRole('checkbox', { name: /^Key-account diplomacy/ })).not.toBeChecked();
	await expect(overview.getByRole('row').filter({ hasText: 'SME owners' })).toContainText('4 of 5');
	await expect(page.getByText('All changes saved')).toBeVisible();
	await page.reload();
	await expect(page.getByRole('radio', { name: /^Key-account managers/ })).toBeChecked();
	await expect(page.getByLabel('Share of customers to keep each year')).toHaveValue('90');
	await expect(page.getByLabel('Up-selling offers')).toHaveValue('Cash management');
});
