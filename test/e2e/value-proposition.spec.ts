import { expect, test } from './test.ts';
import { EngagementsList } from './pages.ts';

test('a value proposition shows its fit gaps until every pain has a reliever', async ({ page }) => {
	const list = new EngagementsList(page);
	await list.goto();
	await list.create('Value test');
	const areas = page.getByRole('navigation', { name: 'Engagement areas' });
	await areas.getByRole('link', { name: 'Value proposition' }).click();
	await expect(page.getByText('this engagement has no segments yet')).toBeVisible();
	await page.getByRole('link', { name: 'Add segments first.' }).click();
	await page.getByRole('button', { name: 'Add a segment' }).click();
	await page.getByLabel('Name', { exact: true }).fill('SME owners');
	await areas.getByRole('link', { name: 'Value proposition' }).click();

	await page.getByRole('radio', { name: /^Focus/ }).check();
	await page.getByLabel('Brand promise').fill('Decisions made here, quickly.');
	await page.getByRole('button', { name: 'Add to Pains' }).click();
	await page.getByLabel('Pain 1', { exact: true }).fill('Loan decisions take weeks');
	await page.getByRole('button', { name: 'Add to Gains' }).click();
	await page.getByLabel('Gain 1', { exact: true }).fill('A named contact');
	const fit = page.locator('.fit');
	await expect(fit).toContainText(
		'Fit for SME owners: 0% of its pains and gains are addressed (pains: 1, gains: 1).'
	);
	await expect(fit).toContainText('No reliever for the pain “Loan decisions take weeks”.');
	await expect(fit).toContainText('No creator for the gain “A named contact”.');

	await page.getByRole('button', { name: 'Add to Pain relievers' }).click();
	await page.getByLabel('Pain reliever 1', { exact: true }).fill('Credit decision in five days');
	await expect(page.getByText('Relieves no pain yet')).toBeVisible();
	await page.getByText('Choose the pains it relieves').click();
	await page
		.getByRole('group', { name: 'Pains relieved by “Credit decision in five days”' })
		.getByRole('checkbox', { name: /Loan decisions take weeks/ })
		.check();
	await expect(fit).toContainText('50%');
	await expect(fit).not.toContainText('No reliever');
	await expect(page.getByText('✓ Relieved by Credit decision in five days')).toBeVisible();

	await page.getByRole('button', { name: 'Add to Gain creators' }).click();
	await page
		.getByLabel('Gain creator 1', { exact: true })
		.fill('Relationship manager for every owner');
	await page.getByText('Choose the gains it creates').click();
	await page.getByRole('checkbox', { name: /A named contact/ }).check();
	await expect(fit).toContainText('Every pain has a reliever and every gain a creator.');

	// Removing the pain removes the link too; undo brings both back.
	await page.getByRole('button', { name: 'Remove Pain 1' }).click();
	await expect(page.getByText('Relieves no pain yet')).toBeVisible();
	await page.getByRole('button', { name: 'Undo', exact: true }).click();
	await expect(page.getByText('✓ Relieved by Credit decision in five days')).toBeVisible();
	await expect(page.getByText('All changes saved')).toBeVisible();
	await page.reload();
	await expect(page.getByRole('radio', { name: /^Focus/ })).toBeChecked();
	await expect(page.getByLabel('Brand promise')).toHaveValue('Decisions made here, quickly.');
	await expect(page.locator('.fit')).toContainText(
		'Every pain has a reliever and every gain a creator.'
	);
});
