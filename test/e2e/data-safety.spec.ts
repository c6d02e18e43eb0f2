import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './test.ts';
import { EngagementsList, Workspace } from './pages.ts';

/**
 * Versions, storage warnings, and what happens when the database cannot be written: storage
 * full, a newer version in another tab, an upgrade that waits for another tab.
 */

const DB = 'crm-strategy-workbench';

async function openVersions(page: Page) {
	await page
		.getByRole('navigation', { name: 'Engagement areas' })
		.getByRole('link', { name: 'Versions' })
		.click();
	await expect(page.getByRole('heading', { name: 'Save a version' })).toBeVisible();
}

test('a named version shows what changed since and comes back as a copy', async ({ page }) => {
	const list = new EngagementsList(page);
	await list.goto();
	await list.create('Harbour Bank CRM');
	const ws = new Workspace(page);
	await ws.field('Client').fill('Harbour Bank');
	await ws.field('Client').blur();
	await ws.expectSaved();

	await openVersions(page);
	await expect(page.getByText('No versions yet.')).toBeVisible();
	await page.getByRole('button', { name: 'Save version' }).click();
	await expect(page.getByRole('alert')).toContainText('Give the version a name');
	await page.getByLabel('Name of the version').fill('Before the board');
	await page.getByRole('button', { name: 'Save version' }).click();
	const row = page.getByRole('row').filter({ hasText: 'Before the board' });
	await expect(row).toBeVisible();

	// Change the engagement, then ask what changed since the version.
	await page.getByRole('link', { name: 'Overview' }).click();
	await ws.field('Client').fill('Harbour Bank Group');
	await ws.field('Client').blur();
	await ws.field('Industry').fill('Banking');
	await ws.field('Industry').blur();
	await ws.expectSaved();
	await openVersions(page);
	await row.getByRole('button', { name: /What changed since/ }).click();
	await expect(page.getByText('Overview and team: 2 changed')).toBeVisible();

	await row.getByRole('button', { name: /Restore as a copy/ }).click();
	await expect(page).toHaveURL(/#\/e\/[0-9a-f-]+$/);
	await expect(ws.field('Engagement name')).toHaveValue(/^Harbour Bank CRM \(version of .+\)$/);
	await expect(ws.field('Client')).toHaveValue('Harbour Bank');
	await expect(ws.field('Industry')).toHaveValue('');
	await page.getByRole('link', { name: 'Engagements', exact: true }).first().click();
	await expect(list.row('Harbour Bank CRM')).toBeVisible();
});

test('a file that replaces an engagement leaves its earlier content as a version', async ({
	page
}) => {
	const list = new EngagementsList(page);
	await list.goto();
	await list.create('Replaced one');
	const ws = new Workspace(page);
	await ws.field('Client').fill('Before the import');
	await ws.field('Client').blur();
	await ws.expectSaved();
	const exported = await ws.export();
	await ws.field('Client').fill('Typed after the export');
	await ws.field('Client').blur();
	await ws.expectSaved();

	await page.getByRole('button', { name: 'Replace from file…' }).click();
	const dialog = page.getByRole('dialog');
	await dialog.getByLabel('Engagement file').setInputFiles({
		name: exported.name,
		mimeType: 'application/json',
		buffer: Buffer.from(exported.text)
	});
	await expect(dialog.getByText('· Before the import')).toBeVisible();
	await dialog.getByRole('checkbox').check();
	await dialog.getByRole('button', { name: 'Replace', exact: true }).click();
	await expect(ws.field('Client')).toHaveValue('Before the import');

	await openVersions(page);
	const row = page.getByRole('row').filter({ hasText: 'Kept before a file replaced the content' });
	await row.getByRole('button', { name: /Restore as a copy/ }).click();
	await expect(ws.field('Client')).toHaveValue('Typed after the export');
});

test('the engagements page says how storage stands and reminds after a week without backup', async ({
	page
}) => {
	const list = new EngagementsList(page);
	await list.goto();
	await expect(page.getByText(/Storage: .+ used, about .+ available\./)).toBeVisible();
	await list.create('Reminder test');
	// A backup made eight days ago, before this engagement changed.
	await page.evaluate(
		(db) =>
			new Promise<void>((resolve, reject) => {
				const open = indexedDB.open(db);
				open.onsuccess = () => {
					const tx = open.result.transaction('settings', 'readwrite');
					tx.objectStore('settings').put({
						key: 'lastBackupAt',
						value: Date.now() - 8 * 24 * 3600 * 1000
					});
					tx.oncomplete = () => {
						open.result.close();
						resolve();
					};
					tx.onerror = () => reject(tx.error);
				};
			}),
		DB
	);
	await list.goto();
	const reminder = page.getByRole('note', { name: 'Backup reminder' });
	await expect(reminder).toContainText(/The last backup was (last week|8 days ago)/);
	// Headless Chromium does not grant persistent storage: the quiet notice says so.
	await expect(page.getByRole('note', { name: 'Storage' })).toContainText(
		'may clear it when the disk runs low'
	);
	const download = page.waitForEvent('download');
	await reminder.getByRole('button', { name: 'Back up everything' }).click();
	await download;
	await expect(reminder).toBeHidden();
	await expect(page.getByText(/Last backup: now\./)).toBeVisible();
});

test('storage full: the failed write is named, the app turns read-only, earlier work is safe and exports', async ({
	page,
	context
}) => {
	// Chromium's quota override, set before the app first opens its database (it applies to
	// storage opened after it): room for an engagement, not for a long text.
	const cdp = await context.newCDPSession(page);
	await page.goto('/manifest.webmanifest');
	const origin = new URL(page.url()).origin;
	await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 200 * 1024 });

	const list = new EngagementsList(page);
	await list.goto();
	await list.create('Quota test');
	const ws = new Workspace(page);
	await ws.field('Client').fill('Saved before the disk filled');
	await ws.field('Client').blur();
	await ws.expectSaved();

	// Text that does not compress (IndexedDB compresses what it stores).
	const noise = Array.from({ length: 90_000 }, () =>
		String.fromCharCode(0x4e00 + Math.floor(Math.random() * 5000))
	).join('');
	await ws.field('Notes').fill(noise);
	await ws.field('Notes').blur();
	await expect(
		page.getByRole('alert').filter({ hasText: 'the workbench is read-only' })
	).toBeVisible();
	await expect(
		page.getByText(/Not saved: The browser refused to save because its storage is full/)
	).toBeVisible();

	// Read-only: nothing more can be typed.
	await expect(ws.field('Industry')).toBeDisabled();

	// Export still works: it holds everything saved before, and even the text that could not
	// be saved (the open document still has it), so nothing typed is lost.
	const file = await ws.export();
	const exported = JSON.stringify(file.json);
	expect(exported.includes('Saved before the disk filled')).toBe(true);
	expect(exported.includes(noise.slice(0, 50))).toBe(true);

	// After a reload the saved work is there as it was.
	await page.reload();
	await expect(ws.field('Client')).toHaveValue('Saved before the disk filled');
	await expect(ws.field('Notes')).toHaveValue('');
});

