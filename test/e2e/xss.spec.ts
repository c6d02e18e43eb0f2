import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Frame, Page } from '@playwright/test';
import { chooseImportFile, EngagementsList, Workspace } from './pages.ts';
import { expect, test } from './test.ts';
import { HOSTILE_DIAGRAMS, PAYLOADS } from './xss/corpus.ts';
import { hostileFile, textPaths } from './xss/hostile-file.ts';

/**
 * No user text is ever rendered as HTML: the sample engagement, exported, gets an XSS payload in
 * every text field (see xss/hostile-file.ts), is imported through the UI, and then every page of
 * it is shown, every diagram drawn and exported, and the executive report made. Nothing may run
 * (no dialog, no `__xss` mark in the page or any frame), no element may carry an event handler or
 * a script URL, and the guard in test.ts sees no policy violation and no request to another
 * origin. The payloads show as the literal text they are.
 */

const NAME = 'XSS <img src=x onerror="top.__xss=0"> engagement';

/** Runs in the page (and in each frame): what in the document came from user text as markup. */
function unsafeMarkup(): string[] {
	const bad: string[] = [];
	const mark = (window as unknown as { __xss?: unknown }).__xss;
	if (mark !== undefined) bad.push(`__xss = ${String(mark)}`);
	const MARK = /__xss|evil\.example|javascript:|data:text\/html/i;
	const URL_ATTRIBUTES = new Set([
		'href',
		'xlink:href',
		'src',
		'srcset',
		'srcdoc',
		'action',
		'formaction',
		'data',
		'style',
		'background',
		'poster',
		'content',
		'ping',
		'codebase',
		'http-equiv'
	]);
	// Elements the app never makes: any of them would be a payload's.
	const NEVER = new Set([
		'iframe',
		'frame',
		'frameset',
		'object',
		'embed',
		'base',
		'math',
		'mglyph'
	]);
	for (const el of document.querySelectorAll('*')) {
		const tag = el.localName.toLowerCase();
		if (NEVER.has(tag)) bad.push(`<${tag}>`);
		if (tag === 'meta' && el.parentElement !== document.head) bad.push('<meta> in the body');
		if ((tag === 'script' || tag === 'style') && MARK.test(el.textContent ?? ''))
			bad.push(`<${tag}>${(el.textContent ?? '').slice(0, 60)}`);
		if (tag === 'img' && el.getAttribute('src') === 'x') bad.push('<img src=x>');
		for (const a of el.attributes) {
			const name = a.name.toLowerCase();
			if (name.startsWith('on')) bad.push(`<${tag} ${name}="${a.value.slice(0, 60)}">`);
			else if (URL_ATTRIBUTES.has(name) && MARK.test(a.value))
				bad.push(`<${tag} ${name}="${a.value.slice(0, 60)}">`);
		}
	}
	return bad;
}

/** Runs in the page: the text a user sees or edits, diagram labels included. */
function shownText(): string {
	const parts = [document.body.innerText];
	for (const el of document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(
		'input, textarea'
	))
		parts.push(el.value);
	for (const el of document.querySelectorAll('option, svg text, svg title, svg desc'))
		parts.push(el.textContent ?? '');
	return parts.join('\n');
}

/** Lines that wrap are joined again: whitespace runs count as one space. */
const squash = (s: string) => s.replace(/\s+/g, ' ');

interface Checker {
	dialogs: string[];
	/** Checks the page now; `where` names it in failures. Returns how many payloads it shows. */
	check(where: string): Promise<number>;
	/** Payloads seen, over all checks. */
	seen: Set<number>;
	/** Pages checked, with how many payloads each showed. */
	pages: Map<string, number>;
}

function checker(page: Page): Checker {
	const dialogs: string[] = [];
	page.on('dialog', (d) => {
		dialogs.push(d.message());
		void d.dismiss().catch(() => undefined);
	});
	const seen = new Set<number>();
	const pages = new Map<string, number>();
	const inFrame = (frame: Frame) =>
		frame.evaluate(unsafeMarkup).catch((e: unknown) => [`frame ${frame.url()}: ${String(e)}`]);
	return {
		dialogs,
		seen,
		pages,
		async check(where) {
			const bad = (await Promise.all(page.frames().map(inFrame))).flat();
			expect(bad, `${where}: markup from user text`).toEqual([]);
			expect(dialogs, `${where}: dialogs`).toEqual([]);
			const text = squash(await page.evaluate(shownText));
			const shown = PAYLOADS.map((p, i) => (text.includes(squash(p)) ? i : -1)).filter(
				(i) => i >= 0
			);
			shown.forEach((i) => seen.add(i));
			expect(shown.length, `${where}: payloads shown as text`).toBeGreaterThan(0);
			pages.set(where, shown.length);
			return shown.length;
		}
	};
}

