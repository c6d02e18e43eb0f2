import { describe, expect, it } from 'vitest';
import {
	againstBaseline,
	benefitValue,
	caseResults,
	costFlows,
	figures,
	honestyChecks,
	rampShare,
	type CaseContext
} from './cash-flows.ts';
import type { BenefitLine, BusinessCase, CostLine } from './model.ts';

const cost = (over: Partial<CostLine>): CostLine => ({
	id: 'c',
	optionId: 'saas',
	category: 'licences',
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
	optionId: 'saas',
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

const context: CaseContext = {
	segments: [
		{
			id: 'mass',
			customers: 1_000,
			revenue: 10_000_000,
			grossMargin: 0.4,
			retention: 0.8,
			acquisitionCost: 0,
			costToServe: 1_000,
			growth: 0
		}
	],
	channels: [
		{ id: 'branch', costPerContact: 2_500 },
		{ id: 'web', costPerContact: 300 }
	]
};

/*
 * The hand-worked case (horizon 3, 10 %):
 * SaaS: implementation 50,000 in year 0; subscription 10,000 a year, years 1–3, +10 % a year
 * (10,000, 11,000, 12,100); exit 5,000 in year 3. Benefit 60,000 a year, ramp 50 % then 100 %,
 * risk 25 %: gross 30,000, 60,000, 60,000; adjusted 22,500, 45,000, 45,000.
 *   costs        50,000   10,000   11,000   17,100     TCO 88,100
 *   net         −50,000   12,500   34,000   27,900
 *   cumulative  −50,000  −37,500   −3,500   24,400     payback 2 + 3,500/27,900 = 2.1254
 *   NPV = −50,000 + 11,363.64 + 28,099.17 + 20,961.68 = 10,424.49
 *   discounted cumulative −50,000, −38,636.36, −10,537.19, +10,424.49 → 2 + 10,537.19/20,961.68
 *   PV costs 81,029.30; PV benefits 91,453.79; ROI = 10,424.49 / 81,029.30 = 12.865 %
 *   simple ROI = (112,500 / 3) / 50,000 = 75 %
 * Baseline: legacy support 8,000 a year, years 0–3. SaaS against it: NPV 10,424.49 + 8,000 ×
 * (1 + 1/1.1 + 1/1.21 + 1/1.331) = 10,424.49 + 27,894.82 = 38,319.31.
 */
const theCase: BusinessCase = {
	settings: { horizon: 3, discountRate: 0.1, currency: 'CNY' },
	options: [
		{ id: 'base', name: 'Do nothing', description: '', baseline: true },
		{ id: 'saas', name: 'SaaS CRM', description: '', baseline: false }
	],
	costs: [
		cost({ id: 'impl', category: 'implementation', amount: 50_000 }),
		cost({
			id: 'subs',
			category: 'licences',
			recurring: true,
			startYear: 1,
			entry: 'unit',
			quantity: 20,
			unitPrice: 500,
			growth: 0.1
		}),
		cost({ id: 'exit', category: 'exit', amount: 5_000, startYear: 3 }),
		cost({ id: 'legacy', optionId: 'base', category: 'support', recurring: true, amount: 8_000 })
	],
	benefits: [benefit({ id: 'gain', amount: 60_000, rampUp: [0.5, 1], risk: 0.25 })],
	preferredOptionId: 'saas'
};

describe('cash flows of the hand-worked case', () => {
	const [base, saas] = caseResults(theCase, context);

	it('spreads costs by year and category', () => {
		expect(saas!.flows.costs).toEqual([50_000, 10_000, 11_000, 17_100]);
		expect(saas!.flows.costsByCategory.licences.map((x) => Math.round(x))).toEqual([
			0, 10_000, 11_000, 12_100
		]);
		expect(saas!.flows.benefitsAdjusted).toEqual([0, 22_500, 45_000, 45_000]);
		expect(saas!.flows.net).toEqual([-50_000, 12_500, 34_000, 27_900]);
	});

	it('gives NPV, ROI, paybacks and TCO', () => {
		const f = saas!.figures;
		expect(f.npv).toBeCloseTo(10_424.49, 2);
		expect(f.pvCosts).toBeCloseTo(81_029.3, 2);
		expect(f.pvBenefits).toBeCloseTo(91_453.79, 2);
		expect(f.roi).toBeCloseTo(0.12865, 5);
		expect(f.simpleRoi).toBe(0.75);
		expect(f.payback).toBeCloseTo(2.12545, 5);
		expect(f.discountedPayback).toBeCloseTo(2 + 10_537.19 / 20_961.68, 4);
		expect(f.tco).toBe(88_100);
		expect(f.irr.kind).toBe('one');
		expect(f.cumulative).toEqual([-50_000, -37_500, -3_500, 24_400]);
	});

	it('measures the option against the do-nothing baseline', () => {
		expect(base!.incremental).toBeNull();
		expect(saas!.incremental!.npv).toBeCloseTo(38_319.31, 2);
		expect(base!.figures.npv).toBeCloseTo(-27_894.82, 2);
	});
});

describe('ROI against published worked examples', () => {
	// With no discounting and no risk, ROI = (benefits − costs) ÷ costs, the textbook form.
	it('$1,000 returning $1,200 is 20 % ("Return on Investment (ROI) Formula – ROI Calculator")', () => {
		expect(figures([1_000, 0], [0, 1_200], 0).roi).toBeCloseTo(0.2, 12);
	});
	it('1,000 shares bought at $10 and sold at $12.50, $500 of dividends, $125 of commissions: 28.75 %', () => {
		// As published on newbe.dev ("roi function code example"): ([(12.50 − 10.00) × 1000 + 500 −
		// 125] ÷ (10.00 × 1000)) × 100. The proceeds net of commissions are the benefit.
		expect(figures([10_000, 0], [0, 12_500 + 500 - 125], 0).roi).toBeCloseTo(0.2875, 12);
	});
});

describe('benefit drivers read the engagement’s numbers', () => {
	it('retention: customers × rise × margin per customer', () => {
		// Profit 10,000,000 × 0.4 − 1,000 × 1,000 = 3,000,000; 3,000 a customer; × 1,000 × 2 points.
		expect(
			benefitValue(benefit({ driver: 'retention', segmentId: 'mass', rate: 0.02 }), context)
		).toEqual({ ok: true, value: 60_000 });
	});
	it('cross-sell, productivity, cycle and cost to serve', () => {
		expect(
			benefitValue(
				benefit({ driver: 'crossSell', segmentId: 'mass', rate: 0.05, unitValue: 2_000 }),
				context
			)
		).toEqual({ ok: true, value: 100_000 });
		expect(
			benefitValue(
				benefit({ driver: 'salesProductivity', count: 1_200, unitValue: 15_000 }),
				context
			)
		).toEqual({ ok: true, value: 18_000_000 });
		expect(
			benefitValue(
				benefit({
					driver: 'costToServe',
					count: 5_000,
					fromChannelId: 'branch',
					toChannelId: 'web'
				}),
				context
			)
		).toEqual({ ok: true, value: 11_000_000 });
	});
	it('names what is missing instead of inventing a number', () => {
		expect(benefitValue(benefit({ driver: 'retention', segmentId: 'gone' }), context)).toEqual({
			ok: false,
			problem: 'noSegment'
		});
		expect(
			benefitValue(benefit({ driver: 'costToServe', fromChannelId: 'branch' }), context)
		).toEqual({
			ok: false,
			problem: 'noChannel'
		});
	});
	it('ramps up from year 1 and keeps the last share', () => {
		expect([0, 1, 2, 3, 9].map((t) => rampShare([0.3, 0.7], t))).toEqual([0, 0.3, 0.7, 0.7, 0.7]);
		expect(rampShare([], 4)).toBe(1);
		expect(costFlows(cost({ recurring: true, amount: 100, startYear: 1, endYear: 2 }), 4)).toEqual([
			0, 100, 100, 0, 0
		]);
	});
});

describe('honesty checks', () => {
	it('name an option whose costs and benefits stop before the horizon', () => {
		const c: BusinessCase = {
			...theCase,
			costs: theCase.costs
				.filter((l) => l.id !== 'subs' && l.id !== 'exit')
				.concat(cost({ id: 'exit', category: 'exit', amount: 1, startYear: 1 })),
			benefits: []
		};
		expect(honestyChecks(c, context)).toEqual([
			{ kind: 'differentSpans', optionId: 'saas', lastYear: 1, horizon: 3 }
		]);
	});
	it('find nothing to say of the hand-worked case', () => {
		expect(honestyChecks(theCase, context)).toEqual([]);
	});
	it('name a missing baseline and exit cost, other categories, list prices and unexplained benefits', () => {
		const c: BusinessCase = {
			...theCase,
			options: [
				{ id: 'saas', name: 'SaaS', description: '', baseline: false },
				{ id: 'onprem', name: 'On-premise', description: '', baseline: false },
				{ id: 'empty', name: 'Empty', description: '', baseline: false }
			],
			costs: [
				...theCase.costs.filter((l) => l.optionId === 'saas'),
				cost({
					id: 'srv',
					optionId: 'onprem',
					category: 'infrastructure',
					amount: 70_000,
					listPrice: true
				})
			],
			benefits: [
				benefit({ id: 'vague', optionId: 'onprem', rationale: ' ', amount: 1, rampUp: [1] })
			]
		};
		expect(honestyChecks(c, context)).toEqual([
			{ kind: 'noBaseline' },
			{ kind: 'differentCategories', optionId: 'saas', missing: ['infrastructure'] },
			{ kind: 'noExitCost', optionId: 'onprem' },
			{
				kind: 'differentCategories',
				optionId: 'onprem',
				missing: ['licences', 'implementation']
			},
			{ kind: 'emptyOption', optionId: 'empty' },
			{ kind: 'benefitWithoutDriver', lineId: 'vague' },
			{ kind: 'listPrice', lineId: 'srv' }
		]);
	});
});

describe('against the baseline', () => {
	it('counts a cost the option avoids as a benefit, never as a negative cost', () => {
		const flows = (costs: number[], benefits: number[]) => ({
			optionId: 'x',
			costsByCategory: {} as never,
			costs,
			benefits,
			benefitsAdjusted: benefits,
			net: benefits.map((b, t) => b - costs[t]!)
		});
		expect(againstBaseline(flows([10, 5], [0, 4]), flows([8, 8], [0, 0]))).toEqual({
			costs: [2, 0],
			benefits: [0, 7],
			benefitsGross: [0, 7]
		});
	});

	it('marks an option without lines as empty, and names lines beyond the horizon and a currency that differs', () => {
		const c: BusinessCase = {
			...theCase,
			options: [
				...theCase.options,
				{ id: 'blank', name: 'Blank', description: '', baseline: false }
			],
			costs: [...theCase.costs, cost({ id: 'late', startYear: 5, amount: 1 })],
			benefits: [
				...theCase.benefits,
				benefit({ id: 'ret', driver: 'retention', segmentId: 'mass', rate: 0.01 })
			]
		};
		expect(caseResults(c, context).find((r) => r.option.id === 'blank')!.empty).toBe(true);
		const kinds = honestyChecks(c, { ...context, currency: 'USD' }).map((w) => w.kind);
		expect(kinds).toContain('beyondHorizon');
		expect(kinds).toContain('currencyMismatch');
	});
});
