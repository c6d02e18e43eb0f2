import { expect, test } from '@playwright/test';
import { EngagementsList } from './pages.ts';

test.use({ serviceWorkers: 'allow' });

test('with the network off, a reload still starts the app and the data is there', async ({
	page,
	context
}) => {
	const list = new EngagementsList(page);
	await list.goto();
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
	});
	await list.create('Offline ready');
	await page.getByLabel('Client', { exact: true }).fill('Works on a plane');
	await expect(page.getByText('All changes saved')).toBeVisible();
	// The service worker must control the page before we cut the network.
	await page.reload();
	await expect
		.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null))
		.toBe(true);
	await context.setOffline(true);
	await page.reload();
	await expect(page.getByLabel('Client', { exact: true })).toHaveValue('Works on a plane');
	await page.goto('/');
	await expect(list.row('Offline ready')).toBeVisible();
	await context.setOffline(false);
});
