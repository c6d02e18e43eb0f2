import { describe, expect, it } from 'vitest';
import type { CaseContext } from './cash-flows.ts';
import type { BusinessCase } from './model.ts';
import {
	monteCarlo,
	percentile,
	scenarioMultipliers,
	seededRandom,
	tornado,
	triangular
} from './uncertainty.ts';
import { caseResults } from './cash-flows.ts';

const none: CaseContext = { segments: [], channels: [] };
const line = {
	label: '',
	recurring: false,
	startYear: 0,
	endYear: null,
	entry: 'amount' as const,
	quantity: 0,
	unitPrice: 0,
	growth: 0,
	listPrice: false
};
/** Horizon 1, no discounting: NPV = benefit − cost, easy to check by hand. */
const simple: BusinessCase = {
	settings: { horizon: 1, discountRate: 0, currency: 'USD' },
	options: [{ id: 'o', name: 'Option', description: '', baseline: false }],
	costs: [
		{
			...line,
			id: 'cost',
			optionId: 'o',
			category: 'implementation',
			amount: 100,
			range: { low: 0.9, high: 1.5 }
		}
	],
	benefits: [
		{
			id: 'gain',
			optionId: 'o',
			driver: 'other',
			label: '',
			rationale: 'x',
			segmentId: null,
			rate: 0,
			unitValue: 0,
			count: 0,
			fromChannelId: null,
			toChannelId: null,
			amount: 200,
			rampUp: [1],
			risk: 0,
			range: { low: 0.5, high: 1.2 }
		}
	],
	preferredOptionId: 'o'
};

describe('scenarios and sensitivity', () => {
	it('takes benefits low and costs high in the conservative scenario', () => {
		const npv = (s: 'conservative' | 'expected' | 'optimistic') =>
			caseResults(simple, none, scenarioMultipliers(simple, s))[0]!.figures.npv;
		expect(npv('conservative')).toBeCloseTo(200 * 0.5 - 100 * 1.5, 10);
		expect(npv('expected')).toBe(100);
		expect(npv('optimistic')).toBeCloseTo(200 * 1.2 - 100 * 0.9, 10);
	});

	it('sorts the tornado by swing: the benefit (140) before the cost (60)', () => {
		const t = tornado(simple, none, 'o');
		expect(t.base).toBe(100);
		expect(t.bars.map((b) => [b.lineId, b.low, b.high, b.swing])).toEqual([
			['gain', 0, 140, 140],
			['cost', 110, 50, 60]
		]);
	});
});

describe('scenarios with a baseline', () => {
	it('take the baseline’s costs low in the conservative scenario (the options look worse)', () => {
		const withBase: BusinessCase = {
			...simple,
			options: [
				...simple.options,
				{ id: 'b', name: 'Do nothing', description: '', baseline: true }
			],
			costs: [...simple.costs, { ...simple.costs[0]!, id: 'legacy', optionId: 'b', amount: 50 }]
		};
		const m = scenarioMultipliers(withBase, 'conservative');
		expect(m.get('legacy')).toBe(0.9);
		expect(m.get('cost')).toBe(1.5);
		expect(scenarioMultipliers(withBase, 'optimistic').get('legacy')).toBe(1.5);
	});
});

describe('Monte Carlo', () => {
	it('is repeatable with a seed and brackets the expected NPV', () => {
		const a = monteCarlo(simple, none, 'o', 2_000, 42);
		expect(monteCarlo(simple, none, 'o', 2_000, 42)).toEqual(a);
		expect(a.p10).toBeLessThan(a.p50);
		expect(a.p50).toBeLessThan(a.p90);
		// The mean of triangular(0.5, 1, 1.2) is 0.9 and of (0.9, 1, 1.5) 1.1333: NPV ≈ 66.7.
		expect(a.p50).toBeGreaterThan(40);
		expect(a.p50).toBeLessThan(90);
		expect(a.p10).toBeGreaterThan(200 * 0.5 - 150 - 1e-9);
		expect(a.p90).toBeLessThan(200 * 1.2 - 90 + 1e-9);
	});

	it('draws from a triangle, and takes percentiles between neighbours', () => {
		expect(triangular(0, 0.5, 1, 2)).toBe(0.5);
		expect(triangular(1 / 3, 0.5, 1, 2)).toBeCloseTo(1, 10);
		expect(triangular(0.999999, 0.5, 1, 2)).toBeCloseTo(2, 2);
		expect(percentile([1, 2, 3, 4, 5], 50)).toBe(3);
		expect(percentile([1, 2, 3, 4], 10)).toBeCloseTo(1.3, 10);
		const r = seededRandom(7);
		const xs = Array.from({ length: 1000 }, r);
		expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
		expect(Math.max(...xs)).toBeLessThan(1);
	});
});
