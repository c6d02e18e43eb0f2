import { expect, test } from './test.ts';
import { EngagementsList, Workspace } from './pages.ts';

test('profile edits are saved at once and survive a reload', async ({ page }) => {
	await new EngagementsList(page).goto();
	await new EngagementsList(page).create('Bank CRM');
	const ws = new Workspace(page);
	await ws.field('Client').fill('Chenghu Bank');
	await ws.field('Industry').fill('Retail banking');
	await ws.field('Company size').selectOption('enterprise');
	await ws.field('Currency').selectOption('HKD');
	await ws.field('Fiscal year starts in').selectOption('4');
	await ws.field('Executive sponsor').fill('Song Qichuan');
	await ws.field('Notes').fill('Strategy first, then process, then technology.');
	await page.getByRole('button', { name: 'Add a person' }).click();
	await page.getByLabel('Name of person 1', { exact: true }).fill('Lin Ruoxi');
	await page.getByLabel('Email of person 1', { exact: true }).fill('lin@');
	await expect(page.getByText('This is not an email address')).toBeVisible();
	await page.getByLabel('Email of person 1', { exact: true }).fill('lin.ruoxi@example.com');
	await ws.expectSaved();
	await page.reload();
	await expect(ws.field('Client')).toHaveValue('Chenghu Bank');
	await expect(ws.field('Company size')).toHaveValue('enterprise');
	await expect(ws.field('Currency')).toHaveValue('HKD');
	await expect(ws.field('Fiscal year starts in')).toHaveValue('4');
	await expect(ws.field('Notes')).toHaveValue('Strategy first, then process, then technology.');
	await expect(page.getByLabel('Email of person 1', { exact: true })).toHaveValue(
		'lin.ruoxi@example.com'
	);
	await page.getByRole('link', { name: 'Engagements' }).click();
	await expect(new EngagementsList(page).row('Bank CRM')).toContainText('Retail banking');
});

test('an empty name is refused with a message and nothing is lost', async ({ page }) => {
	await new EngagementsList(page).goto();
	await new EngagementsList(page).create('Keep me');
	const name = page.getByLabel('Engagement name');
	await name.fill('');
	await expect(page.getByText('Give the engagement a name.')).toBeVisible();
	await expect(name).toHaveAttribute('aria-invalid', 'true');
	await page.reload();
	await expect(name).toHaveValue('Keep me');
});

test('undo and redo work with the buttons and the keyboard, one field at a time', async ({
	page
}) => {
	await new EngagementsList(page).goto();
	await new EngagementsList(page).create('Undo test');
	const ws = new Workspace(page);
	const undo = page.getByRole('button', { name: 'Undo', exact: true });
	const redo = page.getByRole('button', { name: 'Redo', exact: true });
	await expect(undo).toBeDisabled();
	await ws.field('Client').fill('First client');
	await ws.field('Region').fill('East China');
	await ws.field('Company size').selectOption('sme');
	// Each field is its own undo step, however quickly they were edited.
	await undo.click();
	await expect(ws.field('Company size')).toHaveValue('');
	await expect(ws.field('Region')).toHaveValue('East China');
	await page.keyboard.press('Control+z');
	await expect(ws.field('Region')).toHaveValue('');
	await expect(ws.field('Client')).toHaveValue('First client');
	await page.keyboard.press('Control+z');
	await expect(ws.field('Client')).toHaveValue('');
	await expect(undo).toBeDisabled();
	await page.keyboard.press('Control+Shift+z');
	await expect(ws.field('Client')).toHaveValue('First client');
	await redo.click();
	await expect(ws.field('Region')).toHaveValue('East China');
	await ws.expectSaved();
	await page.reload();
	await expect(ws.field('Region')).toHaveValue('East China');
	await expect(ws.field('Client')).toHaveValue('First client');
	await expect(ws.field('Company size')).toHaveValue('');
});

test('an engagement deleted in another tab stops taking edits there, and can be restored', async ({
	context
}) => {
	const a = await context.newPage();
	await new EngagementsList(a).goto();
	await new EngagementsList(a).create('Deleted elsewhere');
	const b = await context.newPage();
	await new EngagementsList(b).goto();
	await b.getByRole('button', { name: 'Delete Deleted elsewhere' }).click();
	await b.getByRole('dialog').getByRole('button', { name: 'Delete engagement' }).click();
	const banner = a.getByRole('alert').filter({ hasText: 'deleted in another tab' });
	await expect(banner).toBeVisible();
	await expect(a.getByLabel('Client', { exact: true })).toBeDisabled();
	await banner.getByRole('button', { name: 'Restore' }).click();
	await expect(banner).toHaveCount(0);
	await expect(a.getByLabel('Client', { exact: true })).toBeEnabled();
	await expect(b.getByRole('rowheader', { name: 'Deleted elsewhere' })).toBeVisible();
});

test('two tabs on one engagement show each other’s edits live', async ({ context }) => {
	const a = await context.newPage();
	await new EngagementsList(a).goto();
	await new EngagementsList(a).create('Shared');
	const b = await context.newPage();
	await b.goto(a.url());
	await expect(b.getByLabel('Engagement name')).toHaveValue('Shared');
	await a.getByLabel('Client', { exact: true }).fill('Typed in tab A');
	await expect(b.getByLabel('Client', { exact: true })).toHaveValue('Typed in tab A');
	await b.getByRole('button', { name: 'Add a person' }).click();
	await b.getByLabel('Name of person 1', { exact: true }).fill('Added in tab B');
	await expect(a.getByLabel('Name of person 1', { exact: true })).toHaveValue('Added in tab B');
});

test('undo history survives moving between the areas of an engagement', async ({ page }) => {
	await new EngagementsList(page).goto();
	await new EngagementsList(page).create('Undo across pages');
	const ws = new Workspace(page);
	await ws.field('Client').fill('Harbour Mutual');
	await ws.expectSaved();
	const areas = page.getByRole('navigation', { name: 'Engagement areas' });
	await areas.getByRole('link', { name: 'Segments', exact: true }).click();
	await expect(page.getByRole('button', { name: 'Undo' })).toBeEnabled();
	await page.getByRole('button', { name: 'Undo' }).click();
	await areas.getByRole('link', { name: 'Overview', exact: true }).click();
	await expect(ws.field('Client')).toHaveValue('');
	await expect(page.getByRole('button', { name: 'Redo' })).toBeEnabled();
});
