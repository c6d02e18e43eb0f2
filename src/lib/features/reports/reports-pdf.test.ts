import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES, type Locale } from '#lib/domain/locales.ts';
import { diagramDocument } from '#lib/domain/reports/diagram-page.ts';
import { buildReport } from '#lib/domain/reports/document.ts';
import { MISSING_MARK } from '#lib/domain/reports/fonts.ts';
import { REPORT_KINDS, type ReportAssets, type ReportKind } from '#lib/domain/reports/model.ts';
import { REPORT_BUILDERS } from '#lib/domain/reports/registry.ts';
import {
	optionsOf,
	pageCount,
	pageImage,
	pdfOf,
	pdffonts,
	pdftotextRaw,
	sampleContent,
	tempPdf,
	textOf
} from '../../../../test/reports.ts';
import { planAssets } from './generate.ts';

/**
 * Every report, in every language, laid out by pdfmake with the bundled fonts and checked with
 * poppler's tools: the expected text in reading order, embedded subset fonts with Unicode maps,
 * the page count; page 1 is kept as a PNG in test/artefacts/reports for a look.
 *
 * The pictures stand in for the browser's drawings: a real Mermaid diagram (workflow, as the
 * app draws it for a PDF) and a real chart image, saved from the built app.
 */

const DIAGRAM = fs.readFileSync('test/fixtures/report-diagram.svg', 'utf8');
const CHART = `data:image/jpeg;base64,${fs.readFileSync('test/fixtures/report-chart.jpg').toString('base64')}`;
const ARTEFACTS = path.resolve('test/artefacts/reports');

function fixtureAssets(kind: ReportKind, lang: Locale): ReportAssets {
	const options = optionsOf(kind, lang);
	const assets: Record<string, ReportAssets[string]> = {};
	for (const request of planAssets(sampleContent(lang), options, textOf(lang)))
		assets[request.key] =
			request.type === 'mermaid'
				? { type: 'svg', svg: DIAGRAM, width: 2553, height: 570 }
				: { type: 'image', dataUrl: CHART, width: request.width, height: request.height };
	return assets;
}

/** Checks that `words` appear in `text` in this order. */
function inOrder(text: string, words: string[]) {
	let at = -1;
	for (const word of words) {
		const next = text.indexOf(word, at + 1);
		expect(next, `"${word}" after position ${at}`).toBeGreaterThan(at);
		at = next;
	}
}

const MIN_PAGES: Record<ReportKind, number> = {
	executive: 25,
	assessment: 5,
	businessCase: 5,
	projectPlan: 6,
	touchpointPoster: 1
};

describe.each(LOCALES)('reports in %s', (lang) => {
	it.each(REPORT_KINDS)(
		'%s',
		async (kind) => {
			const text = textOf(lang);
			const content = sampleContent(lang);
			const built = buildReport(
				{ content, options: optionsOf(kind, lang), assets: fixtureAssets(kind, lang) },
				text,
				REPORT_BUILDERS
			);
			const result = await pdfOf(built.definition, lang);
			expect(result.missing).toEqual([]);
			const file = tempPdf(result.bytes, `${kind}-${lang}.pdf`);
			pageImage(file, ARTEFACTS, `${kind}-${lang}`);

			// The sample fills every area: every section the report offers is printed.
			expect(built.sections.length).toBeGreaterThan(0);
			const words = pdftotextRaw(file);
			const headings = built.sections
				.filter((s) => s !== 'touchpointGrid')
				.map((s) => text.t(`report.section.${s}`));
			if (kind === 'touchpointPoster') inOrder(words, [content.profile.client]);
			else
				inOrder(words, [
					text.t(`report.kind.${kind}`),
					content.profile.client,
					text.t('report.contents'),
					...headings
				]);
			expect(words).toContain(text.t('report.pageOf', { page: 1, pages: pageCount(file) }));
			if (kind === 'executive') {
				expect(built.sections).toEqual([...optionsOf(kind, lang).sections]);
				// The diagram's labels are text in the PDF, not pictures of text.
				expect(words).toContain('Relationship manager with a');
			}

			const fonts = pdffonts(file);
			expect(fonts.length).toBeGreaterThan(0);
			for (const font of fonts)
				expect(font, font.name).toMatchObject({ embedded: true, subset: true, unicode: true });
			// Traditional Chinese takes the traditional glyph shapes.
			expect(fonts[0]!.name).toContain(lang === 'zh-TW' ? 'NotoSansTC' : 'NotoSansSC');
			expect(pageCount(file)).toBeGreaterThanOrEqual(MIN_PAGES[kind]);
			expect(result.bytes.length).toBeLessThan(2_000_000);
		},
		60_000
	);
});

describe('characters and hostile text', () => {
	it('prints rare characters from a fallback font and marks what no font has', async () => {
		const content = sampleContent('zh-TW');
		content.profile.client = '𠮷野家 𡘙 銀行 😀';
		const built = buildReport(
			{ content, options: optionsOf('projectPlan', 'zh-TW'), assets: {} },
			textOf('zh-TW'),
			REPORT_BUILDERS
		);
		const result = await pdfOf(built.definition, 'zh-TW');
		expect(result.missing).toEqual(['😀']);
		expect(result.fonts).toEqual(expect.arrayContaining(['NotoSansTC', 'NotoSansJP']));
		const words = pdftotextRaw(tempPdf(result.bytes));
		expect(words).toContain('𠮷野家 𡘙 銀行');
		expect(words).toContain(MISSING_MARK);
	}, 60_000);

	it('gives diagram labels the same fallback fonts, and reports what none has', async () => {
		const svg =
			'<svg xmlns="http://www.w3.org/2000/svg" width="300" height="60"><text x="10" y="30" font-size="14"><tspan>客户 𡘙 &amp; 𠮷 😀</tspan></text></svg>';
		const doc = diagramDocument('图', { type: 'svg', svg, width: 300, height: 60 });
		const result = await pdfOf(doc, 'zh-CN');
		expect(result.missing).toEqual(['😀']);
		expect(result.fonts).toEqual(
			expect.arrayContaining(['NotoSansSC', 'NotoSansTC', 'NotoSansJP'])
		);
		const words = pdftotextRaw(tempPdf(result.bytes));
		for (const w of ['客户', '𡘙', '&', '𠮷', MISSING_MARK]) expect(words, w).toContain(w);
	}, 60_000);

	it('prints user text as text, whatever it holds', async () => {
		const content = sampleContent('en');
		const hostile = '<script>alert(1)</script> {{x}} %PDF-1.7 endobj ) ( \\ \u0000';
		content.profile.client = hostile;
		content.valueProposition.brandPromise = hostile;
		const built = buildReport(
			{ content, options: optionsOf('executive', 'en'), assets: {} },
			textOf('en'),
			REPORT_BUILDERS
		);
		const result = await pdfOf(built.definition, 'en');
		const words = pdftotextRaw(tempPdf(result.bytes));
		expect(words).toContain('<script>alert(1)</script> {{x}} %PDF-1.7 endobj ) ( \\');
	}, 60_000);
});
