import { describe, expect, it } from 'vitest';
import { anEngagement, aSegment } from '../../../../../test/factories.ts';
import { contextOf, sampleContent, textsOf } from '../../../../../test/reports.ts';
import { strategyAssets } from '../../../features/reports/assets/strategy.ts';
import type { EngagementContent } from '../../engagement/profile.ts';
import type { Locale } from '../../locales.ts';
import type { PdfNode } from '../blocks.ts';
import type { ReportContext } from '../context.ts';
import type { ReportAssets, SectionId } from '../model.ts';
import { strategySections } from './strategy.ts';

const XSS = '<b>x</b>{{}}';
const IDS = ['valueProposition', 'segments', 'customerStrategy', 'channels', 'changePlan'] as const;

/** Keys come back with their parameters, so that tests see what a message was given. */
const keyed = (k: string, p?: Record<string, string | number>) =>
	p ? `${k}${JSON.stringify(p)}` : k;

function ctxOf(
	content: EngagementContent,
	lang: Locale = 'en',
	opts: { keys?: boolean; assets?: ReportAssets } = {}
): ReportContext {
	const ctx = contextOf(lang, content, 'executive', opts.assets ?? {});
	return opts.keys ? { ...ctx, t: keyed } : ctx;
}

function build(id: SectionId, ctx: ReportContext): PdfNode[] | null {
	return strategySections[id]!(ctx);
}

function texts(id: SectionId, ctx: ReportContext): string[] {
	const nodes = build(id, ctx);
	expect(nodes).not.toBeNull();
	return textsOf(nodes);
}

/** Every table node (anything with `table.body`) in a content tree. */
function tables(node: unknown): Array<{ widths: unknown[]; body: unknown[][] }> {
	if (Array.isArray(node)) return node.flatMap(tables);
	if (!node || typeof node !== 'object') return [];
	const r = node as Record<string, unknown>;
	const own =
		r.table && typeof r.table === 'object' && 'body' in (r.table as object)
			? [r.table as { widths: unknown[]; body: unknown[][] }]
			: [];
	return [...own, ...Object.values(r).flatMap(tables)];
}

/** The rows of the table whose header row starts with `header`, as the texts of each cell. */
function rowsOf(nodes: unknown, header: string): string[][] {
	const found = tables(nodes).find((tb) => textsOf(tb.body[0]?.[0]).join('') === header);
	if (!found) throw new Error(`no table headed ${header}`);
	return found.body.slice(1).map((row) => row.map((cell) => textsOf(cell).join('')));
}

/**
 * Two segments worked by hand (CNY, minor units):
 * A: 100 customers, revenue 1,000,000, margin 50 %, cost to serve 1,000 → profit 400,000;
 * B: 300 customers, revenue 600,000, margin 50 %, cost to serve 800 → profit 60,000.
 * Profit 460,000; A's share 86.96 %, B's 13.04 %; revenue shares 62.5 % / 37.5 %.
 * Margin per customer 4,000 and 200; average 1,150 → value index 3.48 (develop) and 0.17 (serve).
 * A's lifetime value at 80 % retention, cost to win 2,000: 4,000 × 1.1 ÷ 0.3 − 2,000 = 12,666.67.
 */
