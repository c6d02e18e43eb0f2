import { expect, test } from './test.ts';
import { EngagementsList } from './pages.ts';

test('workshop questions are answered inline and counted, in each language', async ({ page }) => {
	const list = new EngagementsList(page);
	await list.goto();
	await list.create('Workshop test');
	await page
		.getByRole('navigation', { name: 'Engagement areas' })
		.getByRole('link', { name: 'Workshop questions' })
		.click();
	await expect(page.getByText('0 of 25 questions answered')).toBeVisible();
	const first = page.getByRole('textbox').first();
	await first.fill('Owners of small manufacturers and our wealth clients.');
	await expect(page.getByText('1 of 25 questions answered')).toBeVisible();
	await expect(page.getByText('All changes saved')).toBeVisible();
	await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption('zh-TW');
	await expect(page.getByText('已回答 1/25 個問題')).toBeVisible();
	await expect(page.getByRole('heading', { name: '從哪裡開始' })).toBeVisible();
	await page.reload();
	await expect(page.getByRole('textbox').first()).toHaveValue(
		'Owners of small manufacturers and our wealth clients.'
	);
	await page.getByRole('textbox').first().fill('');
	await expect(page.getByText('已回答 0/25 個問題')).toBeVisible();
});
