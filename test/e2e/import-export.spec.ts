import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './test.ts';
import { chooseImportFile, EngagementsList, Workspace } from './pages.ts';

async function sampleExport(page: Page) {
	const list = new EngagementsList(page);
	await list.goto();
	await page.getByRole('button', { name: 'Open the sample engagement' }).click();
	await page.getByRole('dialog').getByRole('button', { name: 'Create and open' }).click();
	const ws = new Workspace(page);
	await ws.field('Notes').fill('Exported notes.');
	await ws.expectSaved();
	return ws.export();
}

test('export then import gives an equal engagement', async ({ page, browser }) => {
	const exported = await sampleExport(page);
	expect(exported.name).toMatch(
		/^Customer-Relationship-Transformation-2027-\d{4}-\d{2}-\d{2}\.crmws\.json$/
	);
	expect(exported.json).toMatchObject({
		kind: 'crm-strategy-workbench/engagement',
		formatVersion: 1
	});

	// Import on a "new device" (a fresh browser context with empty storage).
	const context = await browser.newContext();
	const other = await context.newPage();
	await new EngagementsList(other).goto();
	const dialog = await chooseImportFile(other, exported.name, exported.text);
	await expect(dialog).toContainText('9 team members');
	await dialog.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(other.getByLabel('Notes')).toHaveValue('Exported notes.');
	const again = await new Workspace(other).export();
	const a = exported.json.engagement as Record<string, unknown>;
	const b = again.json.engagement as Record<string, unknown>;
	expect(b.id).toBe(a.id);
	expect(b.content).toEqual(a.content);
	expect(b.createdAt).toBe(a.createdAt);
	await context.close();
});

test('import replaces an engagement only after a confirmation, and the replacement can be undone', async ({
	page
}) => {
	const exported = await sampleExport(page);
	const ws = new Workspace(page);
	await ws.field('Client').fill('Changed after export');
	await ws.expectSaved();
	await page.getByRole('button', { name: 'Replace from file…' }).click();
	const dialog = page.getByRole('dialog');
	await dialog.getByLabel('Engagement file').setInputFiles({
		name: 'x.json',
		mimeType: 'application/json',
		buffer: Buffer.from(exported.text)
	});
	const replace = dialog.getByRole('button', { name: 'Replace', exact: true });
	await expect(replace).toBeDisabled();
	await dialog.getByRole('checkbox').check();
	await replace.click();
	await expect(ws.field('Client')).toHaveValue('Chenghu Bank Co., Ltd.');
	await page.getByRole('button', { name: 'Undo', exact: true }).click();
	await expect(ws.field('Client')).toHaveValue('Changed after export');
});

const bad: Array<[string, string | (() => string), RegExp]> = [
	['not JSON', 'this is not json {', /is not a JSON file, or it is damaged/],
	[
		'JSON of another kind',
		'{"name":"budget","rows":[1,2,3]}',
		/is JSON but not a workbench engagement file/
	],
	[
		'a newer format version',
		JSON.stringify({ kind: 'crm-strategy-workbench/engagement', formatVersion: 99 }),
		/newer version of the workbench \(format 99; this one reads up to 1\)/
	],
	['deeply nested junk', () => '['.repeat(5000) + ']'.repeat(5000), /more than 64 levels deep/],
	[
		'a __proto__ key',
		'{"kind":"crm-strategy-workbench/engagement","formatVersion":1,"engagement":{"__proto__":{"x":1}}}',
		/contains the key “__proto__” \(at engagement.__proto__\)/
	],
	[
		'a constructor key',
		'{"constructor":{"prototype":{"polluted":true}}}',
		/contains the key “(constructor|prototype)”/
	],
	[
		'an invalid field',
		JSON.stringify({
			kind: 'crm-strategy-workbench/engagement',
			formatVersion: 1,
			exportedAt: 'yesterday',
			generator: 'x',
			engagement: {}
		}),
		/exportedAt/
	]
];

for (const [what, content, message] of bad) {
	test(`importing ${what} explains the problem and changes nothing`, async ({ page }) => {
		const list = new EngagementsList(page);
		await list.goto();
		await list.create('Existing');
		await page.getByRole('link', { name: 'Engagements' }).click();
		const dialog = await chooseImportFile(
			page,
			'file.json',
			typeof content === 'function' ? content() : content
		);
		await expect(dialog.getByRole('alert')).toContainText(message);
		await expect(dialog.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();
		await dialog.getByRole('button', { name: 'Cancel' }).click();
		await expect(page.getByRole('rowheader')).toHaveText(['Existing']);
		// Nothing reached Object.prototype (an own-property check could not see that).
		expect(await page.evaluate(() => 'polluted' in {} || 'x' in {})).toBe(false);
	});
}

test('a file over 50 MB is refused before it is read', async ({ page }, testInfo) => {
	const list = new EngagementsList(page);
	await list.goto();
	const big = testInfo.outputPath('huge.json');
	fs.writeFileSync(big, Buffer.alloc(51 * 1024 * 1024, 32));
	await page.getByRole('button', { name: 'Import…' }).first().click();
	const dialog = page.getByRole('dialog');
	await dialog.getByLabel('Engagement file').setInputFiles(big);
	await expect(dialog.getByRole('alert')).toContainText('engagement files can be at most 50 MB');
	await dialog.getByRole('button', { name: 'Cancel' }).click();
	await expect(page.getByRole('heading', { name: 'No engagements yet' })).toBeVisible();
});

test('the JSON Schema of the file format is served by the app', async ({ request }) => {
	const res = await request.get('/schemas/engagement-file.v1.schema.json');
	expect(res.ok()).toBe(true);
	const schema = await res.json();
	expect(schema.properties.kind.const).toBe('crm-strategy-workbench/engagement');
});