function small(): EngagementContent {
	const content = anEngagement(
		{ currency: 'CNY' },
		[],
		[
			{
				...aSegment({ id: 'a', name: 'Wealth' }),
				customers: 100,
				revenue: 1_000_000,
				grossMargin: 0.5,
				retention: 0.8,
				acquisitionCost: 2_000,
				costToServe: 1_000,
				growth: 0.1,
				description: XSS,
				needs: [
					{ id: 'n1', text: 'Advice', mode: 'pull' },
					{ id: 'n2', text: '', mode: 'push' }
				],
				understanding: XSS,
				shareToKeep: 0.95,
				walletGoal: null,
				crossSell: 'Trusts',
				upSell: '',
				management: 'keyAccount',
				tactics: ['diplomacy', 'clubs']
			},
			{
				...aSegment({ id: 'b', name: '' }),
				customers: 300,
				revenue: 600_000,
				grossMargin: 0.5,
				retention: 0.7,
				acquisitionCost: 100,
				costToServe: 800,
				growth: -0.05,
				tierOverride: 'maintain',
				tierOverrideReason: XSS
			}
		]
	);
	content.valueProposition = {
		positioning: 'differentiation',
		positioningRationale: 'Local knowledge',
		brandPromise: XSS,
		items: [
			{ id: 'j1', kind: 'job', segmentId: 'a', text: 'Grow wealth', addresses: [] },
			{ id: 'p1', kind: 'pain', segmentId: 'a', text: 'Queues', addresses: [] },
			{ id: 'p2', kind: 'pain', segmentId: 'a', text: 'Repeated forms', addresses: [] },
			{ id: 'g1', kind: 'gain', segmentId: 'a', text: 'One adviser', addresses: [] },
			{ id: 'blank', kind: 'job', segmentId: 'a', text: '  ', addresses: [] },
			{ id: 'o1', kind: 'offering', segmentId: null, text: 'Advice service', addresses: [] },
			{ id: 'o2', kind: 'offering', segmentId: null, text: 'Unsold', addresses: [] },
			{ id: 'r1', kind: 'reliever', segmentId: null, text: 'Booked visits', addresses: ['p1'] },
			{ id: 'c1', kind: 'creator', segmentId: null, text: 'Named adviser', addresses: [] }
		]
	};
	content.channels = {
		list: [
			{ id: 'br', kind: 'faceToFace', name: 'Branch', costPerContact: 1_000 },
			{ id: 'app', kind: 'selfService', name: '', costPerContact: 10 }
		],
		preferences: { 'a:br': 3, 'a:app': 1, 'b:app': 2 },
		assignments: ['o1:app:a', 'o1:app:b', 'o1:br:a'],
		conflicts: [
			{ id: 'k1', description: 'Sales credited online', channelIds: ['br', 'app'], resolution: '' },
			{ id: 'k2', description: '', channelIds: [], resolution: '' }
		]
	};
	content.changePlan.supports.processes = { today: 'Paper forms', target: '' };
	content.changePlan.initiatives = [
		{
			id: 'i1',
			support: 'processes',
			title: 'Credit scorecard',
			description: XSS,
			owner: 'Xu',
			impact: 'high',
			effort: 'low',
			status: 'inProgress'
		},
		{
			id: 'i2',
			support: 'technology',
			title: '',
			description: '',
			owner: '',
			impact: null,
			effort: 'high',
			status: 'done'
		}
	];
	content.sevenS.strategy = { today: 'Agreed', target: 'In budgets', alignment: 2 };
	content.sevenS.structure = { today: '', target: '', alignment: 4 };
	content.sevenS.style = { today: 'Top-down', target: '', alignment: 3 };
	content.porter.rivals = { rating: 2, notes: 'Fierce' };
	content.porter.buyers = { rating: 4, notes: '' };
	return content;
}

describe('strategy sections', () => {
	it('leaves every section out when its area is empty', () => {
		const ctx = ctxOf(anEngagement());
		for (const id of IDS) expect(build(id, ctx), id).toBeNull();
	});

	it('leaves out the customer strategy when segments have only numbers', () => {
		const content = anEngagement({}, [], [aSegment({ id: 'a', name: 'A', customers: 10 })]);
		expect(build('segments', ctxOf(content))).not.toBeNull();
		expect(build('customerStrategy', ctxOf(content))).toBeNull();
		expect(build('valueProposition', ctxOf(content))).toBeNull();
	});

	it('prints every section of the sample, each starting with its titled h1', () => {
		for (const lang of ['en', 'zh-CN', 'zh-TW'] as const) {
			const ctx = ctxOf(sampleContent(lang), lang);
			for (const id of IDS) {
				const nodes = build(id, ctx);
				expect(nodes, `${lang} ${id}`).not.toBeNull();
				expect(nodes![0]).toMatchObject({ style: 'h1', id, tocItem: true });
			}
		}
	});

	it('keeps every table of the sample within the page width', () => {
		for (const lang of ['en', 'zh-CN'] as const) {
			const ctx = ctxOf(sampleContent(lang), lang);
			for (const id of IDS) {
				for (const tb of tables(build(id, ctx))) {
					const fixed = tb.widths.reduce<number>((s, w) => s + (typeof w === 'number' ? w : 0), 0);
					const stars = tb.widths.filter((w) => w === '*').length;
					// A star column gets at least 60 pt of what is left (cell padding included).
					expect(fixed + stars * 60 + tb.widths.length * 8, `${lang} ${id}`).toBeLessThanOrEqual(
						ctx.page.width
					);
					expect(tb.widths.every((w) => w !== 'auto' || tb.widths.length <= 2)).toBe(true);
				}
			}
		}
	});

	it('keeps headings with what follows them, and header rows with the first row', () => {
		const ctx = ctxOf(sampleContent('en'));
		for (const id of IDS) {
			const nodes = build(id, ctx)!;
			nodes.forEach((node, i) => {
				const level = (node as { headlineLevel?: number }).headlineLevel;
				if (level === undefined || level === 1) return;
				// A heading left on its own is followed by a block too long to move with it.
				expect(
					textsOf(nodes[i + 1]).join('').length,
					`${id} ${JSON.stringify(node)}`
				).toBeGreaterThan(1000);
			});
			for (const tb of tables(nodes))
				if ((tb as { headerRows?: number }).headerRows)
					expect((tb as { keepWithHeaderRows?: number }).keepWithHeaderRows, id).toBe(1);
		}
	});

	it('passes user text through verbatim, as text', () => {
		const ctx = ctxOf(small());
		for (const id of ['valueProposition', 'customerStrategy', 'changePlan'] as const)
			expect(texts(id, ctx).join('\n'), id).toContain(XSS);
		expect(texts('segments', ctx).join('\n')).toContain(XSS);
	});
});

