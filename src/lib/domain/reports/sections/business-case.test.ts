import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	contextOf,
	MESSAGES,
	pdfOf,
	pdftotext,
	sampleContent,
	tempPdf,
	textOf,
	textsOf
} from '../../../../../test/reports.ts';
import { businessCaseAssets } from '../../../features/reports/assets/business-case.ts';
import { caseResults, headlineNpv } from '../../business-case/cash-flows.ts';
import type { BenefitLine, BusinessCase, CostLine } from '../../business-case/model.ts';
import { scenarioMultipliers } from '../../business-case/uncertainty.ts';
import type { EngagementContent } from '../../engagement/profile.ts';
import type { Locale } from '../../locales.ts';
import type { ReportContext } from '../context.ts';
import { buildReport } from '../document.ts';
import type { ReportAssets, ReportKind } from '../model.ts';
import { businessCaseSections, caseContextOf, preferredOption } from './business-case.ts';

const cost = (over: Partial<CostLine>): CostLine => ({
	id: 'c',
	optionId: 'a',
	category: 'implementation',
	label: '',
	recurring: false,
	startYear: 0,
	endYear: null,
	entry: 'amount',
	amount: 0,
	quantity: 0,
	unitPrice: 0,
	growth: 0,
	listPrice: false,
	range: { low: 1, high: 1 },
	...over
});
const benefit = (over: Partial<BenefitLine>): BenefitLine => ({
	id: 'b',
	optionId: 'a',
	driver: 'other',
	label: '',
	rationale: 'Fewer lost customers',
	segmentId: null,
	rate: 0,
	unitValue: 0,
	count: 0,
	fromChannelId: null,
	toChannelId: null,
	amount: 0,
	rampUp: [],
	risk: 0,
	range: { low: 1, high: 1 },
	...over
});

/*
 * The hand-worked case (horizon 2, 10 %, USD):
 * Baseline: support 10,000 a year, years 0–2.
 * A: implementation 50,000 in year 0; support 5,000 a year from year 1; exit 0.
 *    Benefit 40,000 a year, ramp 50 % then 100 %, risk 20 %: adjusted 0, 16,000, 32,000.
 * Against the baseline: extra cost 40,000, 0, 0; avoided 0, 5,000, 5,000;
 *   benefits 0, 21,000, 37,000; net −40,000, 21,000, 37,000; cumulative −40,000, −19,000, 18,000.
 *   NPV = −40,000 + 19,090.91 + 30,578.51 = 9,669.42 → $96.69
 *   PV costs 40,000; PV benefits 49,669.42; ROI 24.17 % → 24.2 %
 *   simple ROI = (21,000 + 37,000) / 2 / 40,000 = 72.5 %
 *   payback 1 + 19,000 / 37,000 = 1.51 → 1.5 years
 *   discounted payback 1 + 20,909.09 / 30,578.51 = 1.68 → 1.7 years
 *   IRR: 37,000x² + 21,000x − 40,000 = 0, x = 1/(1 + r) = 0.79400 → r = 25.9 %
 *   TCO of A = 60,000 → $600.00; of the baseline 30,000 → $300.00
 * B: implementation 80,000 in year 0, the same benefit: NPV lower than A's.
 */
function handCase(over: Partial<BusinessCase> = {}): BusinessCase {
	return {
		settings: { horizon: 2, discountRate: 0.1, currency: 'USD' },
		options: [
			{ id: 'base', name: 'Do nothing', description: '', baseline: true },
			{ id: 'a', name: 'SaaS', description: 'Subscribed per user', baseline: false },
			{ id: 'b', name: '', description: '', baseline: false }
		],
		costs: [
			cost({ id: 'c1', optionId: 'base', category: 'support', recurring: true, amount: 10_000 }),
			cost({ id: 'c2', optionId: 'a', amount: 50_000, label: 'Go-live' }),
			cost({
				id: 'c3',
				optionId: 'a',
				category: 'support',
				recurring: true,
				startYear: 1,
				amount: 5_000
			}),
			cost({ id: 'c4', optionId: 'a', category: 'exit', startYear: 2, amount: 0 }),
			cost({ id: 'c5', optionId: 'b', amount: 80_000 }),
			cost({ id: 'c6', optionId: 'b', category: 'exit', startYear: 2, amount: 0 }),
			cost({
				id: 'c7',
				optionId: 'b',
				category: 'support',
				recurring: true,
				startYear: 1,
				amount: 5_000
			})
		],
		benefits: [
			benefit({ id: 'b1', optionId: 'a', amount: 40_000, rampUp: [0.5, 1], risk: 0.2 }),
			benefit({ id: 'b2', optionId: 'b', amount: 40_000, rampUp: [0.5, 1], risk: 0.2 })
		],
		preferredOptionId: null,
		...over
	};
}

