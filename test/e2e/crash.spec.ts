import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from './test.ts';
import { chooseImportFile, EngagementsList, Workspace } from './pages.ts';

/**
 * A tab that crashes or is closed in the middle of an import or of a large edit leaves all or
 * nothing: afterwards the engagement is either wholly there (its export equals the file) or not
 * there at all, the app starts, and what was stored before is intact.
 *
 * An engagement is one row in `engagements` plus its document's updates in
 * `$engagements.doc_updates`; an import writes both in one IndexedDB transaction, and an edit is
 * one Yjs transaction that y-dexie writes as one update row, so IndexedDB's own atomicity is what
 * these tests hold the app to.
 */

const DB = 'crm-strategy-workbench';
const UPDATES = '$engagements.doc_updates';
const IMPORTED_ID = 'crash-import';
const IMPORTED_NAME = 'Crash test import';
/** Touchpoints added to the sample: a file of about 5 MB, whose write takes a while. */
const EXTRA_TOUCHPOINTS = 4_000;

test.describe.configure({ timeout: 120_000 });

type Json = Record<string, unknown>;
interface Stored {
	id: string;
	text: string;
	content: unknown;
}

/** The sample engagement, created and exported: what was stored before the crash. */
async function storeSample(page: Page): Promise<Stored> {
	await new EngagementsList(page).goto();
	await page.getByRole('button', { name: 'Open the sample engagement' }).click();
	await page.getByRole('dialog').getByRole('button', { name: 'Create and open' }).click();
	const ws = new Workspace(page);
	await ws.field('Notes').fill('Stored before the crash.');
	await ws.expectSaved();
	const exported = await ws.export();
	const engagement = exported.json.engagement as Json;
	return { id: engagement.id as string, text: exported.text, content: engagement.content };
}

/** A large engagement file built from the sample's export: thousands of touchpoints more. */
function largeFile(sample: Stored, name = IMPORTED_NAME, id = IMPORTED_ID): Json {
	const file = JSON.parse(sample.text) as Json;
	const engagement = file.engagement as Json;
	const content = engagement.content as Json;
	engagement.id = id;
	(content.profile as Json).name = name;
	const journey = content.journey as { stages: Json[]; touchpoints: Json[] };
	const stageId = journey.stages[0]!.id;
	for (let i = 0; i < EXTRA_TOUCHPOINTS; i++)
		journey.touchpoints.push({
			id: `crash-tp-${i}`,
			stageId,
			channelId: null,
			segmentIds: null,
			name: `Touchpoint ${i}`,
			department: 'Operations',
			description: `Touchpoint ${i}: ${'lorem ipsum dolor sit amet '.repeat(40)}`,
			pains: '',
			momentOfTruth: i % 7 === 0,
			ratingToday: null,
			ratingTarget: null,
			today: '',
			target: '',
			initiativeId: null
		});
	return file;
}

/** What the database holds for one engagement, read from IndexedDB itself. */
async function storedRows(page: Page, id: string) {
	return page.evaluate(
		async ({ name, updates, id }) => {
			const db = await new Promise<IDBDatabase>((resolve, reject) => {
				const open = indexedDB.open(name);
				open.onsuccess = () => resolve(open.result);
				open.onerror = () => reject(open.error);
			});
			const count = (store: string, query: IDBValidKey | IDBKeyRange, index?: string) =>
				new Promise<number>((resolve, reject) => {
					const s = db.transaction(store).objectStore(store);
					const r = (index ? s.index(index) : s).count(query);
					r.onsuccess = () => resolve(r.result);
					r.onerror = () => reject(r.error);
				});
			const result = {
				rows: await count('engagements', id),
				updates: await count(updates, id, 'k')
			};
			db.close();
			return result;
		},
		{ name: DB, updates: UPDATES, id }
	);
}

/**
 * Crashes the page's renderer (Chromium's `Page.crash`, which the renderer's IO thread carries
 * out, so it works while the page's main thread is busy), or closes the tab; waits until it is
 * gone.
 */
