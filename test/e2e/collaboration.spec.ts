import fs from 'node:fs';
import type { Browser, Page } from '@playwright/test';
import { expect, test } from './test.ts';
import { expectNoSeriousViolations } from './axe.ts';
import { EngagementsList } from './pages.ts';
import { newSecret } from '../../src/lib/domain/sharing/link.ts';
import { startServer, type TestServer } from '../sync.ts';

/**
 * Two devices (browser contexts) and the sync server (npm run sync-server) on loopback: an
 * engagement shared by one and joined by the other through its link.
 */

let server: TestServer;
test.beforeAll(async () => {
	server = await startServer();
});
test.afterAll(async () => {
	await server.dispose();
});
// One device's edits reach the other within a second or two; reconnecting after a stop can
// take the app's back-off (up to 10 s) unless "Try again now" is used.
test.setTimeout(90_000);

const nav = (page: Page, name: string) =>
	page
		.getByRole('navigation', { name: 'Engagement areas' })
		.getByRole('link', { name, exact: true })
		.click();

const synced = (page: Page) =>
	expect(page.getByRole('status').filter({ hasText: 'Connected and up to date' })).toBeVisible({
		timeout: 20_000
	});

/** Creates an engagement and shares it; returns the invitation link. */
async function shareNew(page: Page, name: string, me: string): Promise<string> {
	const list = new EngagementsList(page);
	await list.goto();
	await list.create(name);
	await page.getByLabel('Client', { exact: true }).fill('Chenghu Bank');
	await nav(page, 'Sharing');
	await page.getByLabel('Sync server address').fill(server.url);
	await page.getByLabel('Your name, as others see it').fill(me);
	await page.getByRole('button', { name: 'Start sharing' }).click();
	await synced(page);
	return page.getByRole('textbox', { name: 'Invitation link' }).inputValue();
}

async function join(browser: Browser, link: string, me: string): Promise<Page> {
	const page = await (await browser.newContext()).newPage();
	await page.goto(link);
	await expect(page.getByRole('heading', { name: 'Join a shared engagement' })).toBeVisible();
	// The secret leaves the address bar once read; a reload still finds the invitation.
	expect(page.url()).not.toContain('key=');
	await page.reload();
	await expect(page.getByText(/The engagement is kept in sync through/)).toBeVisible();
	await expectNoSeriousViolations(page, 'join');
	await page.getByLabel('Your name, as others see it').fill(me);
	await page.getByRole('button', { name: 'Join', exact: true }).click();
	await synced(page);
	return page;
}

test('two devices share an engagement: edits of different and of the same field converge', async ({
	page,
	browser
}) => {
	const link = await shareNew(page, 'Shared strategy', 'Ana');
	expect(link).toMatch(
		/#\/join\?server=ws%3A%2F%2F127\.0\.0\.1%3A\d+&room=[\w-]{22}&key=[\w-]{43}$/
	);
	const other = await join(browser, link, 'Ben');

	// Who is here, on both devices.
	await expect(other.getByRole('listitem').filter({ hasText: 'Ana' })).toBeVisible();
	await expect(page.getByRole('listitem').filter({ hasText: /^Ben$/ })).toBeVisible();
	await expect(page.getByRole('link', { name: /Synced.*1 more here/ })).toBeVisible();
	await expectNoSeriousViolations(page, 'sharing, shared');

	await nav(other, 'Overview');
	await expect(other.getByLabel('Engagement name')).toHaveValue('Shared strategy');
	await expect(other.getByLabel('Client', { exact: true })).toHaveValue('Chenghu Bank');
	await nav(page, 'Overview');

	// Different fields at the same moment: both kept.
	await Promise.all([
		page.getByLabel('Industry', { exact: true }).fill('Retail banking'),
		other.getByLabel('Client', { exact: true }).fill('Chenghu Bank Co., Ltd.')
	]);
	for (const p of [page, other]) {
		await expect(p.getByLabel('Industry', { exact: true })).toHaveValue('Retail banking');
		await expect(p.getByLabel('Client', { exact: true })).toHaveValue('Chenghu Bank Co., Ltd.');
	}

	// The same field at the same moment: text fields merge as text (Yjs), so both devices settle
	// on the same text, holding what each typed.
	await Promise.all([
		page.getByLabel('Engagement name').fill('CRM programme (Ana)'),
		other.getByLabel('Engagement name').fill('CRM programme (Ben)')
	]);
	await expect
		.poll(async () => {
			const a = await page.getByLabel('Engagement name').inputValue();
			const b = await other.getByLabel('Engagement name').inputValue();
			return a === b && /^(CRM programme \((Ana|Ben)\)){1,2}$/.test(a)
				? 'one value'
				: `${a} | ${b}`;
		})
		.toBe('one value');

	// The joined device's list shows the engagement under its synced name, marked shared.
	const list = new EngagementsList(other);
	await list.goto();
	const name = await page.getByLabel('Engagement name').inputValue();
	await expect(other.getByRole('row').filter({ hasText: name })).toContainText('Shared');
	await other.context().close();
});

