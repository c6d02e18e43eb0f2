import { describe, expect, it } from 'vitest';
import { aSegment, aTouchpoint, anEngagement } from '../../../../../test/factories.ts';
import {
	contextOf,
	pageCount,
	pdfOf,
	pdftotextRaw,
	sampleContent,
	tempPdf,
	textOf,
	textsOf
} from '../../../../../test/reports.ts';
import { journeyAssets } from '../../../features/reports/assets/journey.ts';
import type { EngagementContent } from '../../engagement/profile.ts';
import { touchpointFlow, workflowFlow } from '../../journey/mermaid-text.ts';
import type { Locale } from '../../locales.ts';
import type { PdfNode } from '../blocks.ts';
import type { ReportContext } from '../context.ts';
import { buildReport } from '../document.ts';
import { optionsOf } from '../../../../../test/reports.ts';
import type { ReportAssets, ReportKind } from '../model.ts';
import { gridWidths, journeySections, reportDiagramLabels, textHeight } from './journey.ts';

const XSS = '<b>x</b>{{}}';

/**
 * The report's words in `lang`, except that this area's own keys (not yet in the message files)
 * print as the key and their parameters: `report.journey.change(−2 Very poor|+1 Good)`.
 */
function wordsOf(lang: Locale) {
	const base = textOf(lang);
	const t = (key: string, params?: Record<string, string | number>) =>
		key.startsWith('report.')
			? params
				? `${key}(${Object.values(params).join('|')})`
				: key
			: base.t(key, params);
	return { ...base, t };
}

function ctxOf(
	content: EngagementContent,
	lang: Locale = 'en',
	kind: ReportKind = 'executive',
	assets: ReportAssets = {}
): ReportContext {
	const words = wordsOf(lang);
	return { ...contextOf(lang, content, kind, assets), ...words };
}

/**
 * A small map with hand-checkable numbers: stage s1 holds a moment of truth rated −2 → +1 and a
 * touchpoint rated +1 → +2; stage s2 one rated 0 → (none) and one not rated at all; stage s3 none.
 */
function aMap(): EngagementContent {
	const content = anEngagement(
		{ client: 'Harbour Bank', name: 'CRM 2027' },
		[],
		[aSegment({ id: 'g1', name: 'Affluent' }), aSegment({ id: 'g2', name: 'Mass market' })]
	);
	content.channels.list = [
		{ id: 'c1', kind: 'branch', name: 'Branch', costPerContact: 0 },
		{ id: 'c2', kind: 'web', name: 'App', costPerContact: 0 }
	] as EngagementContent['channels']['list'];
	content.journey = {
		stages: [
			{ id: 's1', name: 'Awareness' },
			{ id: 's2', name: 'Purchase' },
			{ id: 's3', name: 'Loyalty' }
		],
		touchpoints: [
			aTouchpoint('t1', 's1', {
				name: 'Walk-in',
				channelId: 'c1',
				department: 'Retail',
				momentOfTruth: true,
				ratingToday: -2,
				ratingTarget: 1,
				pains: 'Long queue'
			}),
			aTouchpoint('t2', 's1', {
				name: 'App advert',
				channelId: 'c2',
				segmentIds: ['g1'],
				ratingToday: 1,
				ratingTarget: 2
			}),
			aTouchpoint('t3', 's2', {
				name: XSS,
				channelId: 'c1',
				segmentIds: ['g1', 'g2'],
				department: XSS,
				pains: XSS,
				ratingToday: 0
			}),
			aTouchpoint('t4', 's2', { name: 'Letter' })
		]
	};
	content.workflows = {
		nodes: [
			{ id: 'n1', side: 'today', kind: 'customer', label: 'Client' },
			{ id: 'n2', side: 'today', kind: 'department', label: XSS },
			{ id: 'n3', side: 'today', kind: 'system', label: 'Core' },
			{ id: 'n4', side: 'target', kind: 'system', label: 'CRM' }
		],
		edges: [
			{ id: 'e1', side: 'today', from: 'n1', to: 'n2', kind: 'handoff', label: 'Calls' },
			{ id: 'e2', side: 'today', from: 'n2', to: 'n3', kind: 'dataFlow', label: '' },
			// Joins two sides: in no diagram and no table.
			{ id: 'e3', side: 'today', from: 'n1', to: 'n4', kind: 'handoff', label: 'Stray' }
		]
	};
	return content;
}