async function killer(context: BrowserContext, page: Page) {
	// Attached beforehand: attaching needs the page's main thread, crashing does not.
	const cdp = await context.newCDPSession(page);
	return async (how: 'crash' | 'close') => {
		if (how === 'close') {
			await page.close({ runBeforeUnload: false });
			return;
		}
		const crashed = page.waitForEvent('crash');
		// The renderer dies before it could answer.
		cdp.send('Page.crash').catch(() => {});
		await crashed;
		await page.close().catch(() => {});
	};
}

/**
 * Arms a trap for the next write of a large document update (an import's, or a large edit's):
 * right after the write is issued, the page makes a synchronous request that the test holds,
 * so its main thread waits while the test crashes it (Chromium crashes a renderer from its IO
 * thread): the write's transaction cannot have committed.
 */
async function armCrashDuringLargeWrite(
	context: BrowserContext,
	page: Page
): Promise<{ crashed: Promise<void> }> {
	let fired: () => void;
	const issued = new Promise<void>((resolve) => (fired = resolve));
	await page.route('**/__large-write-issued', () => fired());
	await page.evaluate((updates) => {
		const original = IDBObjectStore.prototype.add;
		IDBObjectStore.prototype.add = function (
			this: IDBObjectStore,
			value: unknown,
			key?: IDBValidKey
		) {
			const request = original.call(this, value, key);
			const u = (value as { u?: Uint8Array } | null)?.u;
			if (this.name === updates && u instanceof Uint8Array && u.byteLength > 1_000_000) {
				IDBObjectStore.prototype.add = original;
				const hold = new XMLHttpRequest();
				hold.open('GET', '/__large-write-issued', false);
				try {
					hold.send();
				} catch {
					// Only if the crash did not come.
				}
			}
			return request;
		};
	}, UPDATES);
	const kill = await killer(context, page);
	return { crashed: issued.then(() => kill('crash')) };
}

/** After the crash: the app starts in a new tab, the sample is intact, the import all or nothing. */
async function expectAllOrNothing(
	context: BrowserContext,
	sample: Stored,
	file: Json
): Promise<'absent' | 'whole'> {
	const page = await context.newPage();
	await new EngagementsList(page).goto();
	const sampleName = ((sample.content as Json).profile as Json).name as string;
	await expect(page.getByRole('rowheader', { name: sampleName, exact: true })).toBeVisible();

	const stored = await storedRows(page, IMPORTED_ID);
	const listed = await page.getByRole('rowheader', { name: IMPORTED_NAME, exact: true }).count();
	let outcome: 'absent' | 'whole';
	if (stored.rows === 0) {
		// Nothing: no row, no stray document, nothing in the list.
		expect(stored.updates).toBe(0);
		expect(listed).toBe(0);
		outcome = 'absent';
	} else {
		expect(stored).toMatchObject({ rows: 1 });
		expect(stored.updates).toBeGreaterThan(0);
		expect(listed).toBe(1);
		await page.goto(`/#/e/${IMPORTED_ID}`);
		await expect(page.getByLabel('Engagement name')).toHaveValue(IMPORTED_NAME);
		const again = await new Workspace(page).export();
		expect((again.json.engagement as Json).content).toEqual((file.engagement as Json).content);
		outcome = 'whole';
	}

	// What was stored before is intact.
	await page.goto(`/#/e/${sample.id}`);
	await expect(page.getByLabel('Notes')).toHaveValue('Stored before the crash.');
	const before = await new Workspace(page).export();
	expect((before.json.engagement as Json).content).toEqual(sample.content);
	return outcome;
}

/** Chooses the file in the import dialog and waits until it is checked (Import enabled). */
async function chooseLargeFile(page: Page, file: Json) {
	await page.getByRole('link', { name: 'Engagements' }).click();
	const dialog = await chooseImportFile(page, 'large.crmws.json', JSON.stringify(file));
	const importButton = dialog.getByRole('button', { name: 'Import', exact: true });
	await expect(importButton).toBeEnabled({ timeout: 60_000 });
	return importButton;
}

test('control: the large file, not interrupted, imports whole', async ({ page, context }) => {
	const sample = await storeSample(page);
	const file = largeFile(sample);
	await (await chooseLargeFile(page, file)).click();
	await expect(page.getByLabel('Engagement name')).toHaveValue(IMPORTED_NAME, { timeout: 60_000 });
	await page.close();
	expect(await expectAllOrNothing(context, sample, file)).toBe('whole');
});

