import { execFileSync } from 'node:child_process';
import { expect, test } from './test.ts';
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

test('a report made once can be made again with the network off', async ({ page, context }) => {
	test.setTimeout(240_000);
	const list = new EngagementsList(page);
	await list.goto();
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
	});
	await page.reload();
	await expect
		.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null))
		.toBe(true);
	await page.getByRole('button', { name: 'Open the sample engagement' }).click();
	await page.getByRole('dialog').getByRole('button', { name: 'Create and open' }).click();
	await expect(page.getByLabel('Engagement name')).toBeVisible();
	const reports = page
		.getByRole('navigation', { name: 'Engagement areas' })
		.getByRole('link', { name: 'Reports', exact: true });
	async function makeProjectPlan() {
		await reports.click();
		await page.getByRole('radio', { name: /^Project plan/ }).check();
		await page.getByLabel('Report language').selectOption({ label: '繁體中文' });
		const download = page.waitForEvent('download', { timeout: 120_000 });
		await page.getByRole('button', { name: 'Make PDF' }).click();
		return (await download).path();
	}
	// The first report fetches the fonts and keeps them.
	expect(await makeProjectPlan()).toBeTruthy();

	await context.setOffline(true);
	// A fresh start offline: the app, its report worker and pdfmake come from the service worker,
	// the fonts from their cache.
	await page.reload();
	await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible();
	const file = await makeProjectPlan();
	const words = execFileSync('pdftotext', [file!, '-'], { encoding: 'utf8' });
	expect(words).toContain('專案計畫');
	expect(words).toMatch(/第 1 頁，共 \d+ 頁/);
	await expect(page.getByText(/could not|無法/)).toHaveCount(0);
	await context.setOffline(false);
});