/** Every table in a content tree, in order. */
function tables(
	node: unknown
): Array<{ table: { body: PdfNode[][]; widths: unknown[] } } & Record<string, unknown>> {
	if (Array.isArray(node)) return node.flatMap(tables);
	if (node && typeof node === 'object') {
		const r = node as Record<string, unknown>;
		const own = 'table' in r ? [r as never] : [];
		return [...own, ...Object.values(r).flatMap(tables)];
	}
	return [];
}

/** The table whose header row starts with `first`. */
function tableNamed(nodes: unknown, first: string) {
	const found = tables(nodes).find((t) => textsOf(t.table.body[0]?.[0])[0] === first);
	if (!found) throw new Error(`no table headed ${first}`);
	return found;
}

const rowTexts = (row: PdfNode[]) => row.map((c) => textsOf(c).join(' / '));
const allText = (nodes: unknown) => textsOf(nodes).join('\n');
const svg = { type: 'svg', svg: '<svg/>', width: 400, height: 200 } as const;

describe('touchpoints', () => {
	const build = (content: EngagementContent, lang: Locale = 'en', assets: ReportAssets = {}) =>
		journeySections.touchpoints!(ctxOf(content, lang, 'executive', assets));

	it('is left out without touchpoints, or when none sits in a stage', () => {
		expect(build(anEngagement())).toBeNull();
		const orphans = aMap();
		orphans.journey.stages = [];
		expect(build(orphans)).toBeNull();
	});

	it('starts with its h1 and gives the counts of the map', () => {
		const nodes = build(aMap())!;
		expect(nodes[0]).toMatchObject({ id: 'touchpoints', text: 'report.section.touchpoints' });
		// 3 stages, 4 touchpoints, 1 moment of truth, 2 below target (t1, t2; t3 has no target).
		const figures = rowTexts(tables(nodes[1])[0]!.table.body[0]!);
		expect(figures).toEqual([
			'report.journey.figure.stages / 3',
			'report.journey.figure.touchpoints / 4',
			'report.journey.figure.moments / 1',
			'report.journey.figure.gaps / 2'
		]);
	});

	it('lists the stages in order with their hand-worked averages', () => {
		const stages = tableNamed(build(aMap()), 'report.journey.col.order');
		expect(stages.table.body.slice(1).map(rowTexts)).toEqual([
			// s1: (−2 + 1) / 2 today, (1 + 2) / 2 target.
			['1', 'Awareness', '2', '1', '-0.5', '+1.5'],
			// s2: only t3 is rated today (0); nothing for the target.
			['2', 'Purchase', '2', '0', '0', '–'],
			['3', 'Loyalty', '0', '0', '–', '–']
		]);
	});

	it('writes the map stage by stage, the experience in words and numbers', () => {
		const map = tableNamed(build(aMap()), 'Channel');
		const rows = map.table.body.slice(1).map(rowTexts);
		expect(rows).toEqual([
			['report.journey.stageRow(1|Awareness)', '', '', '', '', ''],
			[
				'Branch',
				'Walk-in / ★ Moment of truth',
				'Every segment',
				'Retail',
				'report.journey.change(−2 Very poor|+1 Good)',
				'Long queue'
			],
			['App', 'App advert', 'Affluent', '–', 'report.journey.change(+1 Good|+2 Excellent)', '–'],
			['report.journey.stageRow(2|Purchase)', '', '', '', '', ''],
			[
				'Branch',
				XSS,
				'Affluent and Mass market',
				XSS,
				'report.journey.change(0 Neutral|Not rated)',
				XSS
			],
			[
				'No channel',
				'Letter',
				'Every segment',
				'–',
				'report.journey.change(Not rated|Not rated)',
				'–'
			]
		]);
		// Rows stay whole (each is far shorter than a page); the header row repeats.
		expect(map.table).toMatchObject({ headerRows: 1, dontBreakRows: true });
	});

	it('lets rows break when one could be taller than a page (pdfmake would drop the table)', () => {
		const content = aMap();
		content.journey.touchpoints[0]!.pains = 'word '.repeat(1000);
		const map = tableNamed(build(content), 'Channel');
		expect(map.table).toMatchObject({ dontBreakRows: false });
	});

	it('writes the words in the report language', () => {
		const cn = allText(build(aMap(), 'zh-CN'));
		expect(cn).toContain('report.journey.change(−2 很差|+1 良好)');
		expect(cn).toContain('关键时刻');
		const tw = allText(build(aMap(), 'zh-TW'));
		expect(tw).toContain('report.journey.change(−2 很差|+1 良好)');
		expect(tw).toContain('+2 極佳');
		expect(tw).toContain('未指定通路');
	});

	it('passes user text through as text', () => {
		const texts = textsOf(build(aMap()));
		expect(texts.filter((t) => t === XSS)).toHaveLength(3);
	});

	it('prints the journey and path diagrams, today and target, or a note', () => {
		const keys = [
			'journey.journey.today',
			'journey.journey.target',
			'journey.flow.today',
			'journey.flow.target'
		];
		const drawn = build(aMap(), 'en', Object.fromEntries(keys.map((k) => [k, svg])));
		const pictures = JSON.stringify(drawn).match(/"svg":"<svg\/>"/g) ?? [];
		expect(pictures).toHaveLength(4);
		// t4 has no rating today; t3 and t4 none as targeted.
		expect(allText(drawn)).toContain(
			'All segments — customer journey (Today): 1 touchpoints without a rating'
		);
		const missing = allText(build(aMap()));
		expect(missing).toContain('report.notDrawn(All segments — touchpoint path (Target))');

		const unrated = aMap();
		for (const t of unrated.journey.touchpoints) t.ratingToday = t.ratingTarget = null;
		const text = allText(build(unrated));
		expect(text).toContain('report.journey.noRatings(All segments — customer journey (Today))');
		expect(text).toContain('report.journey.noRatings(All segments — customer journey (Target))');
	});
});