describe('value proposition', () => {
	it('prints positioning, ranked customer lists, the offer and the fit', () => {
		const ctx = ctxOf(small(), 'en', { keys: true });
		const nodes = build('valueProposition', ctx);
		const all = textsOf(nodes);
		expect(all).toContain('positioning.differentiation');
		expect(all).toContain('Local knowledge');
		// Ranked: pains in their order, a blank job left out.
		const profile = rowsOf(nodes, 'vp.jobs');
		expect(profile).toEqual([['Grow wealth', 'QueuesRepeated forms', 'One adviser']]);
		// The reliever says what it relieves; the creator that it creates nothing yet.
		expect(all).toContain('vp.relievesList{"items":"Queues"}');
		expect(all).toContain('vp.createsNothing');
		// Fit: 1 of 3 pains and gains addressed; the gaps by name.
		expect(rowsOf(nodes, 'segments.col.name')).toEqual([
			[
				'Wealth',
				'report.strategy.vp.coverage{"covered":"33.3%","pains":"2","gains":"1"}',
				'Repeated forms',
				'One adviser'
			]
		]);
	});
});

describe('segments', () => {
	it('prints the hand-worked economics, tiers and overrules', () => {
		const ctx = ctxOf(small(), 'en', { keys: true });
		const nodes = build('segments', ctx);
		expect(rowsOf(nodes, 'segments.col.name')).toEqual([
			['Wealth', '100', 'CN¥10K', '50%', '80%', '10%', 'CN¥20', 'CN¥10'],
			['segments.unnamed{"n":2}', '300', 'CN¥6K', '50%', '70%', '-5%', 'CN¥1', 'CN¥8'],
			['segments.total', '400', 'CN¥16K', '', '', '', '', '']
		]);
		const economics = tables(nodes)[2]!
			.body.slice(1)
			.map((r) => r.map((c) => textsOf(c).join('')));
		expect(economics).toEqual([
			[
				'Wealth',
				'62.5%',
				'87%',
				'CN¥4K',
				'CN¥40',
				'CN¥127',
				'tier.develop\nsegments.tierSuggested'
			],
			[
				'segments.unnamed{"n":2}',
				'37.5%',
				'13%',
				'CN¥600',
				'CN¥2',
				expect.any(String),
				'tier.maintain\nreport.strategy.segments.tierSet'
			]
		]);
		const all = textsOf(nodes);
		expect(all).toContain(
			`report.strategy.segments.overrule${JSON.stringify({
				segment: 'segments.unnamed{"n":2}',
				tier: 'tier.maintain',
				suggested: 'tier.serve',
				reason: XSS
			})}`
		);
		expect(all.join('|')).toContain(
			'segments.chart.pareto segments.chart.headline{\\"customers\\":\\"25%\\",\\"profit\\":\\"87%\\"}'
		);
		// Needs: the blank one is left out.
		expect(all.join('|')).toContain('needMode.pull · |Advice');
		expect(all.join('|')).not.toContain('needMode.push');
	});

	it('formats numbers in the report language', () => {
		const figures = (lang: Locale) =>
			(textsOf(build('segments', ctxOf(small(), lang))![1]) as string[]).filter(
				(_, i) => i % 2 === 1
			);
		expect(figures('en')).toEqual(['2', '400', 'CN¥16K', 'CN¥4.6K']);
		expect(figures('zh-CN')).toEqual(['2', '400', '¥1.6万', '¥4600']);
		expect(figures('zh-TW')).toEqual(['2', '400', 'CN¥1.6萬', 'CN¥4600']);
	});

	it('shows the charts when drawn and a note when not', () => {
		const content = small();
		const drawn = ctxOf(content, 'en', {
			keys: true,
			assets: {
				'segments.pareto': {
					type: 'image',
					dataUrl: 'data:image/png;base64,AA==',
					width: 1280,
					height: 640
				},
				'segments.portfolio': {
					type: 'image',
					dataUrl: 'data:image/png;base64,AA==',
					width: 1280,
					height: 640
				}
			}
		});
		const images = JSON.stringify(build('segments', drawn)).match(/"image":/g) ?? [];
		expect(images).toHaveLength(2);
		const missing = textsOf(build('segments', ctxOf(content, 'en', { keys: true })));
		expect(missing.filter((s) => s.startsWith('report.notDrawn'))).toHaveLength(2);
	});
});

