import { expect, test } from './test.ts';
import { EngagementsList } from './pages.ts';

test('the UI switches to both Chinese scripts and remembers the choice', async ({ page }) => {
	const list = new EngagementsList(page);
	await list.goto();
	await list.create('Language test');
	await page.getByLabel('Currency').selectOption('CNY');
	const switcher = page.getByRole('combobox', { name: 'Language', exact: true });
	await switcher.selectOption('zh-CN');
	await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
	await expect(page.getByRole('heading', { name: '咨询项目概况' })).toBeVisible();
	await expect(page.getByText('¥123,456.78')).toBeVisible();
	await page.getByRole('combobox', { name: '语言', exact: true }).selectOption('zh-TW');
	await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant');
	await expect(page.getByRole('heading', { name: '顧問專案概況' })).toBeVisible();
	await expect(page.getByLabel('會計年度起始月份')).toContainText('1月');
	await page.reload();
	await expect(page.getByRole('heading', { name: '顧問專案概況' })).toBeVisible();
	await page.getByRole('link', { name: '顧問專案', exact: true }).click();
	await expect(page.getByRole('columnheader', { name: '最後修改' })).toBeVisible();
	await page.getByRole('combobox', { name: '語言', exact: true }).selectOption('en');
	await expect(page.getByRole('columnheader', { name: 'Last change' })).toBeVisible();
});

test.describe('with a Traditional Chinese browser', () => {
	test.use({ locale: 'zh-TW' });
	test('the first language follows the browser', async ({ page }) => {
		await page.goto('/');
		await expect(page.getByRole('heading', { name: '尚無顧問專案' })).toBeVisible();
	});
});

test.describe('with a Simplified Chinese browser', () => {
	test.use({ locale: 'zh-CN' });
	test('the first language follows the browser', async ({ page }) => {
		await page.goto('/');
		await expect(page.getByRole('heading', { name: '还没有咨询项目' })).toBeVisible();
	});
});
