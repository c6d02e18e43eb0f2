import { describe, expect, it } from 'vitest';
import {
	lifetimeValue,
	paretoCurve,
	paretoHeadline,
	segmentMetrics,
	suggestTier,
	type SegmentEconomics
} from './segments.ts';

// Worked by hand (money in minor units):
// A: 100 customers, revenue 1,000,000, margin 40 %, cost to serve 500 → profit 400,000 − 50,000 = 350,000;
//    m = 3,500; CLV = 3,500 × 1.1 ÷ (1.1 − 0.9) − 2,000 = 19,250 − 2,000 = 17,250.
// B: 900 customers, revenue 900,000, margin 30 %, cost to serve 100 → profit 270,000 − 90,000 = 180,000;
//    m = 200; CLV = 200 × 1.1 ÷ 0.4 − 300 = 550 − 300 = 250.
// C: 1,000 customers, revenue 100,000, margin 20 %, cost to serve 30 → profit 20,000 − 30,000 = −10,000;
//    m = −10; CLV = −10 × 1.1 ÷ 0.6 − 100 = −118.33…
// Totals: revenue 2,000,000; customers 2,000; profit of the profitable segments 530,000 (the base of
// profit shares); net profit 520,000, so the average margin per customer is 260.
const A: SegmentEconomics = {
	id: 'A',
	customers: 100,
	revenue: 1_000_000,
	grossMargin: 0.4,
	retention: 0.9,
	acquisitionCost: 2_000,
	costToServe: 500,
	growth: 0.08
};
const B: SegmentEconomics = {
	id: 'B',
	customers: 900,
	revenue: 900_000,
	grossMargin: 0.3,
	retention: 0.7,
	acquisitionCost: 300,
	costToServe: 100,
	growth: 0.02
};
const C: SegmentEconomics = {
	id: 'C',
	customers: 1_000,
	revenue: 100_000,
	grossMargin: 0.2,
	retention: 0.5,
	acquisitionCost: 100,
	costToServe: 30,
	growth: 0
};

describe('segment economics', () => {
	const [a, b, c] = segmentMetrics([A, B, C]);

	it('computes profit, shares and margin per customer', () => {
		expect(a).toMatchObject({
			profit: 350_000,
			revenueShare: 0.5,
			customerShare: 0.05,
			marginPerCustomer: 3_500
		});
		expect(a!.profitShare).toBeCloseTo(350 / 530, 12);
		expect(b).toMatchObject({
			profit: 180_000,
			revenueShare: 0.45,
			customerShare: 0.45,
			marginPerCustomer: 200
		});
		expect(b!.profitShare).toBeCloseTo(180 / 530, 12);
		expect(c).toMatchObject({
			profit: -10_000,
			revenueShare: 0.05,
			customerShare: 0.5,
			marginPerCustomer: -10
		});
		expect(c!.profitShare).toBeCloseTo(-10 / 530, 12);
	});

	it('computes the lifetime value with a 10 % discount rate', () => {
		expect(a!.lifetimeValue).toBeCloseTo(17_250, 9);
		expect(b!.lifetimeValue).toBeCloseTo(250, 9);
		expect(c!.lifetimeValue).toBeCloseTo(-118.3333333, 6);
		expect(lifetimeValue(1_000, 0, 0, 0.1)).toBeCloseTo(1_000, 9); // no retention: one year of margin
	});

	it('suggests develop, maintain and serve-at-lowest-cost tiers with a reason', () => {
		expect(a!.valueIndex).toBeCloseTo(3_500 / 260, 12); // 13.46
		expect(b!.valueIndex).toBeCloseTo(200 / 260, 12); // 0.77
		expect([a!.suggestedTier, a!.tierReason]).toEqual(['develop', 'highValue']);
		expect([b!.suggestedTier, b!.tierReason]).toEqual(['maintain', 'average']);
		expect([c!.suggestedTier, c!.tierReason]).toEqual(['serve', 'lossMaking']);
		expect(suggestTier(10, 1.2, 0.05)).toEqual({ tier: 'develop', reason: 'growingAboveAverage' });
		expect(suggestTier(10, 1.2, 0.049)).toEqual({ tier: 'maintain', reason: 'average' });
		expect(suggestTier(10, 1, 0.2)).toEqual({ tier: 'maintain', reason: 'average' }); // exactly average
		expect(suggestTier(10, null, 0.2)).toEqual({ tier: 'maintain', reason: 'average' });
		expect(suggestTier(10, 0.4, 0.2)).toEqual({ tier: 'serve', reason: 'lowValue' });
		expect(suggestTier(0, null, 0, 0)).toEqual({ tier: 'serve', reason: 'noCustomers' });
	});

	it('draws the Pareto curve, best customers first, and finds the 80 % headline', () => {
		const curve = paretoCurve([C, B, A]);
		expect(curve.map((p) => p.id)).toEqual(['A', 'B', 'C']);
		expect(curve.map((p) => p.cumulativeCustomers)).toEqual([0.05, 0.5, 1]);
		expect(curve[0]!.cumulativeProfit).toBeCloseTo(350 / 530, 12);
		expect(curve[1]!.cumulativeProfit).toBeCloseTo(1, 12);
		expect(curve[2]!.cumulativeProfit).toBeCloseTo(520 / 530, 12);
		expect(paretoHeadline(curve)).toEqual({ customers: 0.5, profit: expect.closeTo(1, 12) });
		expect(paretoHeadline(curve, 0.6)).toEqual({
			customers: 0.05,
			profit: expect.closeTo(350 / 530, 12)
		});
	});

	it('compares with the average customer of all segments, losses included (review case)', () => {
		// A: 10 customers, profit 1,000; B: 100, profit 200; C: 100, profit −1,100. Net 100 over 210
		// customers: average 0.476. B earns 2 a customer, about 4.2 times that: develop, not serve.
		const seg = (id: string, customers: number, profit: number): SegmentEconomics => ({
			id,
			customers,
			revenue: profit > 0 ? profit : 0,
			grossMargin: 1,
			retention: 0.5,
			acquisitionCost: 0,
			costToServe: profit > 0 ? 0 : -profit / customers,
			growth: 0
		});
		const [, b, c] = segmentMetrics([
			seg('A', 10, 1_000),
			seg('B', 100, 200),
			seg('C', 100, -1_100)
		]);
		expect(b!.valueIndex).toBeCloseTo(2 / (100 / 210), 9);
		expect(b!.suggestedTier).toBe('develop');
		expect(c!.tierReason).toBe('lossMaking');
	});

	it('handles no segments and segments with no customers', () => {
		expect(segmentMetrics([])).toEqual([]);
		const [empty] = segmentMetrics([{ ...A, customers: 0, revenue: 0 }]);
		expect(empty).toMatchObject({
			lifetimeValue: null,
			valueIndex: null,
			suggestedTier: 'serve',
			tierReason: 'noCustomers'
		});
		expect(paretoCurve([{ ...A, customers: 0 }])).toEqual([]);
		expect(paretoHeadline([])).toBeNull();
	});
});
