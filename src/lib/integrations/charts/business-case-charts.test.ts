import { describe, expect, it } from 'vitest';
import { cumulativeChart, tcoChart, tornadoChart } from './business-case-charts.ts';

describe('business case charts', () => {
	it('draws cumulative cash flow in major units, each option in its own line style', () => {
		const config = cumulativeChart(
			[
				{ label: 'SaaS', values: [-5_000_000, -2_500_049, 1_000_000] },
				{ label: 'On-premise', values: [-9_000_000, -6_000_000, -1_000_000] }
			],
			['0', '1', '2'],
			2,
			'CNY',
			'en'
		);
		expect(config.data.datasets.map((d) => d.data)).toEqual([
			[-50_000, -25_000.49, 10_000],
			[-90_000, -60_000, -10_000]
		]);
		expect(config.data.datasets[0]!.pointStyle).not.toBe(config.data.datasets[1]!.pointStyle);
	});

	it('stacks only the categories that have costs', () => {
		const config = tcoChart(
			['SaaS', 'On-premise'],
			[
				{ label: 'Licences', totals: [100, 0] },
				{ label: 'Exit', totals: [0, 0] },
				{ label: 'Infrastructure', totals: [0, 300] }
			],
			0,
			'USD',
			'en'
		);
		expect(config.data.datasets.map((d) => [d.label, d.data])).toEqual([
			['Licences', [100, 0]],
			['Infrastructure', [0, 300]]
		]);
		expect(config.options?.scales?.y).toMatchObject({ stacked: true });
	});

	it('draws each driver’s swing as bars from the base NPV', () => {
		const config = tornadoChart(
			[{ label: 'Retention', low: 0, high: 14_000 }],
			10_000,
			2,
			{ low: 'At low', high: 'At high', axis: 'NPV' },
			'en'
		);
		expect(config.data.datasets.map((d) => d.data)).toEqual([[[100, 0]], [[100, 140]]]);
	});
});