describe('workflows', () => {
	const build = (content: EngagementContent, assets: ReportAssets = {}) =>
		journeySections.workflows!(ctxOf(content, 'en', 'executive', assets));

	it('is left out without nodes', () => {
		expect(build(anEngagement())).toBeNull();
		const edgesOnly = aMap();
		edgesOnly.workflows.nodes = [];
		expect(build(edgesOnly)).toBeNull();
	});

	it('prints each side that has nodes, with its diagram, its nodes and its connections', () => {
		const nodes = build(aMap(), { 'journey.workflows.today': svg })!;
		expect(nodes[0]).toMatchObject({ id: 'workflows' });
		const headings = nodes.filter((n) => (n as { style?: string }).style === 'h2');
		expect(textsOf(headings)).toEqual(['Workflow: Today', 'Workflow: Target']);
		expect(JSON.stringify(nodes)).toContain('"svg":"<svg/>"');
		// The target has no diagram drawn: a note says so.
		expect(allText(nodes)).toContain('report.notDrawn(Workflow: Target)');
		const links = tableNamed(nodes, 'From');
		expect(links.table.body.slice(1).map(rowTexts)).toEqual([
			['Client', XSS, 'Calls', 'Hand-off'],
			[XSS, 'Core', '–', 'Data flow']
		]);
		// Only one table: the target has a node but no connection.
		expect(tables(nodes).filter((t) => textsOf(t.table.body[0]?.[0])[0] === 'From')).toHaveLength(
			1
		);
		expect(allText(nodes)).toContain(`Department\n${XSS}`);
	});
});