function contentWith(c: BusinessCase, lang: Locale = 'en'): EngagementContent {
	return { ...sampleContent(lang), businessCase: c };
}

/**
 * The context of a section builder for `content`: the app's words for the app's keys, and the
 * key itself for the report's own (`report.…`), whether or not they are in the messages yet.
 */
function ctxOf(
	content: EngagementContent,
	lang: Locale = 'en',
	kind: ReportKind = 'businessCase',
	assets: ReportAssets = {}
): ReportContext {
	const ctx = contextOf(lang, content, kind, assets);
	return { ...ctx, t: (k, p) => (k.startsWith('report.') ? k : ctx.t(k, p)) };
}

/** The rows of the first table in `nodes` whose header row starts with `header`. */
function tableRows(nodes: unknown, header: string, which: 'first' | 'last' = 'first'): string[][] {
	const found: string[][][] = [];
	const walk = (n: unknown) => {
		if (Array.isArray(n)) return n.forEach(walk);
		if (!n || typeof n !== 'object') return;
		const r = n as Record<string, unknown>;
		const t = r.table as { body?: unknown[][] } | undefined;
		if (t?.body && textsOf(t.body[0]?.[0]).join('') === header)
			found.push(t.body.slice(1).map((row) => row.map((cell) => textsOf(cell).join(''))));
		Object.values(r).forEach(walk);
	};
	walk(nodes);
	if (found.length === 0) throw new Error(`no table headed ${header}`);
	return which === 'first' ? found[0]! : found[found.length - 1]!;
}

function allTables(nodes: unknown): Array<{ widths: unknown[]; body: unknown[][] }> {
	const out: Array<{ widths: unknown[]; body: unknown[][] }> = [];
	const walk = (n: unknown) => {
		if (Array.isArray(n)) return n.forEach(walk);
		if (!n || typeof n !== 'object') return;
		const r = n as Record<string, unknown>;
		if (r.table && typeof r.table === 'object' && 'body' in r.table)
			out.push(r.table as { widths: unknown[]; body: unknown[][] });
		Object.values(r).forEach(walk);
	};
	walk(nodes);
	return out;
}

const overview = businessCaseSections.businessCase!;
const detail = businessCaseSections.businessCaseDetail!;

