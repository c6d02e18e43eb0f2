import type { Browser, Page } from '@playwright/test';
import * as Y from 'yjs';
import { expect, test } from './test.ts';
import { expectNoSeriousViolations } from './axe.ts';
import { EngagementsList } from './pages.ts';
import { readAccess } from '../../src/lib/domain/sharing/link.ts';
import {
	castVote,
	joinSession,
	readVoteSession
} from '../../src/lib/documents/vote-session-doc.ts';
import { connect, startServer, waitFor, type TestClient, type TestServer } from '../sync.ts';

/**
 * A workshop vote: the facilitator's app, two phones (browser contexts in Chinese) and thirty
 * scripted participants (y-websocket clients in Node) on the sync server on loopback.
 */

let server: TestServer;
test.beforeAll(async () => {
	server = await startServer();
});
test.afterAll(async () => {
	await server.dispose();
});
test.setTimeout(120_000);

async function openVote(page: Page): Promise<string> {
	const list = new EngagementsList(page);
	await list.goto();
	await list.create('Voting workshop');
	await page
		.getByRole('navigation', { name: 'Engagement areas' })
		.getByRole('link', { name: 'Assessments', exact: true })
		.click();
	await page.getByLabel('Model', { exact: true }).selectOption({ label: 'CRM strategy maturity' });
	await page.getByLabel('Title of this run').fill('Kick-off vote');
	await page.getByLabel('Workshop date').fill('2026-11-20');
	await page.getByRole('button', { name: 'Start the assessment' }).click();
	await page.getByRole('link', { name: 'Phone vote' }).click();
	await page.getByLabel('Sync server address').fill(server.url);
	await page.getByRole('button', { name: 'Open the vote' }).click();
	await expect(
		page.getByRole('status').filter({ hasText: 'Connected and up to date' })
	).toBeVisible({
		timeout: 20_000
	});
	await expect(page.getByText('Question 1 of 46')).toBeVisible();
	return page.getByRole('textbox', { name: 'Link to the vote' }).inputValue();
}

interface Phone {
	page: Page;
	sockets: string[];
}

async function phone(browser: Browser, link: string, locale: string, name: string): Promise<Phone> {
	const context = await browser.newContext({ locale, viewport: { width: 390, height: 844 } });
	const page = await context.newPage();
	const sockets: string[] = [];
	page.on('websocket', (ws) => sockets.push(ws.url()));
	await page.goto(link);
	await page.getByRole('textbox').fill(name);
	await page.getByRole('button').last().click();
	return { page, sockets };
}