describe('the asset planner', () => {
	const plan = (content: EngagementContent, lang: Locale = 'en') =>
		journeyAssets({ content, lang, text: wordsOf(lang) });

	it('asks for nothing without data', () => {
		expect(plan(anEngagement())).toEqual([]);
	});

	it('asks for the app’s own diagrams under the keys the sections look up', () => {
		const content = aMap();
		const assets = plan(content);
		expect(assets.map((a) => a.key)).toEqual([
			'journey.journey.today',
			'journey.journey.target',
			'journey.flow.today',
			'journey.flow.target',
			'journey.workflows.today',
			'journey.workflows.target'
		]);
		const text = (key: string) => assets.find((a) => a.key === key)!;
		const labels = reportDiagramLabels(wordsOf('en'));
		expect(text('journey.flow.target')).toEqual({
			key: 'journey.flow.target',
			type: 'mermaid',
			text: touchpointFlow(
				content.journey,
				content.channels.list,
				null,
				'target',
				'All segments — touchpoint path (Target)',
				labels
			).text
		});
		expect(text('journey.workflows.today')).toMatchObject({
			text: workflowFlow(
				content.workflows.nodes,
				content.workflows.edges,
				'today',
				'Workflow: Today',
				'report.journey.untitledNode'
			).text
		});
		// User text never reaches Mermaid as syntax.
		for (const a of assets) expect(a.type === 'mermaid' && a.text).not.toContain('<b>');
	});

	it('skips a journey diagram with nothing rated, and one beyond Mermaid’s limits', () => {
		const content = aMap();
		for (const t of content.journey.touchpoints) t.ratingTarget = null;
		for (let i = 0; i < 600; i++)
			content.workflows.edges.push({
				id: `x${i}`,
				side: 'target',
				from: 'n4',
				to: 'n4',
				kind: 'handoff',
				label: ''
			});
		const keys = plan(content).map((a) => a.key);
		expect(keys).not.toContain('journey.journey.target');
		expect(keys).not.toContain('journey.workflows.target');
		expect(keys).toContain('journey.journey.today');
		const text = allText(journeySections.workflows!(ctxOf(content)));
		expect(text).toContain('report.journey.tooLarge(Workflow: Target)');
	});

	it('draws in the report language', () => {
		const flow = plan(aMap(), 'zh-TW').find((a) => a.key === 'journey.flow.today')!;
		expect(flow.type === 'mermaid' && flow.text).toContain('未指定通路');
		expect(flow.type === 'mermaid' && flow.text).toContain('所有區隔');
	});
});