/** Opens the sample, exports it, makes it hostile and imports that as a new engagement. */
async function importHostile(page: Page, c: Checker) {
	const list = new EngagementsList(page);
	await list.goto();
	await page.getByRole('button', { name: 'Open the sample engagement' }).click();
	await page.getByRole('dialog').getByRole('button', { name: 'Create and open' }).click();
	await expect(page.getByLabel('Engagement name')).toBeVisible();
	const { json } = await new Workspace(page).export();
	const hostile = hostileFile(json, NAME);
	// Every kind of user text in the format got a payload, and so did the corpus as a whole.
	expect([...textPaths()].filter((p) => !hostile.covered.has(p))).toEqual([]);
	expect(hostile.used.size).toBe(PAYLOADS.length);
	await list.goto();
	const dialog = await chooseImportFile(page, 'xss.crmws.json', hostile.text);
	await expect(dialog).toContainText(NAME);
	await c.check('import preview');
	await dialog.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(page.getByLabel('Engagement name')).toHaveValue(NAME);
	return hostile;
}

const nav = (page: Page) => page.getByRole('navigation', { name: 'Engagement areas' });
async function go(page: Page, area: string) {
	await nav(page).getByRole('link', { name: area, exact: true }).click();
	await expect(nav(page).getByRole('link', { name: area, exact: true })).toHaveAttribute(
		'aria-current',
		'page'
	);
	await expect(page.locator('main h2').first()).toBeVisible();
}

/** Waits until every diagram on the page is drawn or has said why not. */
async function diagramsDrawn(page: Page) {
	const figures = page.locator('main figure.diagram');
	await expect(figures.first()).toBeVisible();
	await expect(page.locator('main figure.diagram[aria-busy="true"]')).toHaveCount(0, {
		timeout: 30_000
	});
	return figures.count();
}

test('every page of an engagement full of XSS payloads shows them as text and runs none', async ({
	page
}) => {
	test.setTimeout(240_000);
	const c = checker(page);
	const hostile = await importHostile(page, c);
	test.info().annotations.push({
		type: 'corpus',
		description: `${PAYLOADS.length} payloads in ${hostile.replaced} strings of ${hostile.covered.size} kinds of field`
	});

	await c.check('overview');
	const areas = await nav(page).getByRole('link').allInnerTexts();
	expect(areas.length).toBeGreaterThanOrEqual(16);
	for (const area of areas.slice(1)) {
		if (area === 'Reports') continue; // its own test
		await go(page, area);
		if (area === 'Versions') {
			// A version named with a payload, and what changed since it.
			await page.getByLabel('Name of the version').fill(PAYLOADS[1]!);
			await page.getByRole('button', { name: 'Save version' }).click();
			await page
				.getByRole('button', { name: /What changed since/ })
				.first()
				.click();
			await expect(page.locator('tr.changes')).toBeVisible();
		}
		if (await page.locator('main figure.diagram').count()) await diagramsDrawn(page);
		await c.check(area);
	}

	// The touchpoint editor.
	await go(page, 'Touchpoint map');
	await page.locator('button.touchpoint').first().click();
	await expect(page.getByRole('dialog')).toBeVisible();
	await c.check('touchpoint editor');
	await page.getByRole('dialog').getByRole('button', { name: 'Done' }).click();

	// The roadmap's tabs: tasks, Gantt chart, progress, phases, team.
	await go(page, 'Roadmap');
	for (const tab of await page.getByRole('tab').allInnerTexts()) {
		await page.getByRole('tab', { name: tab, exact: true }).click();
		if (await page.locator('main figure.diagram').count()) await diagramsDrawn(page);
		await c.check(`roadmap: ${tab}`);
	}

	// Each assessment: answers, facilitator view and results.
	await go(page, 'Assessments');
	const runs = await page.locator('main table a').count();
	expect(runs).toBeGreaterThanOrEqual(6);
	for (let i = 0; i < runs; i++) {
		await go(page, 'Assessments');
		const link = page.locator('main table a').nth(i);
		const href = (await link.getAttribute('href'))!;
		await link.click();
		await expect(page).toHaveURL(new RegExp(`${href.replace(/^#/, '#?')}$`));
		await expect(page.locator('main h2').first()).toBeVisible();
		await c.check(`assessment ${href.replace(/^.*\/assessments\/[^/]+/, '') || 'answers'} ${i}`);
	}

	// The list of engagements names it too.
	await new EngagementsList(page).goto();
	await expect(page.getByRole('rowheader').first()).toBeVisible();
	await c.check('engagements');
	await expect(page.getByRole('rowheader', { name: NAME })).toBeVisible();
	expect(c.dialogs).toEqual([]);
	test.info().annotations.push({
		type: 'pages',
		description: [...c.pages].map(([p, n]) => `${p}: ${n}`).join('; ')
	});
	// Most payloads show somewhere as they were typed.
	expect(c.seen.size).toBeGreaterThanOrEqual(PAYLOADS.length - 3);
});