test('phones and thirty scripted participants vote; every vote lands once, as that participant’s answer', async ({
	page,
	browser
}) => {
	const link = await openVote(page);
	const read = await readAccess(link);
	if (!('access' in read)) throw new Error(`bad link: ${read.problem}`);
	const { access } = read;

	const wang = await phone(browser, link, 'zh-CN', 'Wang Min');
	const chen = await phone(browser, link, 'zh-TW', 'Chen Jie');
	// Only the voting view, in the phone's language: the open question and the levels.
	await expect(wang.page.getByText('第 1 题，共 46 题')).toBeVisible({ timeout: 20_000 });
	await expect(chen.page.getByText('第 1 題，共 46 題')).toBeVisible({ timeout: 20_000 });
	await expect(wang.page.getByRole('navigation')).toHaveCount(0);
	const today = wang.page.getByRole('group', { name: '目前水平' });
	await today.getByRole('radio', { name: /^2 ·/ }).check();
	await wang.page
		.getByRole('group', { name: '目标水平' })
		.getByRole('radio', { name: /^4 ·/ })
		.check();
	await chen.page
		.getByRole('group', { name: '目前水準' })
		.getByRole('radio', { name: /^3 ·/ })
		.check();
	// A change of mind before the reveal.
	await today.getByRole('radio', { name: /^3 ·/ }).check();
	await expect(today.getByRole('radio', { name: /^3 ·/ })).toBeChecked();
	await expectNoSeriousViolations(wang.page, 'phone, voting (zh-CN)');

	// Thirty more, at once: each joins and votes today = 1 + (i mod 5), target = 5.
	const clients: Array<{ doc: Y.Doc; client: TestClient }> = [];
	try {
		for (let i = 0; i < 30; i++) {
			const doc = new Y.Doc();
			clients.push({ doc, client: connect(server.url, access, doc) });
		}
		await Promise.all(clients.map(({ client }) => client.synced));
		const question = readVoteSession(clients[0]!.doc)!.open!;
		clients.forEach(({ doc }, i) => {
			const id = `scripted-${i}`;
			expect(joinSession(doc, id, `Participant ${i + 1}`)).toBe(true);
			expect(castVote(doc, id, question, 'current', 1 + (i % 5))).toBe(true);
			expect(castVote(doc, id, question, 'target', 5)).toBe(true);
		});

		await expect(page.getByText('Joined: 32')).toBeVisible({ timeout: 20_000 });
		await expect(page.getByText('32 of 32 have voted')).toBeVisible({ timeout: 20_000 });
		await page.getByRole('button', { name: 'Reveal the votes' }).click();

		// Today: 1–5 six times each (scripted), plus Wang 3 and Chen 3.
		const todayTable = page.getByRole('table', { name: /Where we are today/ });
		await expect(todayTable.getByRole('row', { name: /^1 · Initial/ })).toContainText('6');
		await expect(todayTable.getByRole('row', { name: /^3 · Defined/ })).toContainText('8');
		const target = page.getByRole('table', { name: /Where we aim to be/ });
		await expect(target.getByRole('row', { name: /^5 · / })).toContainText('30');
		await expect(target.getByRole('row', { name: /^4 · / })).toContainText('1');
		await expectNoSeriousViolations(page, 'phone vote, revealed');

		// The phones see the reveal and can no longer change their answer.
		await expect(wang.page.getByText('本题的投票已公布')).toBeVisible();
		await expect(today.getByRole('radio', { name: /^3 ·/ })).toBeDisabled();
		await expectNoSeriousViolations(chen.page, 'phone, revealed (zh-TW)');
		// A scripted vote after the reveal is refused and never counted.
		expect(castVote(clients[0]!.doc, 'scripted-0', question, 'current', 5)).toBe(false);

		// Every voter is now a participant of the run, with the answer they voted.
		await page.getByRole('link', { name: 'People and answers' }).click();
		await expect(page.getByRole('button', { name: 'Remove' })).toHaveCount(32);
		await page.getByLabel('Answers of').selectOption({ label: 'Wang Min' });
		const first = page.getByRole('group', { name: /^Is there a written value proposition/ });
		await expect(first.getByLabel('Today')).toHaveValue('3');
		await expect(first.getByLabel('Target')).toHaveValue('4');
		await page.getByLabel('Answers of').selectOption({ label: 'Participant 7' });
		await expect(first.getByLabel('Today')).toHaveValue('2');
		await expect(first.getByLabel('Target')).toHaveValue('5');

		// Next question on the phones; then the vote ends everywhere.
		await page.getByRole('link', { name: 'Phone vote' }).click();
		await page.getByRole('button', { name: 'Next question' }).click();
		await expect(chen.page.getByText('第 2 題，共 46 題')).toBeVisible();
		await page.getByRole('button', { name: 'End the vote' }).click();
		await expect(wang.page.getByText('本次投票已结束')).toBeVisible();
		await waitFor(() => readVoteSession(clients[5]!.doc)?.closed === true, 'the vote to close');
		await expect(page.getByRole('button', { name: 'Open the vote' })).toBeVisible();
	} finally {
		for (const { client } of clients) client.destroy();
	}

	// The phones only ever spoke to the vote's room, and hold no engagement.
	for (const p of [wang, chen]) {
		expect(new Set(p.sockets)).toEqual(new Set([`${server.url}/${access.room}`]));
		const engagements = await p.page.evaluate(
			() =>
				new Promise<number>((resolve) => {
					const open = indexedDB.open('crm-strategy-workbench');
					open.onsuccess = () => {
						const count = open.result.transaction('engagements').objectStore('engagements').count();
						count.onsuccess = () => resolve(count.result);
					};
				})
		);
		expect(engagements).toBe(0);
		await p.page.context().close();
	}
});