describe('customer strategy', () => {
	it('prints the overview and the four elements of the segments that have them', () => {
		const ctx = ctxOf(small(), 'en', { keys: true });
		const nodes = build('customerStrategy', ctx);
		expect(rowsOf(nodes, 'segments.col.name')).toEqual([
			[
				'Wealth',
				'tier.develop',
				'management.keyAccount',
				'95%',
				'—',
				'strategy.elementsDone{"done":5}'
			],
			['segments.unnamed{"n":2}', 'tier.maintain', '—', '—', '—', 'strategy.elementsDone{"done":0}']
		]);
		const all = textsOf(nodes);
		expect(all).toContain('strategy.for{"name":"Wealth"}');
		expect(all).not.toContain('strategy.for{"name":"segments.unnamed{\\"n\\":2}"}');
		expect(all).toContain('report.strategy.customer.keep{"share":"95%","retention":"80%"}');
		expect(all).toContain('tactic.diplomacy and tactic.clubs');
		expect(all).toContain('Trusts');
	});
});

describe('channels', () => {
	it('prints costs, preferences in words, weighted costs, assignments and conflicts', () => {
		const ctx = ctxOf(small(), 'en', { keys: true });
		const nodes = build('channels', ctx);
		expect(rowsOf(nodes, 'channels.col.name')).toEqual([
			['Branch', 'channelKind.faceToFace', 'CN¥10.00'],
			['channels.unnamed{"n":2}', 'channelKind.selfService', 'CN¥0.10']
		]);
		const [matrix, weighted] = tables(nodes)
			.filter((tb) => textsOf(tb.body[0]?.[0]).join('') === 'segments.col.name')
			.map((tb) => tb.body.slice(1).map((r) => r.map((c) => textsOf(c).join(''))));
		expect(matrix).toEqual([
			['Wealth', 'preference.3', 'preference.1'],
			['segments.unnamed{"n":2}', '—', 'preference.2']
		]);
		// (3 × 10.00 + 1 × 0.10) ÷ 4 = 7.525 → 7.53; B uses only the app.
		expect(weighted!.map((r) => r[2])).toEqual(['CN¥7.53', 'CN¥0.10']);
		expect(weighted![0]![1]).toContain(
			'report.strategy.channels.preferredItem{"channel":"Branch","preference":"preference.3"}'
		);
		expect(rowsOf(nodes, 'channels.offering')).toEqual([
			['Advice service', 'Branch', 'Wealth'],
			['', 'channels.unnamed{"n":2}', 'Wealth and segments.unnamed{"n":2}']
		]);
		const all = textsOf(nodes);
		expect(all).toContain('report.strategy.channels.unassigned{"items":"Unsold"}');
		expect(rowsOf(nodes, 'channels.conflictDescription')).toEqual([
			[
				'Sales credited online',
				'Branch and channels.unnamed{"n":2}',
				'report.strategy.channels.noResolution'
			]
		]);
	});

	it('splits a wide preference matrix over tables that fit the page', () => {
		const content = small();
		content.channels.list = Array.from({ length: 11 }, (_, j) => ({
			id: `c${j}`,
			kind: 'other' as const,
			name: `Channel ${j}`,
			costPerContact: 100
		}));
		content.channels.preferences = { 'a:c0': 1 };
		const ctx = ctxOf(content);
		const matrices = tables(build('channels', ctx)).filter((tb) =>
			/^Channel \d/.test(textsOf(tb.body[0]?.[1]).join(''))
		);
		expect(matrices.map((tb) => tb.body[0]!.length - 1)).toEqual([6, 5]);
	});
});

