import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './test.ts';
import { blankContent } from '../../src/lib/domain/engagement/profile.ts';
import { makeEngagementFile } from '../../src/lib/domain/formats/engagement-file.ts';
import { blankTouchpoint } from '../../src/lib/domain/journey/model.ts';
import { blankSegment } from '../../src/lib/domain/strategy/model.ts';
import { chooseImportFile, EngagementsList } from './pages.ts';

const nav = (page: Page, name: string) =>
	page.getByRole('navigation').getByRole('link', { name, exact: true }).click();

/** The text a drawn diagram shows, label by label ("|" between labels, a space between lines). */
const diagramText = (page: Page, id: string) =>
	page.locator(`#${id} .diagram-canvas svg`).evaluate((svg) =>
		[...svg.querySelectorAll('text')]
			.map((text) => {
				const rows = [...text.querySelectorAll('tspan.text-outer-tspan')];
				return rows.length > 0 ? rows.map((r) => r.textContent).join(' ') : text.textContent;
			})
			.join('|')
	);

async function openSample(page: Page) {
	await new EngagementsList(page).goto();
	await page.getByRole('button', { name: 'Open the sample engagement' }).click();
	await page.getByRole('dialog').getByRole('button', { name: 'Create and open' }).click();
	await expect(page.getByLabel('Engagement name')).toBeVisible();
}

test('a touchpoint added on the map shows in the grid and in both journey diagrams', async ({
	page
}) => {
	const list = new EngagementsList(page);
	await list.goto();
	await list.create('Map test');
	await nav(page, 'Touchpoint map');
	await page.getByRole('button', { name: /Add lifecycle stages/ }).click();
	await expect(page.getByLabel('Name of stage 6')).toHaveValue('Loyalty');
	await page.getByLabel('New channel').fill('Branch 网点');
	await page.getByRole('button', { name: 'Add channel' }).click();
	await page
		.getByRole('button', { name: 'Add a touchpoint for Purchase through Branch 网点' })
		.click();
	const dialog = page.getByRole('dialog');
	const name = 'Open an account “VIP” (开户) <b>now</b>';
	await dialog.getByLabel('Name').fill(name);
	await dialog.getByLabel('Owning department').fill('Retail: branches');
	await dialog.getByLabel('Experience today').selectOption({ label: '−1 Poor' });
	await dialog.getByLabel('Target experience').selectOption({ label: '+2 Excellent' });
	await dialog.getByLabel('Moment of truth').check();
	await dialog.getByRole('button', { name: 'Done' }).click();

	const card = page.locator('button.touchpoint', { hasText: name });
	// Focus comes back to the card once the editor closes.
	await expect(card).toBeFocused();
	await expect(card).toContainText('Today −1 Poor');
	await expect(card).toContainText('Target +2 Excellent');
	await expect(card).toContainText('★');
	await expect(page.getByTestId('map-summary')).toHaveText(
		'1 touchpoints, 1 moments of truth, 1 below target'
	);

	await nav(page, 'Journey diagrams');
	await expect(page.locator('#journey-diagram .diagram-canvas svg')).toBeVisible();
	// The journey diagram writes ":" as "："; the flowchart keeps every character.
	expect(await diagramText(page, 'journey-diagram')).toContain('Retail： branches');
	await expect(page.locator('#flow-diagram .diagram-canvas svg')).toBeVisible();
	const flow = await diagramText(page, 'flow-diagram');
	expect(flow).toContain(`★ ${name}`);
	expect(flow).toContain('Branch 网点');
	expect(flow).toContain('−1 Poor');

	await page.getByLabel('State').selectOption('target');
	await expect
		.poll(() => diagramText(page, 'flow-diagram'), { timeout: 10_000 })
		.toContain('+2 Excellent');
});