describe('businessCase section', () => {
	it('is left out when the case has no options', () => {
		const content = contentWith({ ...handCase(), options: [], costs: [], benefits: [] });
		expect(overview(ctxOf(content))).toBeNull();
		expect(detail(ctxOf(content))).toBeNull();
		expect(preferredOption(content)).toBeNull();
		expect(businessCaseAssets({ content, lang: 'en', text: textOf('en') })).toEqual([]);
	});

	it('compares the options against the baseline with the hand-worked figures', () => {
		const nodes = overview(ctxOf(contentWith(handCase())))!;
		const rows = tableRows(nodes, 'Option');
		expect(rows).toEqual([
			// The baseline: its own NPV (−100 a year: −100 − 90.91 − 82.64), nothing else.
			['report.businessCase.baselineName', '$300.00', '-$273.55', '–', '–', '–', '–', '–'],
			['SaaS', '$600.00', '$96.69', '25.9%', '24.2%', '72.5%', '1.5 years', '1.7 years'],
			// B: net −70,000, 21,000, 37,000 → NPV −20,330.58, ROI −20,330.58 / 70,000;
			// simple ROI 29,000 / 70,000; IRR: 37,000x² + 21,000x − 70,000 = 0, x = 1.12066.
			[
				'Option 3',
				'$900.00',
				'-$203.31',
				'-10.8%',
				'-29%',
				'41.4%',
				'not within the horizon',
				'not within the horizon'
			]
		]);
		const texts = textsOf(nodes);
		expect(texts[0]).toBe('report.section.businessCase');
		expect(texts).toContain('report.businessCase.horizon');
		expect(texts).toContain('10%');
		expect(texts).toContain('USD');
	});

	it('quotes the option with the highest NPV unless one is marked preferred', () => {
		const best = preferredOption(contentWith(handCase()))!;
		expect(best.option.id).toBe('a');
		expect(best.reason).toBe('highestNpv');
		expect(best.againstBaseline).toBe(true);
		expect(best.npv).toBeCloseTo(9_669.42, 2);
		expect(best.roi).toBeCloseTo(9_669.4215 / 40_000, 6);
		expect(best.payback).toBeCloseTo(1 + 19_000 / 37_000, 10);
		expect(best.tco).toBe(60_000);
		const chosen = preferredOption(contentWith(handCase({ preferredOptionId: 'b' })))!;
		expect(chosen.option.id).toBe('b');
		expect(chosen.reason).toBe('chosen');
		expect(chosen.npv).toBeCloseTo(-20_330.58, 2);
		// The baseline is never the preferred option, even if it is marked.
		expect(preferredOption(contentWith(handCase({ preferredOptionId: 'base' })))!.option.id).toBe(
			'a'
		);
		// Without a baseline the figures stand alone.
		const alone = handCase();
		alone.options = alone.options.filter((o) => !o.baseline);
		const p = preferredOption(contentWith(alone))!;
		expect(p.againstBaseline).toBe(false);
		expect(p.npv).toBeCloseTo(-50_000 + 11_000 / 1.1 + 27_000 / 1.21, 6);
	});

	it('prints the key figures of the preferred option', () => {
		const texts = textsOf(overview(ctxOf(contentWith(handCase({ preferredOptionId: 'a' })))));
		const at = texts.indexOf('report.businessCase.preferredChosen');
		expect(at).toBeGreaterThan(0);
		expect(texts.slice(at, at + 10)).toEqual(
			expect.arrayContaining(['$96.69', '25.9%', '24.2%', '1.5 years'])
		);
	});

	it('names IRR "none" and "several" as the page does', () => {
		// No baseline and no benefits: every flow negative, no IRR.
		const none = handCase({ benefits: [], options: handCase().options.filter((o) => !o.baseline) });
		const rows = tableRows(overview(ctxOf(contentWith(none))), 'Option');
		expect(rows[1]![3]).toBe('none');
		const texts = textsOf(overview(ctxOf(contentWith(none))));
		expect(texts).toContain('report.businessCase.irrNote');
		// −1,000, +2,300, −1,320: two sign changes, IRR 10 % and 20 %.
		const several = handCase({
			settings: { horizon: 2, discountRate: 0.1, currency: 'USD' },
			options: [{ id: 'a', name: 'A', description: '', baseline: false }],
			costs: [cost({ id: 'x', amount: 1_000 }), cost({ id: 'y', startYear: 2, amount: 1_320 })],
			benefits: [benefit({ id: 'z', amount: 2_300, rampUp: [1, 0] })]
		});
		const ctx = {
			...ctxOf(contentWith(several)),
			t: (k: string, p?: Record<string, unknown>) => `${k}${p ? JSON.stringify(p) : ''}`
		};
		const out = textsOf(overview(ctx));
		expect(out.some((s) => s.startsWith('case.irrSeveralShort'))).toBe(true);
		const note = out.find((s) => s.startsWith('report.businessCase.irrNote'))!;
		expect(note).toContain('case.irrSeveral');
		expect(note).toContain('10%');
		expect(note).toContain('20%');
	});

	it('shows the honesty warnings the page shows', () => {
		const c = handCase({
			options: handCase().options.filter((o) => !o.baseline),
			costs: handCase().costs.filter((l) => l.category !== 'exit' && l.optionId !== 'base')
		});
		c.costs[0] = { ...c.costs[0]!, listPrice: true };
		const texts = textsOf(overview(ctxOf(contentWith(c))));
		expect(texts).toContain('report.businessCase.warnings');
		expect(texts).toContain(MESSAGES.en['case.warn.noBaseline']);
		expect(texts).toContain(MESSAGES.en['case.warn.noExitCost'].replace('{option}', 'SaaS'));
		expect(texts).toContain(MESSAGES.en['case.warn.listPrice'].replace('{line}', 'Go-live'));
		// A clean case has none.
		const clean = textsOf(overview(ctxOf(contentWith(handCase()))));
		expect(clean).not.toContain('report.businessCase.warnings');
	});

	it('prints the scenarios only when the lines have ranges', () => {
		expect(textsOf(overview(ctxOf(contentWith(handCase()))))).not.toContain('NPV by scenario');
		const c = handCase();
		c.benefits = c.benefits.map((l) => ({ ...l, range: { low: 0.5, high: 1.5 } }));
		const content = contentWith(c);
		const nodes = overview(ctxOf(content))!;
		expect(textsOf(nodes)).toContain('NPV by scenario');
		const rows = tableRows(nodes, 'Option', 'last');
		const conservative = headlineNpv(
			c,
			caseContextOf(content),
			'a',
			scenarioMultipliers(c, 'conservative')
		);
		// Benefits at half (the avoided 5,000 a year stays): net −40,000, 13,000, 21,000.
		expect(conservative).toBeCloseTo(-40_000 + 13_000 / 1.1 + 21_000 / 1.21, 6);
		expect(conservative).toBeCloseTo(-10_826.45, 2);
		expect(rows).toEqual([
			// Optimistic: net −40,000, 29,000, 53,000.
			['SaaS', '-$108.26', '$96.69', '$301.65'],
			['Option 3', '-$408.26', '-$203.31', '$1.65']
		]);
	});

	it('asks for the two charts and prints them, or a note when they were not drawn', () => {
		const content = contentWith(handCase());
		const assets = businessCaseAssets({ content, lang: 'en', text: textOf('en') });
		expect(assets.map((a) => a.key)).toEqual(['businessCase.cumulative', 'businessCase.tco']);
		const [cumulative, tco] = assets as Array<Extract<(typeof assets)[number], { type: 'chart' }>>;
		expect(cumulative!.config.data.labels).toEqual(['Year 0', 'Year 1', 'Year 2']);
		expect(cumulative!.config.data.datasets.map((d) => [d.label, d.data])).toEqual([
			['Do nothing', [-100, -200, -300]],
			['SaaS', [-400, -190, 180]],
			['Option 3', [-700, -490, -120]]
		]);
		expect(tco!.config.data.labels).toEqual(['Do nothing', 'SaaS', 'Option 3']);
		expect(tco!.config.data.datasets.map((d) => [d.label, d.data])).toEqual([
			['Implementation services', [0, 500, 800]],
			['Support and maintenance', [300, 100, 100]]
		]);
		expect([cumulative!.width, cumulative!.height]).toEqual([640, 320]);
		// Not drawn: a note in place of each.
		const missing = textsOf(overview(ctxOf(content)));
		expect(missing.filter((s) => s === 'report.notDrawn')).toHaveLength(2);
		// Drawn: the pictures with their captions.
		const image = {
			type: 'image' as const,
			dataUrl: 'data:image/png;base64,AA==',
			width: 1280,
			height: 640
		};
		const drawn = overview(
			ctxOf(content, 'en', 'businessCase', {
				'businessCase.cumulative': image,
				'businessCase.tco': image
			})
		)!;
		const texts = textsOf(drawn);
		expect(texts).toContain('Cumulative net cash flow');
		expect(texts).toContain('Total cost of ownership by category');
		expect(JSON.stringify(drawn).match(/"image":/g)).toHaveLength(2);
	});

	it('formats the money in the report language', () => {
		const c = handCase({ settings: { horizon: 2, discountRate: 0.1, currency: 'CNY' } });
		const expected = { en: 'CN¥96.69', 'zh-CN': '¥96.69', 'zh-TW': 'CN¥96.69' } as const;
		for (const lang of ['en', 'zh-CN', 'zh-TW'] as const) {
			const ctx = ctxOf(contentWith(c, lang), lang);
			const header = MESSAGES[lang]['case.option.name'];
			expect(tableRows(overview(ctx), header)[1]![2], lang).toBe(expected[lang]);
		}
		const zh = textsOf(overview(ctxOf(contentWith(c, 'zh-CN'), 'zh-CN')));
		expect(zh).toContain('1.5 年');
	});

	it('passes user text through as text', () => {
		const evil = '<b>x</b>{{}}';
		const c = handCase();
		c.options[1] = { ...c.options[1]!, name: evil, description: evil };
		c.costs[1] = { ...c.costs[1]!, label: evil };
		c.benefits[0] = { ...c.benefits[0]!, label: evil, rationale: `${evil}{n}` };
		const content = contentWith(c);
		expect(textsOf(overview(ctxOf(content)))).toContain(evil);
		const texts = textsOf(detail(ctxOf(content)));
		expect(texts.filter((s) => s === evil).length).toBeGreaterThanOrEqual(4);
		expect(texts).toContain(`${evil}{n}`);
		const assets = businessCaseAssets({ content, lang: 'en', text: textOf('en') });
		expect(JSON.stringify(assets)).toContain(JSON.stringify(evil).slice(1, -1));
	});
});