test('journey, workflow and free Mermaid diagrams of XSS payloads draw them as text and export safely', async ({
	page
}) => {
	test.setTimeout(240_000);
	const c = checker(page);
	await importHostile(page, c);

	await go(page, 'Journey diagrams');
	await diagramsDrawn(page);
	await c.check('journeys: all segments, today');
	await page.getByLabel('State').selectOption('target');
	await diagramsDrawn(page);
	await c.check('journeys: all segments, target');
	const segments = await page.getByLabel('Segment', { exact: true }).locator('option').count();
	for (let i = 1; i < segments; i++) {
		await page.getByLabel('Segment', { exact: true }).selectOption({ index: i });
		await diagramsDrawn(page);
		await c.check(`journeys: segment ${i}`);
	}

	await go(page, 'Workflows');
	await diagramsDrawn(page);
	await c.check('workflow today');
	await page.getByRole('radio', { name: 'Target' }).check();
	await diagramsDrawn(page);
	await c.check('workflow target');

	// Exports of a drawn diagram: the SVG file holds no script, handler or outside reference.
	const figure = page.locator('main figure.diagram').first();
	const save = async (format: string) => {
		const download = page.waitForEvent('download');
		await figure.getByRole('button', { name: new RegExp(` as ${format}$`) }).click();
		const file = await download;
		const out = path.join(test.info().outputDir, file.suggestedFilename());
		await file.saveAs(out);
		return out;
	};
	const svg = fs.readFileSync(await save('SVG'), 'utf8');
	const svgProblems = await page.evaluate((markup) => {
		const doc = new DOMParser().parseFromString(markup, 'image/svg+xml');
		if (doc.querySelector('parsererror')) return ['not well-formed'];
		const bad: string[] = [];
		for (const el of doc.querySelectorAll('*')) {
			if (/^(script|foreignobject|iframe|image|a|use)$/i.test(el.localName)) bad.push(el.localName);
			for (const a of el.attributes)
				if (/^on/i.test(a.name) || /javascript:|evil\.example|__xss/i.test(a.value))
					bad.push(`${el.localName}[${a.name}]`);
		}
		const labels = [...doc.querySelectorAll('text')].map((t) => t.textContent).join(' ');
		return labels.includes('<') ? bad : [...bad, 'no payload in the labels'];
	}, svg);
	expect(svgProblems).toEqual([]);
	const png = fs.readFileSync(await save('PNG'));
	expect(png.subarray(1, 4).toString()).toBe('PNG');
	const mmd = fs.readFileSync(await save('MMD'), 'utf8');
	// The Mermaid text holds user text only as entity codes: no tag, no directive, no quote that
	// could end a label (a `click` line inside a label is text), no URL scheme.
	expect(mmd).toMatch(/#60;(img|script|svg)\b/);
	expect(mmd).not.toMatch(/<|%%|javascript:|https:/);

	// The free diagrams: each written to get past Mermaid's strict mode.
	await go(page, 'Mermaid diagrams');
	const picker = page.getByLabel('Diagrams', { exact: true });
	for (const [i, d] of HOSTILE_DIAGRAMS.entries()) {
		await picker.selectOption({ index: i });
		await expect(page.getByLabel('Mermaid text', { exact: true })).toHaveValue(d.text);
		await diagramsDrawn(page);
		await c.check(`free diagram ${d.title}`);
	}
	expect(c.dialogs).toEqual([]);
});

test('every report of an engagement full of XSS payloads prints them as text', async ({ page }) => {
	test.setTimeout(360_000);
	const c = checker(page);
	await importHostile(page, c);
	await go(page, 'Reports');
	await c.check('reports');
	const kinds = page.locator('input[name="report-kind"]');
	expect(await kinds.count()).toBeGreaterThanOrEqual(5);
	for (let k = 0; k < (await kinds.count()); k++) {
		await kinds.nth(k).check();
		const kind = (await kinds.nth(k).getAttribute('value'))!;
		await page.getByLabel('Report language').selectOption({ label: 'English' });
		await page.getByLabel('Company', { exact: true }).fill(PAYLOADS[1]!);

		const download = page.waitForEvent('download', { timeout: 120_000 });
		await page.getByRole('button', { name: 'Make PDF' }).click();
		const file = await download;
		const out = path.join(test.info().outputDir, `${kind}-xss.pdf`);
		await file.saveAs(out);
		await c.check(`reports: ${kind}`);

		const words = squash(execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' }));
		const printed = PAYLOADS.filter((p) => words.includes(squash(p)));
		test.info().annotations.push({
			type: `pdf ${kind}`,
			description: `${printed.length} of ${PAYLOADS.length} payloads printed as text`
		});
		// The company (on the cover) and the engagement's own texts print as they were typed.
		expect(printed, kind).toContain(PAYLOADS[1]);
		if (kind === 'executive') {
			expect(words).toContain(squash(NAME));
			expect(printed.length).toBeGreaterThanOrEqual(PAYLOADS.length / 2);
		} else expect(printed.length, kind).toBeGreaterThan(1);
		// A PDF can carry script and links of its own: this one carries none.
		const raw = fs.readFileSync(out, 'latin1');
		expect(raw, kind).not.toMatch(
			/\/(JavaScript|JS|Launch|URI|SubmitForm|ImportData|AA|OpenAction)\b/
		);
	}
	expect(c.dialogs).toEqual([]);
});