test('a device that goes offline keeps editing and merges when it reconnects; a restarted server loses nothing', async ({
	page,
	browser
}) => {
	const link = await shareNew(page, 'Offline test', 'Ana');
	const other = await join(browser, link, 'Ben');
	await nav(other, 'Overview');
	await nav(page, 'Overview');

	// Ben's device loses the network: it says so, and goes on taking edits.
	await other.context().setOffline(true);
	await expect(other.getByRole('link', { name: /Offline/ })).toBeVisible({ timeout: 20_000 });
	await other.getByLabel('Industry', { exact: true }).fill('Insurance');
	await page.getByLabel('Client', { exact: true }).fill('Harbour Mutual');
	await expect(other.getByLabel('Client', { exact: true })).toHaveValue('Chenghu Bank');
	await other.context().setOffline(false);
	await nav(other, 'Sharing');
	await other
		.getByRole('button', { name: 'Try again now' })
		.click({ timeout: 5_000 })
		.catch(() => {});
	await synced(other);
	await nav(other, 'Overview');
	for (const p of [page, other]) {
		await expect(p.getByLabel('Industry', { exact: true })).toHaveValue('Insurance');
		await expect(p.getByLabel('Client', { exact: true })).toHaveValue('Harbour Mutual');
	}

	// The server restarts: a device joining afterwards gets everything.
	await server.restart();
	const third = await join(browser, link, 'Chen');
	await nav(third, 'Overview');
	await expect(third.getByLabel('Industry', { exact: true })).toHaveValue('Insurance');
	await expect(third.getByLabel('Client', { exact: true })).toHaveValue('Harbour Mutual');
	await expect(third.getByLabel('Engagement name')).toHaveValue('Offline test');
	await other.context().close();
	await third.context().close();
});

test('an empty room never overwrites a device, and a joined device never gets sample data', async ({
	page,
	browser
}) => {
	const link = await shareNew(page, 'Survives an empty room', 'Ana');
	await nav(page, 'Overview');
	await page.getByLabel('Industry', { exact: true }).fill('Telecoms');
	await expect(page.getByText('All changes saved')).toBeVisible();

	// The server loses every room (its data directory is wiped) and comes back empty.
	await server.stop();
	fs.rmSync(server.dir, { recursive: true, force: true });
	fs.mkdirSync(server.dir);
	// A device joining while the server is away: an empty engagement, no sample content.
	const lonely = await (await browser.newContext()).newPage();
	await lonely.goto(link);
	await lonely.getByRole('button', { name: 'Join', exact: true }).click();
	await expect(lonely.getByText('Waiting for the engagement from the sync server.')).toBeVisible();
	await new EngagementsList(lonely).goto();
	await expect(lonely.getByRole('row')).toHaveCount(2);
	await expect(lonely.getByRole('rowheader')).toHaveText(/\(no name yet\)/);
	await lonely.getByRole('link', { name: '(no name yet)' }).click();
	await nav(lonely, 'Overview');
	await expect(lonely.getByLabel('Engagement name')).toHaveValue('');

	await server.restart();
	await nav(page, 'Sharing');
	await page
		.getByRole('button', { name: 'Try again now' })
		.click({ timeout: 5_000 })
		.catch(() => {});
	await synced(page);
	await nav(page, 'Overview');
	await expect(page.getByLabel('Engagement name')).toHaveValue('Survives an empty room');
	await expect(page.getByLabel('Industry', { exact: true })).toHaveValue('Telecoms');
	// And the room has it again: the waiting device (its engagement open) fills in.
	await expect(lonely.getByLabel('Engagement name')).toHaveValue('Survives an empty room', {
		timeout: 30_000
	});
	await expect(lonely.getByLabel('Industry', { exact: true })).toHaveValue('Telecoms');
	await new EngagementsList(lonely).goto();
	await expect(lonely.getByRole('rowheader')).toHaveText(/Survives an empty room/);
	await lonely.context().close();
});

test('a device with a wrong secret is refused and says so; stopping sharing keeps the copy', async ({
	page
}) => {
	await shareNew(page, 'Guarded', 'Ana');
	// Forge this device's stored secret (the room stays): the server must refuse it.
	await page.evaluate(
		async (secret) =>
			new Promise<void>((resolve, reject) => {
				const open = indexedDB.open('crm-strategy-workbench');
				open.onsuccess = () => {
					const tx = open.result.transaction('shares', 'readwrite');
					const store = tx.objectStore('shares');
					const all = store.getAll();
					all.onsuccess = () => {
						for (const row of all.result) store.put({ ...row, secret });
					};
					tx.oncomplete = () => {
						open.result.close();
						resolve();
					};
					tx.onerror = () => reject(tx.error);
				};
			}),
		newSecret()
	);
	await page.reload();
	await expect(page.getByRole('status').filter({ hasText: 'Refused by the server' })).toBeVisible({
		timeout: 20_000
	});
	await expect(page.getByText('The server did not accept this room')).toBeVisible();
	await expectNoSeriousViolations(page, 'sharing, refused');

	await page.getByRole('button', { name: 'Stop sharing' }).click();
	await page.getByRole('dialog').getByRole('button', { name: 'Stop sharing' }).click();
	await expect(page.getByRole('button', { name: 'Start sharing' })).toBeVisible();
	await nav(page, 'Overview');
	await expect(page.getByLabel('Engagement name')).toHaveValue('Guarded');
	await expect(page.getByLabel('Client', { exact: true })).toHaveValue('Chenghu Bank');
});
