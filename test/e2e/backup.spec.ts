import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './test.ts';
import { EngagementsList } from './pages.ts';

test('a full backup restores on an emptied device and refuses the wrong file', async ({
	page,
	browser
}) => {
	test.setTimeout(120_000);
	const list = new EngagementsList(page);
	await list.goto();
	await list.create('Backed-up programme');
	await page.getByLabel('Client', { exact: true }).fill('Harbour <script>alert(1)</script>');
	await expect(page.getByText('All changes saved')).toBeVisible();
	await list.goto();
	await list.create('Second programme');
	await list.goto();

	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Back up everything' }).first().click();
	const file = await download;
	expect(file.suggestedFilename()).toMatch(
		/^crm-workbench-backup-\d{4}-\d{2}-\d{2}\.crmbackup\.json$/
	);
	const text = fs.readFileSync((await file.path())!, 'utf8');
	const backup = JSON.parse(text);
	expect(backup.engagements).toHaveLength(2);

	// A device whose storage was wiped: the empty list offers the restore, in the user's language.
	const context = await browser.newContext();
	const other = await context.newPage();
	await new EngagementsList(other).goto();
	await other.getByRole('button', { name: 'Restore from a backup' }).click();
	const dialog = other.getByRole('dialog');
	const input = dialog.getByLabel('Backup file');
	// The wrong file first: one engagement's export is named as such.
	await input.setInputFiles({
		name: 'one.crmws.json',
		mimeType: 'application/json',
		buffer: Buffer.from(
			JSON.stringify({ kind: 'crm-strategy-workbench/engagement', formatVersion: 1 })
		)
	});
	await expect(dialog.getByRole('alert')).toContainText('holds a single engagement, not a backup');
	await expect(dialog.getByRole('button', { name: 'Restore', exact: true })).toBeDisabled();

	await input.setInputFiles({
		name: file.suggestedFilename(),
		mimeType: 'application/json',
		buffer: Buffer.from(text)
	});
	await expect(dialog).toContainText('Engagements: 2');
	await expect(dialog).toContainText('Backed-up programme');
	await expect(dialog).toContainText('Engagements to add: 2');
	await dialog.getByRole('radio', { name: /^Replace/ }).check();
	await expect(dialog.getByRole('button', { name: 'Restore', exact: true })).toBeDisabled();
	const axe = await new AxeBuilder({ page: other })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
		.analyze();
	expect(axe.violations.map((v) => v.id)).toEqual([]);
	await dialog.getByRole('radio', { name: /^Merge/ }).check();
	await dialog.getByRole('button', { name: 'Restore', exact: true }).click();
	await expect(other.getByText('Restore finished. Engagements restored: 2.')).toBeVisible();
	const otherList = new EngagementsList(other);
	await expect(otherList.row('Backed-up programme')).toBeVisible();
	await expect(otherList.row('Second programme')).toBeVisible();
	await expect(otherList.row('Backed-up programme')).toContainText(
		'Harbour <script>alert(1)</script>'
	);

	// Restoring the same backup again with a merge changes nothing.
	await other.getByRole('button', { name: 'Restore…' }).click();
	await other
		.getByRole('dialog')
		.getByLabel('Backup file')
		.setInputFiles({
			name: file.suggestedFilename(),
			mimeType: 'application/json',
			buffer: Buffer.from(text)
		});
	await expect(other.getByRole('dialog')).toContainText('left alone: 2');
	await expect(other.getByRole('dialog')).toContainText('Engagements to add: 0');
	await other.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
	await expect(other.getByRole('row')).toHaveCount(3);
	await context.close();
});
