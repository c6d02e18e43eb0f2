import type { ChartConfiguration } from 'chart.js';
import { PALETTE } from './segment-charts.ts';

/**
 * Chart.js configurations for the business case, from computed flows (minor units) by pure
 * functions; amounts are shown in major units of the currency. Options differ by line style
 * and point shape as well as colour; categories by colour and by their order in the legend
 * and the table beside the chart.
 */

const STYLES = [
	{ color: PALETTE.accent, point: 'circle', dash: [] as number[] },
	{ color: PALETTE.orange, point: 'rect', dash: [6, 4] },
	{ color: '#1e6b3a', point: 'triangle', dash: [2, 3] },
	{ color: PALETTE.grey, point: 'rectRot', dash: [10, 3] },
	{ color: '#7a3e9d', point: 'star', dash: [4, 2, 1, 2] }
] as const;

const major = (minor: number, exponent: number) => Math.round(minor) / 10 ** exponent;

export interface SeriesInput {
	label: string;
	values: readonly number[];
}

/** Cumulative net cash flow per option, year by year. */
export function cumulativeChart(
	series: readonly SeriesInput[],
	years: readonly string[],
	exponent: number,
	axis: string,
	locale: string
): ChartConfiguration<'line'> {
	return {
		type: 'line',
		data: {
			labels: [...years],
			datasets: series.map((s, i) => {
				const style = STYLES[i % STYLES.length]!;
				return {
					label: s.label,
					data: s.values.map((v) => major(v, exponent)),
					borderColor: style.color,
					backgroundColor: style.color,
					borderDash: [...style.dash],
					pointStyle: style.point,
					pointRadius: 4
				};
			})
		},
		options: {
			locale,
			animation: false,
			responsive: true,
			maintainAspectRatio: false,
			scales: { y: { title: { display: true, text: axis } } },
			plugins: { legend: { position: 'bottom', labels: { usePointStyle: true } } }
		}
	};
}

const CATEGORY_COLOURS = [
	'#1f4e79',
	'#b35c00',
	'#1e6b3a',
	'#5b6470',
	'#7a3e9d',
	'#a3342b',
	'#2f7f8a',
	'#8a6d00',
	'#3d5a80',
	'#6b8f3a',
	'#9c4f6b',
	'#44546a',
	'#000000'
];

/** Total cost of ownership per option, stacked by cost category (categories with costs only). */
export function tcoChart(
	options: readonly string[],
	categories: ReadonlyArray<{ label: string; totals: readonly number[] }>,
	exponent: number,
	axis: string,
	locale: string
): ChartConfiguration<'bar'> {
	return {
		type: 'bar',
		data: {
			labels: [...options],
			datasets: categories
				.filter((c) => c.totals.some((v) => v !== 0))
				.map((c, i) => ({
					label: c.label,
					data: c.totals.map((v) => major(v, exponent)),
					backgroundColor: CATEGORY_COLOURS[i % CATEGORY_COLOURS.length]!,
					borderColor: '#ffffff',
					borderWidth: 1
				}))
		},
		options: {
			locale,
			animation: false,
			responsive: true,
			maintainAspectRatio: false,
			scales: {
				x: { stacked: true },
				y: { stacked: true, title: { display: true, text: axis } }
			},
			plugins: { legend: { position: 'bottom' } }
		}
	};
}

/** NPV with each driver at its low and its high, widest swing first, around the base NPV. */
export function tornadoChart(
	bars: ReadonlyArray<{ label: string; low: number; high: number }>,
	base: number,
	exponent: number,
	labels: { low: string; high: string; axis: string },
	locale: string
): ChartConfiguration<'bar'> {
	const b = major(base, exponent);
	return {
		type: 'bar',
		data: {
			labels: bars.map((x) => x.label),
			datasets: [
				{
					label: labels.low,
					data: bars.map((x) => [b, major(x.low, exponent)] as [number, number]),
					backgroundColor: 'rgba(179, 92, 0, 0.75)'
				},
				{
					label: labels.high,
					data: bars.map((x) => [b, major(x.high, exponent)] as [number, number]),
					backgroundColor: PALETTE.accentSoft
				}
			]
		},
		options: {
			locale,
			indexAxis: 'y',
			animation: false,
			responsive: true,
			maintainAspectRatio: false,
			scales: {
				x: { title: { display: true, text: labels.axis } },
				y: { stacked: true }
			},
			plugins: { legend: { position: 'bottom' } }
		}
	};
}