describe('businessCaseDetail section', () => {
	it('gives each option its yearly table with the hand-worked flows', () => {
		const nodes = detail(ctxOf(contentWith(handCase())))!;
		const texts = textsOf(nodes);
		expect(texts[0]).toBe('report.section.businessCaseDetail');
		expect(texts).toContain('report.businessCase.baselineName');
		expect(texts).toContain('Subscribed per user');
		const yearly = tableRows(nodes, 'Year');
		// The baseline's own flows come first: costs 10,000 a year.
		expect(yearly.slice(0, 3)).toEqual([
			['0', '$100.00', '$0.00', '-$100.00', '1', '-$100.00', '-$100.00'],
			['1', '$100.00', '$0.00', '-$100.00', '0.9091', '-$90.91', '-$200.00'],
			['2', '$100.00', '$0.00', '-$100.00', '0.8264', '-$82.64', '-$300.00']
		]);
		// A against the baseline.
		const all = allTables(nodes).filter((t) => textsOf(t.body[0]![0]).join('') === 'Year');
		const a = all[1]!.body.slice(1).map((row) => row.map((cell) => textsOf(cell).join('')));
		expect(a).toEqual([
			['0', '$400.00', '$0.00', '-$400.00', '1', '-$400.00', '-$400.00'],
			['1', '$0.00', '$210.00', '$210.00', '0.9091', '$190.91', '-$190.00'],
			['2', '$0.00', '$370.00', '$370.00', '0.8264', '$305.79', '$180.00']
		]);
	});

	it('matches the domain figures for the sample in every language', () => {
		for (const lang of ['en', 'zh-CN', 'zh-TW'] as const) {
			const content = sampleContent(lang);
			const c = content.businessCase;
			const ctx = ctxOf(content, lang);
			const results = caseResults(c, caseContextOf(content));
			const rows = tableRows(overview(ctx), MESSAGES[lang]['case.option.name']);
			expect(rows.map((r) => r[1])).toEqual(
				results.map((r) => ctx.money(Math.round(r.figures.tco), c.settings.currency))
			);
			for (const [i, r] of results.entries())
				if (!r.empty)
					expect(rows[i]![2]).toBe(
						ctx.money(
							Math.round(headlineNpv(c, caseContextOf(content), r.option.id)),
							c.settings.currency
						)
					);
			const p = preferredOption(content)!;
			expect(p.option.id).toBe(c.preferredOptionId);
			expect(p.reason).toBe('chosen');
		}
	});

	it('lists the cost lines and the benefit lines with their inputs', () => {
		const content = sampleContent('en');
		const c = content.businessCase;
		const nodes = detail(ctxOf(content))!;
		const texts = textsOf(nodes);
		for (const l of [...c.costs, ...c.benefits])
			if (l.label.trim()) expect(texts).toContain(l.label);
		const unit = c.costs.find((l) => l.entry === 'unit')!;
		const money = (x: number) => ctxOf(content).money(x, c.settings.currency);
		expect(texts).toContain(`report.businessCase.unitAmount`);
		// With real words the amount reads quantity × price = amount.
		const t = (k: string, p?: Record<string, string | number>) =>
			k === 'report.businessCase.unitAmount'
				? `${p!.quantity} × ${p!.price} = ${p!.amount}`
				: textOf('en').t(k, p);
		const worded = textsOf(detail({ ...ctxOf(content), t }));
		expect(worded).toContain(
			`${unit.quantity} × ${money(unit.unitPrice)} = ${money(unit.quantity * unit.unitPrice)}`
		);
	});

	it('shows how a driver-based benefit is computed', () => {
		const base = sampleContent('en');
		const segment = base.segments[0]!;
		const c = handCase({
			benefits: [
				benefit({
					id: 'r',
					optionId: 'a',
					driver: 'retention',
					segmentId: segment.id,
					rate: 0.02,
					risk: 0.1
				}),
				benefit({ id: 'u', optionId: 'b', driver: 'retention', segmentId: null })
			],
			settings: { horizon: 2, discountRate: 0.1, currency: base.profile.currency }
		});
		const content = contentWith(c);
		const t = (k: string, p?: Record<string, string | number>) =>
			`${k}${p ? JSON.stringify(p) : ''}`;
		const texts = textsOf(detail({ ...ctxOf(content), t }));
		const calc = texts.find((s) => s.startsWith('report.businessCase.calc.retention'))!;
		const params = JSON.parse(calc.slice('report.businessCase.calc.retention'.length)) as Record<
			string,
			string
		>;
		const ctx = ctxOf(content);
		expect(params.customers).toBe(ctx.number(segment.customers));
		expect(params.rate).toBe('2%');
		expect(texts).toContain('case.benefit.problem.noSegment');
		expect(texts).toContain('report.businessCase.rampFull');
		expect(texts).toContain('10%');
	});

	it('keeps the wide tables within the page, splitting the years when they do not fit', () => {
		const c = handCase({ settings: { horizon: 30, discountRate: 0.1, currency: 'USD' } });
		c.costs = c.costs.map((l) => ({ ...l, amount: l.amount * 10_000 }));
		const ctx = ctxOf(contentWith(c));
		const nodes = detail(ctx)!;
		const tco = allTables(nodes).filter(
			(t) =>
				textsOf(t.body[0]![0]).join('') === 'Category' &&
				t.widths.every((w) => typeof w === 'number')
		);
		// Three options × several tables each, every one within the page's width.
		expect(tco.length).toBeGreaterThan(3);
		for (const t of tco)
			expect((t.widths as number[]).reduce((a, b) => a + b + 8, 0)).toBeLessThanOrEqual(
				ctx.page.width + 1
			);
		// Every year and the total are printed once per option.
		const headers = tco.flatMap((t) => t.body[0]!.slice(1).map((h) => textsOf(h).join('')));
		expect(headers.filter((h) => h === '30')).toHaveLength(3);
		expect(headers.filter((h) => h === 'Total')).toHaveLength(3);
		// The font is small.
		expect(JSON.stringify(nodes)).toContain('"fontSize":7.5');
	});

	it('prints the workings with the option’s figures', () => {
		const texts = textsOf(detail(ctxOf(contentWith(handCase())))!);
		const en = MESSAGES.en;
		expect(texts).toContain(en['case.formula.npv'].replace('{npv}', '$96.69'));
		expect(texts).toContain(
			en['case.formula.roi']
				.replace('{pvb}', '$496.69')
				.replaceAll('{pvc}', '$400.00')
				.replace('{roi}', '24.2%')
		);
		expect(texts).toContain(en['case.formula.tco'].replace('{tco}', '$600.00'));
	});
});

describe('business case in a PDF', () => {
	it('lays out the sample in English and traditional Chinese', async () => {
		for (const lang of ['en', 'zh-TW'] as const) {
			const content = sampleContent(lang);
			const ctx = ctxOf(content, lang);
			const built = buildReport(
				{ content, options: ctx.options, assets: {} },
				textOf(lang),
				businessCaseSections
			);
			expect(built.sections).toEqual(['businessCase', 'businessCaseDetail']);
			const file = tempPdf((await pdfOf(built.definition, lang)).bytes, `case-${lang}.pdf`);
			const text = pdftotext(file);
			const p = preferredOption(content)!;
			expect(text).toContain(ctx.money(Math.round(p.npv), content.businessCase.settings.currency));
			if (process.env.REPORT_KEEP)
				fs.copyFileSync(file, `${process.env.REPORT_KEEP}/case-${lang}.pdf`);
		}
	}, 60_000);
});
