import { expect, test } from './test.ts';
import { EngagementsList } from './pages.ts';

test('the empty state offers the sample, and never adds it on its own', async ({ page }) => {
	const list = new EngagementsList(page);
	await list.goto();
	await expect(page.getByRole('heading', { name: 'No engagements yet' })).toBeVisible();
	await page.reload();
	await expect(page.getByRole('heading', { name: 'No engagements yet' })).toBeVisible();
	await page.getByRole('button', { name: 'Open the sample engagement' }).click();
	await page.getByRole('dialog').getByRole('button', { name: 'Create and open' }).click();
	await expect(page.getByLabel('Client', { exact: true })).toHaveValue('Chenghu Bank Co., Ltd.');
	await expect(page.getByRole('table', { name: 'Project team' }).getByRole('row')).toHaveCount(10);
	await page.getByRole('link', { name: 'Engagements' }).click();
	await expect(list.row('Customer Relationship Transformation 2027')).toContainText('Chenghu Bank');
});

test('create, rename, duplicate, archive and delete with undo', async ({ page }) => {
	const list = new EngagementsList(page);
	await list.goto();
	await list.create('Retail CRM 2027');
	await page.getByRole('link', { name: 'Engagements' }).click();

	await list.row('Retail CRM 2027').getByRole('button', { name: 'Rename Retail CRM 2027' }).click();
	const rename = page.getByRole('dialog', { name: 'Rename engagement' });
	await rename.getByLabel('Engagement name').fill('   ');
	await rename.getByRole('button', { name: 'Save' }).click();
	await expect(rename.getByText('Give the engagement a name.')).toBeVisible();
	await rename.getByLabel('Engagement name').fill('Retail CRM programme');
	await rename.getByRole('button', { name: 'Save' }).click();
	await expect(list.row('Retail CRM programme')).toBeVisible();

	await page.getByRole('button', { name: 'Duplicate Retail CRM programme' }).click();
	await expect(list.row('Retail CRM programme (copy)')).toBeVisible();

	await page.getByRole('button', { name: 'Archive Retail CRM programme (copy)' }).click();
	await expect(list.row('Retail CRM programme (copy)')).toHaveCount(0);
	await page.getByLabel(/Show archived/).check();
	await expect(list.row('Retail CRM programme (copy)')).toBeVisible();
	await page
		.getByRole('button', { name: 'Restore Retail CRM programme (copy) from the archive' })
		.click();
	await page.getByLabel(/Show archived/).uncheck();
	await expect(page.getByRole('rowheader')).toHaveText([
		'Retail CRM programme (copy)',
		'Retail CRM programme'
	]);

	await page.getByRole('button', { name: 'Delete Retail CRM programme (copy)' }).click();
	const confirm = page.getByRole('dialog', { name: 'Delete this engagement?' });
	await expect(confirm).toContainText(
		'Deleting “Retail CRM programme (copy)” removes everything in it'
	);
	await expect(confirm).toContainText('the project team (0 people)');
	await confirm.getByRole('button', { name: 'Delete engagement' }).click();
	await expect(list.row('Retail CRM programme (copy)')).toHaveCount(0);
	// The Undo of the deletion's own toast (earlier toasts may still be showing theirs).
	await page
		.getByRole('status')
		.locator('.toast', { hasText: 'Deleted “Retail CRM programme (copy)”' })
		.getByRole('button', { name: 'Undo' })
		.click();
	await expect(list.row('Retail CRM programme (copy)')).toBeVisible();

	await page.getByRole('button', { name: 'Delete Retail CRM programme (copy)' }).click();
	await page.getByRole('dialog').getByRole('button', { name: 'Delete engagement' }).click();
	await expect(list.row('Retail CRM programme (copy)')).toHaveCount(0);
	await page.reload();
	await expect(page.getByRole('rowheader')).toHaveText(['Retail CRM programme']);
	// Still restorable after the toast is gone, across a reload.
	const deleted = page.getByRole('region', { name: 'Recently deleted' });
	await expect(deleted).toContainText('Retail CRM programme (copy)');
	await deleted.getByRole('button', { name: 'Restore Retail CRM programme (copy)' }).click();
	await expect(deleted).toHaveCount(0);
	await expect(page.getByRole('rowheader')).toHaveText([
		'Retail CRM programme (copy)',
		'Retail CRM programme'
	]);
});

test('a starter fills the new engagement in the chosen language', async ({ page }) => {
	const list = new EngagementsList(page);
	await list.goto();
	await page.getByRole('button', { name: 'New engagement' }).first().click();
	const dialog = page.getByRole('dialog');
	await dialog.getByRole('radio', { name: /small or mid-size business/ }).check();
	await dialog.getByLabel('Language of the content').selectOption('zh-TW');
	await dialog.getByLabel('Engagement name').fill('中小企業 CRM');
	await dialog.getByRole('button', { name: 'Create' }).click();
	await expect(page.getByLabel('Company size')).toHaveValue('sme');
	await expect(page.getByLabel('Report language')).toHaveValue('zh-TW');
	await expect(page.getByLabel('Notes')).toHaveValue(/[\u4e00-\u9fff]/);
});