describe('touchpointGrid', () => {
	const build = (content: EngagementContent, lang: Locale = 'en') =>
		journeySections.touchpointGrid!(ctxOf(content, lang, 'touchpointPoster'));

	it('is left out without touchpoints', () => {
		expect(build(anEngagement())).toBeNull();
	});

	it('starts with a title naming the client, then a legend', () => {
		const nodes = build(aMap())!;
		expect(nodes[0]).toMatchObject({
			id: 'touchpointGrid',
			text: 'report.journey.posterTitle(Harbour Bank)'
		});
		expect(allText(nodes.slice(1, 3))).toContain(
			'CRM 2027 · Nov 20, 2026 · 4 touchpoints, 1 moments of truth, 2 below target'
		);
		expect(allText(nodes.slice(1, 3))).toContain('report.journey.posterLegend');
	});

	it('is a grid of channels × stages with the stage averages last', () => {
		const [grid] = tables(build(aMap()));
		const body = grid!.table.body.map(rowTexts);
		expect(body[0]).toEqual(['Channel', 'Awareness', 'Purchase', 'Loyalty']);
		expect(body.slice(1)).toEqual([
			[
				'Branch',
				'Walk-in / ★ Moment of truth / report.journey.change(−2 Very poor|+1 Good) / Every segment',
				`${XSS} / report.journey.change(0 Neutral|Not rated) / Affluent and Mass market`,
				''
			],
			['App', 'App advert / report.journey.change(+1 Good|+2 Excellent) / Affluent', '', ''],
			['No channel', '', 'Letter / report.journey.change(Not rated|Not rated) / Every segment', ''],
			[
				'report.journey.stageAverage',
				'Average today -0.5, target +1.5',
				'Average today 0, target –',
				'no ratings'
			]
		]);
		expect(grid!.table).toMatchObject({ headerRows: 1, dontBreakRows: true });
	});

	it('fills the page width exactly', () => {
		const ctx = ctxOf(aMap(), 'en', 'touchpointPoster');
		expect(ctx.page.width).toBeCloseTo(1094.55, 1);
		const [grid] = tables(journeySections.touchpointGrid!(ctx));
		const widths = grid!.table.widths as number[];
		// Four columns: 4 × 8 pt of padding, 5 rules of 0.5 pt.
		const total = widths.reduce((a, b) => a + b, 0) + 4 * 8 + 5 * 0.5;
		expect(total).toBeLessThanOrEqual(ctx.page.width);
		expect(total).toBeGreaterThan(ctx.page.width - 0.1);
	});

	it('splits many stages into bands that each fit the width', () => {
		// A3 landscape: 93 pt for channels and 6 stages of (1094.55 − 93 − 7 × 8 − 8 × 0.5) / 6.
		expect(gridWidths(1094.55, 6)).toEqual({ channel: 93, stage: 156.92, perBand: 6 });
		// Of 20 stages, 9 would fit side by side (10 would be under 96 pt): 3 bands of 7, 7, 6.
		expect(gridWidths(1094.55, 20)).toEqual({ channel: 93, stage: 133.29, perBand: 7 });
		// A4 portrait: 4 fit; 5 bands of 4.
		expect(gridWidths(499.28, 20)).toMatchObject({ channel: 64, perBand: 4 });

		const content = aMap();
		for (let i = 0; i < 17; i++) {
			content.journey.stages.push({ id: `x${i}`, name: `Extra ${i}` });
			content.journey.touchpoints.push(aTouchpoint(`y${i}`, `x${i}`, { channelId: 'c2' }));
		}
		const nodes = build(content)!;
		const grids = tables(nodes);
		expect(grids.map((g) => g.table.widths.length)).toEqual([8, 8, 7]);
		expect(textsOf(nodes.filter((n) => (n as { style?: string }).style === 'h3'))).toEqual([
			'report.journey.band(1|7|20)',
			'report.journey.band(8|14|20)',
			'report.journey.band(15|20|20)'
		]);
		for (const g of grids) {
			const w = g.table.widths as number[];
			const total = w.reduce((a, b) => a + b, 0) + w.length * 8 + (w.length + 1) * 0.5;
			expect(total).toBeLessThanOrEqual(1094.55);
			expect(total).toBeGreaterThan(1094.5);
		}
	});

	it('uses the app’s calculations on the sample: one row per channel met, all touchpoints', () => {
		const content = sampleContent('zh-CN');
		const nodes = build(content, 'zh-CN')!;
		const [grid] = tables(nodes);
		const text = allText(grid);
		for (const t of content.journey.touchpoints) expect(text).toContain(t.name);
		expect(grid!.table.body[0]).toHaveLength(content.journey.stages.length + 1);
		expect(allText(nodes)).toContain('共 27 个触点：5 个关键时刻，25 个低于目标');
	});
});

describe('textHeight', () => {
	it('guesses generously', () => {
		// 3 × 0.6 em fits one line of 1.45 em.
		expect(textHeight('abc', 100, 10)).toBeCloseTo(14.5);
		// 20 Chinese characters: 200 pt (× 1.15) over 100 pt: 3 lines.
		expect(textHeight('客'.repeat(20), 100, 10)).toBeCloseTo(43.5);
		expect(textHeight('a\nb', 100, 10)).toBeCloseTo(29);
	});
});

it('lays out a poster whose one cell outgrows a page, losing nothing', async () => {
	const content = aMap();
	for (let i = 0; i < 120; i++)
		content.journey.touchpoints.push(
			aTouchpoint(`h${i}`, 's1', { name: `Crowded ${i}`, channelId: 'c1', ratingToday: -1 })
		);
	const built = buildReport(
		{ content, options: optionsOf('touchpointPoster', 'en'), assets: {} },
		wordsOf('en'),
		journeySections
	);
	const file = tempPdf((await pdfOf(built.definition, 'en')).bytes);
	const text = pdftotextRaw(file);
	for (let i = 0; i < 120; i++) expect(text).toContain(`Crowded ${i}\n`);
	expect(pageCount(file)).toBeGreaterThan(1);
}, 30_000);