test('a tab that crashes while the import is being written leaves all or nothing', async ({
	page,
	context
}) => {
	const sample = await storeSample(page);
	const file = largeFile(sample);
	const importButton = await chooseLargeFile(page, file);
	const { crashed } = await armCrashDuringLargeWrite(context, page);
	await importButton.click();
	await crashed;
	// Caught with its write issued but not committed: nothing of it remains.
	expect(await expectAllOrNothing(context, sample, file)).toBe('absent');
});

// The same, with the tab crashed or closed some time after Import is pressed: while the file
// is turned into a document, while it is written, or just after.
for (const [how, delay] of [
	['crash', 0],
	['crash', 50],
	['crash', 150],
	['crash', 400],
	['close', 100],
	['close', 400]
] as const) {
	test(`a tab ${how === 'crash' ? 'that crashes' : 'closed'} ${delay} ms into an import leaves all or nothing`, async ({
		page,
		context
	}) => {
		const sample = await storeSample(page);
		const file = largeFile(sample);
		const importButton = await chooseLargeFile(page, file);
		const kill = await killer(context, page);
		await importButton.click();
		await page.waitForTimeout(delay);
		await kill(how);
		const outcome = await expectAllOrNothing(context, sample, file);
		test.info().annotations.push({ type: 'outcome', description: outcome });
	});
}

/* ---- a large edit: "Replace from file" swaps the whole content of the open engagement ---- */

/** Replaces the open engagement's content from `file`, up to the press of Replace. */
async function chooseReplacement(page: Page, file: Json) {
	await page.getByRole('button', { name: 'Replace from file…' }).click();
	const dialog = page.getByRole('dialog');
	await dialog.getByLabel('Engagement file').setInputFiles({
		name: 'replacement.crmws.json',
		mimeType: 'application/json',
		buffer: Buffer.from(JSON.stringify(file))
	});
	await dialog.getByRole('checkbox').check({ timeout: 60_000 });
	return dialog.getByRole('button', { name: 'Replace', exact: true });
}

/** After the crash: the engagement holds the old content or the new, whole, never a mix. */
async function expectOldOrNew(context: BrowserContext, sample: Stored, file: Json) {
	const page = await context.newPage();
	await new EngagementsList(page).goto();
	await page.goto(`/#/e/${sample.id}`);
	await expect(page.getByLabel('Engagement name')).toBeVisible();
	const now = (((await new Workspace(page).export()).json.engagement as Json).content ??
		{}) as Json;
	const replaced = (file.engagement as Json).content as Json;
	const outcome = JSON.stringify(now) === JSON.stringify(sample.content) ? 'old' : 'new';
	expect(now).toEqual(outcome === 'old' ? sample.content : replaced);
	return outcome;
}

test('control: a large replacement, not interrupted, is whole', async ({ page, context }) => {
	const sample = await storeSample(page);
	const file = largeFile(sample, 'Replaced content', sample.id);
	await (await chooseReplacement(page, file)).click();
	await expect(page.getByLabel('Engagement name')).toHaveValue('Replaced content', {
		timeout: 60_000
	});
	await new Workspace(page).expectSaved();
	await page.close();
	expect(await expectOldOrNew(context, sample, file)).toBe('new');
});

test('a tab that crashes while a large edit is being written keeps the content before it', async ({
	page,
	context
}) => {
	const sample = await storeSample(page);
	const file = largeFile(sample, 'Replaced content', sample.id);
	const replace = await chooseReplacement(page, file);
	const { crashed } = await armCrashDuringLargeWrite(context, page);
	await replace.click();
	await crashed;
	expect(await expectOldOrNew(context, sample, file)).toBe('old');
});

for (const delay of [0, 100, 400]) {
	test(`a tab that crashes ${delay} ms into a large edit leaves the old content or the new, whole`, async ({
		page,
		context
	}) => {
		const sample = await storeSample(page);
		const file = largeFile(sample, 'Replaced content', sample.id);
		const replace = await chooseReplacement(page, file);
		const kill = await killer(context, page);
		await replace.click();
		await page.waitForTimeout(delay);
		await kill('crash');
		const outcome = await expectOldOrNew(context, sample, file);
		test.info().annotations.push({ type: 'outcome', description: outcome });
	});
}
