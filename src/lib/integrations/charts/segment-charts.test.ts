import { describe, expect, it } from 'vitest';
import { aSegment } from '../../../../test/factories.ts';
import { bubbleRadius, paretoChart, portfolioChart } from './segment-charts.ts';

// Two segments: W has 100 customers and profit 1,000,000 − 100 × 1,000 = 900,000 (m = 9,000);
// M has 900 customers and profit 200,000 − 900 × 111 = 100,100 (m ≈ 111.2). Total profit 1,000,100.
const W = aSegment({
	id: 'w',
	name: 'Wealth',
	customers: 100,
	revenue: 2_000_000,
	grossMargin: 0.5,
	costToServe: 1_000,
	growth: 0.1,
	tierOverride: null
});
const M = aSegment({
	id: 'm',
	name: 'Mass',
	customers: 900,
	revenue: 1_000_000,
	grossMargin: 0.2,
	costToServe: 111,
	growth: -0.02,
	tierOverride: null
});
const labels = {
	profitShare: 'Profit share',
	cumulativeProfit: 'Cumulative profit',
	cumulativeCustomers: 'Cumulative customers',
	axis: '%'
};

describe('segment charts', () => {
	it('orders the Pareto chart by profit per customer with cumulative lines in percent', () => {
		const config = paretoChart([M, W], labels, 'en');
		expect(config.data.labels).toEqual(['Wealth', 'Mass']);
		const [bars, profit, customers] = config.data.datasets;
		expect(bars!.data).toEqual([90, 10]); // 900,000 / 1,000,100 = 89.99 %, rounded to 0.1
		expect(profit!.data).toEqual([90, 100]);
		expect(customers!.data).toEqual([10, 100]);
		expect(config.options?.animation).toBe(false);
		// Series differ by more than colour.
		expect((customers as { borderDash?: number[] }).borderDash).toEqual([6, 4]);
	});

	it('places bubbles by growth and margin per customer, grouped by tier, override first', () => {
		const config = portfolioChart(
			[W, { ...M, tierOverride: 'develop' }],
			{ x: 'Growth', y: 'Margin', tiers: { develop: 'D', maintain: 'K', serve: 'S' } },
			2,
			'zh-CN'
		);
		const [develop, maintain, serve] = config.data.datasets;
		expect(develop!.label).toBe('D');
		expect(develop!.data).toEqual([
			{ x: 10, y: 90, r: 5 + 25 * Math.sqrt(100 / 900), name: 'Wealth' },
			{ x: -2, y: 1.11, r: 30, name: 'Mass' }
		]);
		expect(maintain!.data).toEqual([]);
		expect(serve!.data).toEqual([]);
	});

	it('sizes bubbles by the square root of customers', () => {
		expect(bubbleRadius(0, 100)).toBe(5);
		expect(bubbleRadius(100, 100)).toBe(30);
		expect(bubbleRadius(25, 100)).toBe(17.5);
	});
});
