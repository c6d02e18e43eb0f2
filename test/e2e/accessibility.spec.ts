import { expect, test } from './test.ts';
import { expectNoSeriousViolations } from './axe.ts';
import { EngagementsList } from './pages.ts';

for (const locale of ['en', 'zh-CN', 'zh-TW'] as const) {
	test(`no serious or critical axe violations on any page (${locale})`, async ({ page }) => {
		test.setTimeout(480_000); // axe runs on twenty-five screens
		const list = new EngagementsList(page);
		await list.goto();
		await page.getByRole('combobox').first().selectOption(locale);
		await expectNoSeriousViolations(page, 'empty list');
		await page
			.getByRole('button')
			.filter({ hasText: /sample|示例|範例/ })
			.first()
			.click();
		await expect(page.getByRole('dialog')).toBeVisible();
		await expectNoSeriousViolations(page, 'sample dialog');
		await page.getByRole('dialog').getByRole('button').last().click();
		await expect(page).toHaveURL(/#\/e\//);
		await expect(page.getByRole('table')).toBeVisible();
		await expectNoSeriousViolations(page, 'overview');
		await page.getByRole('navigation').getByRole('link').nth(2).click();
		await page.locator('button.row-select').first().click();
		await expect(page.locator('canvas').first()).toBeVisible();
		await expectNoSeriousViolations(page, 'segments');
		await page.getByRole('navigation').getByRole('link').nth(1).click();
		await expect(page.locator('.fit')).toBeVisible();
		await page.locator('details.links summary').first().click();
		await expectNoSeriousViolations(page, 'value proposition');
		await page.getByRole('navigation').getByRole('link').nth(3).click();
		await expect(page.locator('fieldset.tactics')).toBeVisible();
		await expectNoSeriousViolations(page, 'customer strategy');
		await page.getByRole('navigation').getByRole('link').nth(4).click();
		await expect(page.locator('#channels-title')).toBeVisible();
		await expectNoSeriousViolations(page, 'channels');
		await page.getByRole('navigation').getByRole('link').nth(5).click();
		await expect(page.locator('table.data').first()).toBeVisible();
		await expectNoSeriousViolations(page, 'change plan');
		await page.getByRole('navigation').getByRole('link').nth(6).click();
		await expect(page.locator('.elements')).toBeVisible();
		await expectNoSeriousViolations(page, '7-S and Porter');
		await page.getByRole('navigation').getByRole('link').nth(7).click();
		await expect(page.locator('ol.questions').first()).toBeVisible();
		await expectNoSeriousViolations(page, 'workshop questions');
		await page.getByRole('navigation').getByRole('link').nth(8).click();
		await expect(page.locator('table.map')).toBeVisible();
		await expectNoSeriousViolations(page, 'touchpoint map');
		await page.locator('button.touchpoint').first().click();
		await expect(page.getByRole('dialog')).toBeVisible();
		await expectNoSeriousViolations(page, 'touchpoint dialog');
		await page.keyboard.press('Escape');
		await page.getByRole('navigation').getByRole('link').nth(9).click();
		await expect(page.locator('#flow-diagram svg')).toBeVisible();
		await expect(page.locator('#journey-diagram svg')).toBeVisible();
		await expectNoSeriousViolations(page, 'journey diagrams');
		await page.getByRole('navigation').getByRole('link').nth(10).click();
		await expect(page.locator('#workflow-diagram svg')).toBeVisible();
		await expectNoSeriousViolations(page, 'workflows');
		await page.getByRole('navigation').getByRole('link').nth(11).click();
		await expect(page.locator('#diagram-preview svg')).toBeVisible();
		await expectNoSeriousViolations(page, 'Mermaid diagrams');
		await page.getByRole('navigation').getByRole('link').nth(12).click();
		await expect(page.locator('#assess-start-model')).toBeVisible();
		await expect(page.locator('#tpl-import')).toBeVisible();
		await expectNoSeriousViolations(page, 'assessments');
		await page.locator('td.actions a').nth(1).click();
		await expect(page.locator('#res-table')).toBeVisible();
		await expect(page.locator('table.heat')).toBeVisible();
		await expectNoSeriousViolations(page, 'assessment results');
		await page.locator('.run-pages a').nth(1).click();
		await expect(page.locator('.fac-people')).toBeVisible();
		await expectNoSeriousViolations(page, 'facilitator view');
		await page.locator('.run-pages a').nth(3).click();
		await expect(page.locator('#vote-start-title')).toBeVisible();
		await expectNoSeriousViolations(page, 'phone vote');
		await page.locator('.run-pages a').nth(0).click();
		await expect(page.locator('.assess-questions')).toBeVisible();
		await expectNoSeriousViolations(page, 'assessment answers');
		await page.locator('nav.areas a').nth(13).click();
		await expect(page.locator('#case-figures')).toBeVisible();
		await page.locator('details.explain summary').first().click();
		await expectNoSeriousViolations(page, 'business case');
		await page.locator('nav.areas a').nth(14).click();
		await expect(page.locator('table.tasks')).toBeVisible();
		await expectNoSeriousViolations(page, 'roadmap tasks');
		for (const [n, what] of [
			[1, 'Gantt chart'],
			[2, 'progress'],
			[3, 'phases'],
			[4, 'project team']
		] as const) {
			await page.getByRole('tab').nth(n).click();
			if (n === 1) await expect(page.locator('#gantt-0 svg')).toBeVisible({ timeout: 15_000 });
			await expectNoSeriousViolations(page, `roadmap ${what}`);
		}
		await page.locator('nav.areas a').nth(15).click();
		await expect(page.locator('#report-lang')).toBeVisible();
		await expectNoSeriousViolations(page, 'reports');
		await page.locator('nav.areas a').nth(16).click();
		await page.locator('.version-form input').fill('v1');
		await page.locator('.version-form button').click();
		await page.locator('table.versions tbody tr').first().getByRole('button').first().click();
		await expect(page.locator('tr.changes')).toBeVisible();
		await expectNoSeriousViolations(page, 'versions');
		await page.locator('nav.areas a').nth(17).click();
		await expect(page.locator('#share-title')).toBeVisible();
		await expectNoSeriousViolations(page, 'sharing');
		await page.locator('nav.areas a').first().click();
		await page
			.getByRole('button')
			.filter({ hasText: /Replace from file|从文件替换|從檔案取代/ })
			.click();
		await expect(page.getByRole('dialog')).toBeVisible();
		await expectNoSeriousViolations(page, 'replace dialog');
		await page.keyboard.press('Escape');
		await page.goto('/');
		await expect(page.getByRole('table')).toBeVisible();
		await expectNoSeriousViolations(page, 'list');
		await page
			.getByRole('button')
			.filter({ hasText: /^(New engagement|新建咨询项目|新增顧問專案)$/ })
			.first()
			.click();
		await expectNoSeriousViolations(page, 'new dialog');
		await page.keyboard.press('Escape');
		await page.getByRole('row').nth(1).getByRole('button').last().click();
		await expectNoSeriousViolations(page, 'delete dialog');
	});
}

test('the engagement list and the profile are usable by keyboard alone', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByRole('heading', { name: 'No engagements yet' })).toBeVisible();
	await page.keyboard.press('Tab'); // skip link
	await page.keyboard.press('Tab'); // brand
	await page.keyboard.press('Tab'); // language
	await page.keyboard.press('Tab'); // New engagement
	const newButton = page.getByRole('button', { name: 'New engagement' }).first();
	await expect(newButton).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('dialog')).toBeVisible();
	await page.keyboard.press('Escape');
	await expect(page.getByRole('dialog')).toHaveCount(0);
	await expect(newButton).toBeFocused();
	await page.keyboard.press('Enter');
	await page.keyboard.type('Keyboard CRM');
	await expect(page.getByRole('dialog').getByLabel('Engagement name')).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.getByLabel('Engagement name')).toHaveValue('Keyboard CRM');
});
