import { describe, expect, it } from 'vitest';
import { gapChart, radarChart, runsChart, wrapLabel } from './assessment-charts.ts';

describe('assessment charts', () => {
	it('draws current and target on the level scale, rounded for the chart only', () => {
		const config = radarChart(
			{
				labels: ['Vision', 'Data'],
				current: [1.8333333, null],
				target: [4, 3.5],
				min: 1,
				max: 5,
				series: { current: 'Today', target: 'Target' }
			},
			'en'
		);
		expect(config.data.datasets.map((d) => d.data)).toEqual([
			[1.83, null],
			[4, 3.5]
		]);
		expect(config.options?.scales?.r).toMatchObject({ min: 1, max: 5 });
		// Told apart by more than colour.
		const [a, b] = config.data.datasets;
		expect(a!.pointStyle).not.toBe(b!.pointStyle);
		expect(b!.borderDash).toEqual([6, 4]);
	});

	it('keeps the priority order of the gap bars and starts the axis at zero or below', () => {
		const config = gapChart(
			{
				items: [
					{ label: 'Data', gap: 2.5 },
					{ label: 'Vision', gap: -0.5 }
				],
				series: 'Gap',
				axis: 'levels'
			},
			'en'
		);
		expect(config.data.labels).toEqual([['Data'], ['Vision']]);
		expect(config.options?.scales?.x).toMatchObject({ min: -0.5 });
		expect(config.options?.indexAxis).toBe('y');
	});

	it('draws the latest runs, one line each, with the newest solid', () => {
		const runs = Array.from({ length: 5 }, (_, i) => ({
			id: `r${i}`,
			date: `2026-0${i + 1}-01`,
			title: `Run ${i}`,
			overall: i,
			dimensions: { a: i, b: null }
		}));
		const config = runsChart({ dimensionIds: ['a', 'b'], runs }, ['A', 'B'], 1, 5, 'en');
		expect(config.data.datasets.map((d) => d.label)).toEqual([
			'Run 1 (2026-02-01)',
			'Run 2 (2026-03-01)',
			'Run 3 (2026-04-01)',
			'Run 4 (2026-05-01)'
		]);
		expect(config.data.datasets.at(-1)!.borderDash).toEqual([]);
		expect(config.data.datasets[0]!.data).toEqual([1, null]);
	});
});

describe('wrapLabel', () => {
	it('wraps words, Chinese by characters, and cuts after three lines', () => {
		expect(wrapLabel('Customer competition (share of wallet)')).toEqual([
			'Customer',
			'competition (share',
			'of wallet)'
		]);
		expect(wrapLabel('客户竞争（钱包份额）')).toEqual(['客户竞争（钱包份额）']);
		expect(wrapLabel('流程、组织与文化的变革支撑')).toEqual(['流程、组织与文化的', '变革支撑']);
		expect(wrapLabel('a b c d e f g h i j k l m n o p q r s t', 3)).toEqual(['a b', 'c d', 'e …']);
	});
});