test('a tab left behind by a newer version stops saving and asks for a reload; the newer data is refused and exported raw', async ({
	page,
	context
}) => {
	const list = new EngagementsList(page);
	await list.goto();
	await list.create('Old tab');
	const ws = new Workspace(page);
	await ws.field('Client').fill('Saved by the old tab');
	await ws.field('Client').blur();
	await ws.expectSaved();

	// Another tab opens the database with a newer schema (as a later release would).
	const newer = await context.newPage();
	await newer.goto('/manifest.webmanifest');
	await newer.evaluate(
		(db) =>
			new Promise<void>((resolve, reject) => {
				const open = indexedDB.open(db, 990);
				open.onupgradeneeded = () => open.result.createObjectStore('laterTable');
				open.onsuccess = () => {
					open.result.close();
					resolve();
				};
				open.onerror = () => reject(open.error);
				open.onblocked = () => reject(new Error('blocked by the old tab'));
			}),
		DB
	);
	await newer.close();

	await expect(
		page.getByRole('alert').filter({ hasText: 'A newer version of the workbench' })
	).toBeVisible();
	await expect(ws.field('Industry')).toBeDisabled();

	// Reloading runs this (older) release against the newer data: it refuses to open it,
	// changes nothing, and offers the data raw.
	await page.reload();
	await expect(
		page.getByRole('heading', { name: 'This data was saved by a newer version of the workbench' })
	).toBeVisible();
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download a raw copy' }).click();
	const raw = JSON.parse(fs.readFileSync((await (await download).path())!, 'utf8'));
	expect(raw.version).toBe(990);
	expect(Object.keys(raw.stores)).toContain('laterTable');
	expect(JSON.stringify(raw.stores.engagements)).toContain('Old tab');
});

test('an upgrade blocked by another tab names it and goes on once it closes', async ({
	page,
	context
}) => {
	// A tab of an earlier release holds the database open at schema version 2 and does not let
	// go when asked (as a hung tab would); it answers the tabs channel as the app does.
	const old = await context.newPage();
	await old.goto('/manifest.webmanifest');
	await old.evaluate(
		(db) =>
			new Promise<void>((resolve, reject) => {
				const open = indexedDB.open(db, 20);
				open.onupgradeneeded = () => {
					const d = open.result;
					d.createObjectStore('engagements', { keyPath: 'id' });
					d.createObjectStore('settings', { keyPath: 'key' });
					d.createObjectStore('templates', { keyPath: 'key' });
				};
				open.onsuccess = () => {
					(window as unknown as { held: IDBDatabase }).held = open.result;
					const channel = new BroadcastChannel('crm-strategy-workbench/tabs');
					channel.onmessage = (e) => {
						if (e.data?.type === 'who')
							channel.postMessage({
								type: 'here',
								tab: { heading: 'Acme roadmap', path: '#/e/acme/roadmap', openedAt: Date.now() }
							});
					};
					resolve();
				};
				open.onerror = () => reject(open.error);
			}),
		DB
	);

	await page.goto('/');
	await expect(
		page.getByRole('heading', { name: 'Waiting for other tabs of the workbench to close' })
	).toBeVisible();
	await expect(
		page.getByText(/The tab showing “Acme roadmap” \(#\/e\/acme\/roadmap\)/)
	).toBeVisible();

	await old.evaluate(() => (window as unknown as { held: IDBDatabase }).held.close());
	await expect(page.getByRole('heading', { name: 'Engagements', level: 1 })).toBeVisible();
});
