import { expect, test } from './test.ts';
import { EngagementsList } from './pages.ts';

test('channels with costs, a preference matrix, product assignments and conflicts', async ({
	page
}) => {
	const list = new EngagementsList(page);
	await list.goto();
	await list.create('Channel test');
	await page.getByLabel('Currency').selectOption('CNY');
	const areas = page.getByRole('navigation', { name: 'Engagement areas' });
	await areas.getByRole('link', { name: 'Segments' }).click();
	await page.getByRole('button', { name: 'Add a segment' }).click();
	await page.getByLabel('Name', { exact: true }).fill('SME owners');
	await areas.getByRole('link', { name: 'Channels and products' }).click();

	await page.getByRole('button', { name: 'Add the standard channels' }).click();
	const channels = page.getByRole('table', { name: 'Channels', exact: true });
	await expect(channels.getByRole('row')).toHaveCount(11); // header + 10 standard channels
	await page.getByLabel('Cost per contact of channel 1', { exact: true }).fill('60');
	await page.getByLabel('Cost per contact of channel 2', { exact: true }).fill('12');

	// Face to face: high (3 presses), phone: low (1 press) → (3 × 60 + 1 × 12) ÷ 4 = 48.
	const face = page.getByRole('button', { name: /^SME owners through Face to face/ });
	for (let i = 0; i < 3; i++) await face.click();
	await expect(face).toHaveAccessibleName(/: high\./);
	await page.getByRole('button', { name: /^SME owners through Phone and contact centre/ }).click();
	const row = page
		.getByRole('table', { name: 'Which channels each segment prefers' })
		.getByRole('row', { name: /SME owners/ });
	await expect(row).toContainText('CN¥48.00');
	await page.getByRole('button', { name: 'Undo', exact: true }).click();
	await expect(row).toContainText('CN¥60.00');

	await expect(
		page.getByText('Products and services come from the value proposition')
	).toBeVisible();
	await page.getByRole('button', { name: 'Add a conflict' }).click();
	await page
		.getByLabel('What the conflict is')
		.fill('Branch staff lose sales credit when customers switch to the app.');
	await page
		.getByRole('group', { name: 'Channels involved' })
		.getByRole('checkbox', { name: /Face to face/ })
		.check();
	await page
		.getByLabel('How it is handled')
		.fill('Credit the branch for app sales by its customers.');
	await expect(page.getByText('All changes saved')).toBeVisible();
	await page.reload();
	await expect(
		page.getByRole('button', { name: /^SME owners through Face to face/ })
	).toHaveAccessibleName(/: high\./);
	await expect(page.getByLabel('How it is handled')).toHaveValue(
		'Credit the branch for app sales by its customers.'
	);
	await expect(
		page
			.getByRole('group', { name: 'Channels involved' })
			.getByRole('checkbox', { name: /Face to face/ })
	).toBeChecked();
});