describe('change plan', () => {
	it('prints supports with initiatives, 7-S and Porter', () => {
		const ctx = ctxOf(small(), 'en', { keys: true });
		const nodes = build('changePlan', ctx);
		expect(rowsOf(nodes, 'change.support')[0]).toEqual(['support.processes', '1', '0', '1']);
		expect(rowsOf(nodes, 'change.today')[0]).toEqual(['Paper forms', '—']);
		const initiatives = tables(nodes)
			.filter((tb) => textsOf(tb.body[0]?.[0]).join('') === 'change.col.title')
			.map((tb) => tb.body.slice(1).map((r) => r.map((c) => textsOf(c).join(''))));
		expect(initiatives).toEqual([
			[
				[
					`Credit scorecard\n${XSS}`,
					'Xu',
					'level.high',
					'level.low',
					'priority.quickWin',
					'status.inProgress'
				]
			],
			[['change.titleOf{"n":1}', '—', '—', 'level.high', '—', 'status.done']]
		]);
		const all = textsOf(nodes);
		// Hard: strategy 2, structure 4 → 3; soft: style 3 → 3; weakest: strategy.
		expect(all).toContain(
			'sevenS.summary{"hard":"3","soft":"3"} sevenS.weakest{"items":"sevenS.strategy"}'
		);
		expect(rowsOf(nodes, 'report.strategy.change.col.element').map((r) => r[0])).toEqual([
			'sevenS.strategy\nsevenS.hard',
			'sevenS.structure\nsevenS.hard',
			'sevenS.style\nsevenS.soft'
		]);
		expect(all).toContain(
			'porter.summary{"average":"3","rated":2} porter.weakest{"items":"porter.rivals"}'
		);
		expect(rowsOf(nodes, 'porter.condition').map((r) => r[1])).toEqual([
			'favourable.2',
			'favourable.4'
		]);
	});

	it('prints only the parts that have data', () => {
		const content = anEngagement();
		content.porter.suppliers = { rating: 5, notes: '' };
		const all = texts('changePlan', ctxOf(content, 'en', { keys: true }));
		expect(all).toContain('porter.title');
		expect(all).not.toContain('sevenS.title');
		expect(all).not.toContain('report.strategy.change.supports');
	});
});

describe('strategy assets', () => {
	const text = contextOf('en', anEngagement());
	it('plans the Pareto and portfolio charts of the segments', () => {
		const assets = strategyAssets({ content: small(), lang: 'en', text: { ...text, t: keyed } });
		expect(assets.map((a) => a.key)).toEqual(['segments.pareto', 'segments.portfolio']);
		for (const a of assets) expect(a).toMatchObject({ type: 'chart', width: 640, height: 320 });
		const pareto = assets[0]!;
		if (pareto.type !== 'chart') throw new Error('not a chart');
		expect(pareto.config.data.labels).toEqual(['Wealth', 'segments.unnamed{"n":2}']);
		expect(pareto.config.options?.animation).toBe(false);
		const portfolio = assets[1]!;
		if (portfolio.type !== 'chart') throw new Error('not a chart');
		// Margin per customer in yuan: A 40, B 2 (B overruled to maintain).
		expect(
			portfolio.config.data.datasets.map((d) => d.data.map((p) => (p as { y: number }).y))
		).toEqual([[40], [2], []]);
		expect(portfolio.config.data.datasets[0]!.label).toBe('tier.develop');
	});

	it('plans nothing without segments, and no Pareto curve without customers', () => {
		expect(strategyAssets({ content: anEngagement(), lang: 'en', text })).toEqual([]);
		const content = anEngagement({}, [], [aSegment({ id: 'a', name: 'A', customers: 0 })]);
		expect(strategyAssets({ content, lang: 'en', text }).map((a) => a.key)).toEqual([
			'segments.portfolio'
		]);
		expect(
			textsOf(build('segments', ctxOf(content, 'en', { keys: true }))).some((s) =>
				s.includes('segments.chart.pareto')
			)
		).toBe(false);
	});
});
