import { expect, test } from './test.ts';
import { EngagementsList } from './pages.ts';

test('the change plan keeps today, target and initiatives per support, with their priority', async ({
	page
}) => {
	const list = new EngagementsList(page);
	await list.goto();
	await list.create('Change test');
	await page
		.getByRole('navigation', { name: 'Engagement areas' })
		.getByRole('link', { name: 'Change plan' })
		.click();
	const processes = page.getByRole('region', { name: 'Business processes' });
	await processes
		.getByLabel('Today')
		.fill('Credit files travel on paper between three departments.');
	await processes.getByLabel('Target').fill('One digital credit file, decided within five days.');
	await processes.getByRole('button', { name: 'Add an initiative' }).click();
	await processes
		.getByLabel('Initiative 1', { exact: true })
		.fill('Scorecard pre-check for SME loans');
	await processes.getByLabel('Owner of initiative 1').fill('Head of SME credit');
	await processes.getByLabel('Impact of initiative 1').selectOption('high');
	await processes.getByLabel('Effort of initiative 1').selectOption('low');
	await expect(processes.getByRole('row').filter({ hasText: 'Quick win' })).toBeVisible();
	await processes.getByLabel('Status of initiative 1').selectOption('done');
	const summary = page
		.getByRole('table', { name: 'Initiatives by support' })
		.getByRole('row', { name: /Business processes/ });
	await expect(summary).toHaveText(/Business processes\s*1\s*1\s*0/);
	await expect(page.getByText('All changes saved')).toBeVisible();
	await page.reload();
	await expect(
		page
			.getByRole('region', { name: 'Business processes' })
			.getByLabel('Initiative 1', { exact: true })
	).toHaveValue('Scorecard pre-check for SME loans');
	await expect(
		page.getByRole('region', { name: 'Business processes' }).getByLabel('Target')
	).toHaveValue('One digital credit file, decided within five days.');
	await page.getByRole('button', { name: 'Remove initiative 1' }).click();
	await expect(page.getByText('No initiatives yet.').first()).toBeVisible();
	await page.getByRole('button', { name: 'Undo', exact: true }).click();
	await expect(
		page
			.getByRole('region', { name: 'Business processes' })
			.getByLabel('Initiative 1', { exact: true })
	).toBeVisible();
});

test('7-S alignment and Porter conditions are rated and summarised', async ({ page }) => {
	const list = new EngagementsList(page);
	await list.goto();
	await list.create('7-S test');
	await page
		.getByRole('navigation', { name: 'Engagement areas' })
		.getByRole('link', { name: '7-S and Porter' })
		.click();
	await page
		.getByRole('group', { name: /^Strategy/ })
		.getByLabel('Alignment with the strategy')
		.selectOption('4');
	await page
		.getByRole('group', { name: /^Skills/ })
		.getByLabel('Alignment with the strategy')
		.selectOption('2');
	await page
		.getByRole('group', { name: /^Structure/ })
		.getByLabel('Alignment with the strategy')
		.selectOption('3');
	// Hard: (4 + 3) / 2 = 3.5; soft: skills 2.
	await expect(
		page.getByText('Average alignment: hard elements 3.5, soft elements 2 (out of 5).')
	).toBeVisible();
	await expect(page.getByText('Weakest: Skills.')).toBeVisible();
	await page.getByLabel('How favourable: Weak rivals').selectOption('2');
	await page.getByLabel('How favourable: High barriers to entry').selectOption('4');
	await page
		.getByLabel('Notes: Weak rivals')
		.fill('Three national banks open branches in the region.');
	await expect(page.getByText('Average: 3 out of 5 (2 of 5 conditions rated).')).toBeVisible();
	await expect(page.getByText('Least favourable: Weak rivals.')).toBeVisible();
	await expect(page.getByText('All changes saved')).toBeVisible();
	await page.reload();
	await expect(page.getByLabel('Notes: Weak rivals')).toHaveValue(
		'Three national banks open branches in the region.'
	);
	await expect(page.getByLabel('How favourable: High barriers to entry')).toHaveValue('4');
});
