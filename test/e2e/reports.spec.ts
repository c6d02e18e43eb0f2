import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './test.ts';
import { EngagementsList } from './pages.ts';

/**
 * Reports end to end: choose the report, its sections and its language in the UI, make the PDF,
 * and check the downloaded file with poppler's tools (text in reading order, embedded subset
 * fonts, page count); page 1 is kept as a PNG beside the test's artefacts.
 */

async function openSample(page: Page) {
	await new EngagementsList(page).goto();
	await page.getByRole('button', { name: 'Open the sample engagement' }).click();
	await page.getByRole('dialog').getByRole('button', { name: 'Create and open' }).click();
	await expect(page.getByLabel('Engagement name')).toBeVisible();
	await page
		.getByRole('navigation', { name: 'Engagement areas' })
		.getByRole('link', { name: 'Reports', exact: true })
		.click();
}

async function makePdf(page: Page, name: string) {
	const download = page.waitForEvent('download', { timeout: 90_000 });
	await page.getByRole('button', { name: 'Make PDF' }).click();
	const file = await download;
	const out = path.join(test.info().outputDir, name);
	fs.mkdirSync(path.dirname(out), { recursive: true });
	fs.copyFileSync((await file.path())!, out);
	return { suggested: file.suggestedFilename(), file: out };
}

const text = (file: string) => execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
const pages = (file: string) =>
	Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
function fonts(file: string) {
	return execFileSync('pdffonts', [file], { encoding: 'utf8' })
		.split('\n')
		.slice(2)
		.filter(Boolean);
}
function pageOne(file: string) {
	execFileSync('pdftoppm', [
		'-png',
		'-r',
		'50',
		'-f',
		'1',
		'-l',
		'1',
		'-singlefile',
		file,
		file.replace(/\.pdf$/, '-page1')
	]);
}

test('an assessment report in traditional Chinese, with a section left out', async ({ page }) => {
	test.setTimeout(180_000);
	await openSample(page);
	await page.getByRole('radio', { name: /^Assessment report/ }).check();
	await page.getByLabel('Report language').selectOption({ label: '繁體中文' });
	// The footer line follows the report's language.
	await expect(page.getByLabel('Confidentiality line')).toHaveValue(/^機密/);
	await page.getByRole('checkbox', { name: 'Scores by question' }).uncheck();
	await page.getByLabel('Company', { exact: true }).fill('Harbour & Partners <b>');
	const { file, suggested } = await makePdf(page, 'assessment-zh-TW.pdf');
	expect(suggested).toMatch(/\.pdf$/);
	pageOne(file);

	const words = text(file);
	// The cover, then the contents, then the sections in order; the left-out one is absent.
	const order = ['成熟度評估報告', 'Harbour & Partners <b>', '目錄', '執行摘要', '評估結果'];
	let at = -1;
	for (const w of order) {
		const next = words.indexOf(w, at + 1);
		expect(next, w).toBeGreaterThan(at);
		at = next;
	}
	expect(words).not.toContain('逐題分數');
	expect(words).toMatch(/第 1 頁，共 \d+ 頁/);
	for (const line of fonts(file)) expect(line).toMatch(/CID TrueType\s+Identity-H\s+yes yes yes/);
	expect(fonts(file).join('\n')).toContain('NotoSansTC');
	expect(pages(file)).toBeGreaterThanOrEqual(4);
});

test('the executive report in English can be cancelled, then made with its charts and diagrams', async ({
	page
}) => {
	test.setTimeout(240_000);
	await openSample(page);
	await page.getByLabel('Report language').selectOption({ label: 'English' });
	await page.getByRole('button', { name: 'Make PDF' }).click();
	await page.getByRole('button', { name: 'Cancel' }).click();
	await expect(page.getByText('The report was cancelled.')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Make PDF' })).toBeEnabled();

	const { file } = await makePdf(page, 'executive-en.pdf');
	pageOne(file);
	const words = text(file);
	for (const w of [
		'Executive strategy report',
		'Contents',
		'Executive summary',
		'Customer segments',
		'Business case',
		'Roadmap',
		'Appendix: assumptions and methods'
	])
		expect(words, w).toContain(w);
	expect(words).toMatch(/Page 1 of \d+/);
	expect(pages(file)).toBeGreaterThanOrEqual(10);
	// Diagrams are vector drawings whose labels are text: a workflow node of the sample.
	expect(fs.statSync(file).size).toBeLessThan(2_000_000);
});