test('editing a workflow connection redraws the diagram; SVG, PNG and .mmd exports hold the diagram', async ({
	page
}) => {
	await openSample(page);
	await nav(page, 'Workflows');
	const canvas = page.locator('#workflow-diagram .diagram-canvas svg');
	await expect(canvas).toBeVisible();
	await page
		.getByLabel('Label of connection 1', { exact: true })
		.fill('Hands over the "loan file" & 资料');
	await expect
		.poll(() => diagramText(page, 'workflow-diagram'), { timeout: 10_000 })
		.toContain('"loan file" & 资料');

	const save = async (format: string) => {
		const download = page.waitForEvent('download');
		await page.getByRole('button', { name: `Download Workflow: Today as ${format}` }).click();
		const file = await download;
		return { name: file.suggestedFilename(), data: fs.readFileSync((await file.path())!) };
	};
	const svg = await save('SVG');
	expect(svg.name).toMatch(/Workflow-Today\.svg$/);
	const text = svg.data.toString('utf8');
	expect(text.startsWith('<?xml')).toBe(true);
	expect(text).toMatch(/<svg[^>]* width="\d+"[^>]* height="\d+"/);
	expect(text).toContain('"loan');
	expect(text).toContain('&amp;');
	expect(text).toContain('资料');
	expect(text).not.toMatch(/<foreignObject|<script|<image|\son\w+=/i);
	// It is well-formed SVG that a browser draws at its stated size.
	const drawn = await page.evaluate(async (markup) => {
		const doc = new DOMParser().parseFromString(markup, 'image/svg+xml');
		if (doc.querySelector('parsererror')) return null;
		const img = new Image();
		img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`;
		await img.decode();
		return [img.naturalWidth, img.naturalHeight];
	}, text);
	expect(drawn![0]).toBeGreaterThan(300);

	const png = await save('PNG');
	expect(png.data.subarray(1, 4).toString('latin1')).toBe('PNG');
	const [width, height, inked] = await page.evaluate(async (base64) => {
		const img = new Image();
		img.src = `data:image/png;base64,${base64}`;
		await img.decode();
		const canvas = document.createElement('canvas');
		canvas.width = img.naturalWidth;
		canvas.height = img.naturalHeight;
		const ctx = canvas.getContext('2d')!;
		ctx.drawImage(img, 0, 0);
		const pixels = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
		let dark = 0;
		for (let i = 0; i < pixels.length; i += 4) if (pixels[i]! < 100) dark++;
		return [img.naturalWidth, img.naturalHeight, dark];
	}, png.data.toString('base64'));
	// Twice the SVG's size, with ink on it (the labels and lines).
	expect(width).toBe(drawn![0]! * 2);
	expect(height).toBe(drawn![1]! * 2);
	expect(inked).toBeGreaterThan(1000);

	// Alone as a PDF: the drawing as vector graphics, its labels as text in an embedded font.
	const pdf = await save('PDF');
	expect(pdf.name).toMatch(/Workflow-Today\.pdf$/);
	fs.mkdirSync(test.info().outputDir, { recursive: true });
	const pdfFile = path.join(test.info().outputDir, pdf.name);
	fs.writeFileSync(pdfFile, pdf.data);
	const pdfText = execFileSync('pdftotext', [pdfFile, '-'], { encoding: 'utf8' });
	expect(pdfText).toContain('Workflow: Today');
	expect(pdfText).toContain('资料');
	expect(pdfText).toContain('loan file');
	expect(execFileSync('pdffonts', [pdfFile], { encoding: 'utf8' })).toMatch(
		/NotoSans\w+-Regular\s+CID TrueType\s+Identity-H\s+yes yes yes/
	);

	const mmd = await save('MMD');
	expect(mmd.data.toString('utf8')).toMatch(/^flowchart LR\n/);
	expect(mmd.data.toString('utf8')).toContain('#34;loan');
	expect(mmd.data.toString('utf8')).toContain('#38; 资料');
});

test('a free diagram previews as it is typed and points at the line of an error', async ({
	page
}) => {
	const list = new EngagementsList(page);
	await list.goto();
	await list.create('Free diagram');
	await nav(page, 'Mermaid diagrams');
	await page.getByRole('button', { name: 'New diagram' }).click();
	await expect(page.locator('#diagram-preview .diagram-canvas svg')).toBeVisible();
	const editor = page.getByLabel('Mermaid text', { exact: true });
	await editor.fill('flowchart LR\n  a[Start] --> b[End]\n  b --> c[Again\n');
	const problem = page.locator('#diagram-preview .notice.error');
	await expect(problem).toContainText('Line 3');
	await expect(editor).toHaveAttribute('aria-invalid', 'true');
	await page.getByRole('button', { name: 'Go to line 3' }).click();
	expect(
		await editor.evaluate((el: HTMLTextAreaElement) =>
			el.value.slice(el.selectionStart, el.selectionEnd)
		)
	).toBe('  b --> c[Again');
	// Typing after a pause of more than 0.6 s starts a new undo step.
	await page.waitForTimeout(700);
	await editor.fill('flowchart LR\n  a[Start] --> b[Finish]\n');
	await expect(problem).toHaveCount(0);
	await expect
		.poll(() => diagramText(page, 'diagram-preview'), { timeout: 10_000 })
		.toContain('Finish');
	// Undo brings back the text before.
	await page.getByRole('button', { name: 'Undo' }).click();
	await expect(editor).toHaveValue('flowchart LR\n  a[Start] --> b[End]\n  b --> c[Again\n');
});

test('a diagram over Mermaid’s limits is declined with a suggestion, not drawn', async ({
	page
}) => {
	const list = new EngagementsList(page);
	await list.goto();
	await list.create('Too large');
	await nav(page, 'Mermaid diagrams');
	await page.getByRole('button', { name: 'New diagram' }).click();
	const lines = Array.from({ length: 600 }, (_, i) => `  n${i} --> n${i + 1}`);
	await page
		.getByLabel('Mermaid text', { exact: true })
		.fill(`flowchart LR\n${lines.join('\n')}\n`);
	await expect(page.locator('#diagram-preview .notice')).toContainText(/Edge limit|500/);
});

/** Payloads that would run script, load something, or change Mermaid's settings if they were read as code. */
const XSS = [
	'<img src=x onerror="window.__xss=1">',
	'<script>window.__xss=1</script>',
	'"]; click n0 call alert(1); a["',
	'%%{init: {"securityLevel": "loose", "htmlLabels": true}}%%',
	'<a href="javascript:window.__xss=1">link</a>',
	'<iframe src="https://example.com/"></iframe>',
	'<svg onload="window.__xss=1"></svg>',
	'<style>@import url(https://example.com/x.css)</style>',
	'![x](https://example.com/x.png)',
	'`<img src=https://example.com/y.png>`',
	'#quot;]\nclick n1 href "javascript:window.__xss=1"',
	'</text><image href="https://example.com/z.png"/>'
];

function hostileEngagement(): string {
	const now = Date.parse('2026-11-01T00:00:00Z');
	const content = blankContent('XSS corpus', 'en');
	content.segments = [{ ...blankSegment('s1', XSS[0]!) }];
	content.channels.list = XSS.map((name, i) => ({
		id: `c${i}`,
		kind: 'other',
		name,
		costPerContact: 0
	}));
	content.journey.stages = XSS.map((name, i) => ({ id: `st${i}`, name }));
	content.journey.touchpoints = XSS.map((name, i) => ({
		...blankTouchpoint(`t${i}`, `st${i}`, `c${(i + 1) % XSS.length}`),
		name,
		department: XSS[(i + 2) % XSS.length]!,
		ratingToday: (i % 5) - 2,
		ratingTarget: 2,
		momentOfTruth: i % 2 === 0
	}));
	for (const side of ['today', 'target'] as const) {
		content.workflows.nodes.push(
			...XSS.map((label, i) => ({
				id: `${side}-n${i}`,
				side,
				kind: 'department' as const,
				label
			}))
		);
		content.workflows.edges.push(
			...XSS.map((label, i) => ({
				id: `${side}-e${i}`,
				side,
				from: `${side}-n${i}`,
				to: `${side}-n${(i + 1) % XSS.length}`,
				kind: i % 2 ? ('dataFlow' as const) : ('handoff' as const),
				label
			}))
		);
	}
	content.diagrams = [
		{
			id: 'd1',
			title: 'Directives and clicks',
			text: [
				'%%{init: {"securityLevel": "loose", "htmlLabels": true, "flowchart": {"htmlLabels": true}, "themeCSS": "@import url(https://example.com/t.css);"}}%%',
				'flowchart LR',
				'  a["<img src=https://example.com/a.png onerror=window.__xss=1>"] --> b',
				'  click a call window.alert(1)',
				'  click b href "javascript:window.__xss=1"',
				'  c["<iframe src=https://example.com/></iframe>"]'
			].join('\n')
		},
		{
			id: 'd2',
			title: 'Front matter',
			text: [
				'---',
				'config:',
				'  securityLevel: loose',
				'  htmlLabels: true',
				'---',
				'flowchart LR',
				'  a["<img src=https://example.com/b.png>"] --> b["<b onmouseover=window.__xss=1>x</b>"]',
				'  click a "https://example.com/"'
			].join('\n')
		}
	];
	return JSON.stringify(
		makeEngagementFile(
			{ id: 'xss', createdAt: now, updatedAt: now, archived: false },
			content,
			'e2e',
			new Date(now)
		)
	);
}

test('hostile labels and diagram text neither run script nor fetch anything, and show as text', async ({
	page,
	baseURL
}) => {
	test.setTimeout(90_000);
	const foreign: string[] = [];
	page.on('request', (r) => {
		if (!r.url().startsWith(baseURL!) && !r.url().startsWith('data:')) foreign.push(r.url());
	});
	// Loads that the page's content security policy blocked: there must be none to block. (An
	// inline handler in text that a sanitiser parses is reported too, as "inline", though an
	// inert document never runs it; __xss and the dialog count show that nothing ran.)
	await page.addInitScript(() => {
		const w = window as unknown as { __blocked: string[] };
		w.__blocked = [];
		document.addEventListener('securitypolicyviolation', (e) => {
			if (/^[a-z]+:/i.test(e.blockedURI))
				w.__blocked.push(`${e.blockedURI} (${e.violatedDirective})`);
		});
	});
	let dialogs = 0;
	page.on('dialog', (d) => {
		dialogs++;
		void d.dismiss();
	});
	await new EngagementsList(page).goto();
	const dialog = await chooseImportFile(page, 'xss.crmws.json', hostileEngagement());
	await dialog.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(page.getByLabel('Engagement name')).toHaveValue('XSS corpus');

	const assertSafe = async (where: string) => {
		const svgs = page.locator('.diagram-canvas svg');
		await expect(svgs.first(), where).toBeVisible({ timeout: 20_000 });
		const unsafe = await page.evaluate(() =>
			[...document.querySelectorAll('.diagram-canvas svg *')].flatMap((el) => {
				const bad: string[] = [];
				if (/^(script|foreignobject|image|iframe|a)$/i.test(el.localName)) bad.push(el.localName);
				for (const a of el.attributes)
					if (/^on/i.test(a.name) || (/href$/i.test(a.name) && !a.value.startsWith('#')))
						bad.push(`${el.localName}[${a.name}=${a.value}]`);
				return bad;
			})
		);
		expect(unsafe, where).toEqual([]);
		expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss), where).toBeUndefined();
	};

	await nav(page, 'Touchpoint map');
	await expect(page.locator('button.touchpoint', { hasText: XSS[1] })).toBeVisible();
	await nav(page, 'Journey diagrams');
	await assertSafe('journeys');
	const flow = await diagramText(page, 'flow-diagram');
	for (const payload of XSS) expect(flow).toContain(payload.split('\n')[0]!.slice(0, 12));
	await nav(page, 'Workflows');
	await assertSafe('workflow today');
	const workflow = await diagramText(page, 'workflow-diagram');
	expect(workflow).toContain('<script>window.__xss=1</script>');
	await page.getByText('Target', { exact: true }).click();
	await assertSafe('workflow target');
	await nav(page, 'Mermaid diagrams');
	await assertSafe('free diagram 1');
	await page.getByLabel('Diagrams', { exact: true }).selectOption({ label: 'Front matter' });
	await assertSafe('free diagram 2');
	await page.waitForTimeout(500);
	expect(dialogs).toBe(0);
	expect(foreign).toEqual([]);
	expect(
		await page.evaluate(() => (window as unknown as { __blocked: string[] }).__blocked)
	).toEqual([]);
});
