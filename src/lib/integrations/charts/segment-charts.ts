import type { ChartConfiguration } from 'chart.js';
import type { Segment } from '../../domain/strategy/model.ts';
import { paretoCurve, segmentMetrics, type Tier } from '../../domain/strategy/segments.ts';

/**
 * Chart.js configurations for the segments page, built from domain data by pure functions (the
 * adapter only draws). Labels arrive already translated. Series differ by line style and point
 * shape as well as by colour, so that colour is never the only signal.
 */

export const PALETTE = {
	accent: '#1f4e79',
	accentSoft: 'rgba(31, 78, 121, 0.75)',
	orange: '#b35c00',
	grey: '#5b6470',
	develop: 'rgba(30, 107, 58, 0.7)',
	maintain: 'rgba(31, 78, 121, 0.6)',
	serve: 'rgba(138, 83, 0, 0.6)'
} as const;

const TIER_POINT: Record<Tier, 'circle' | 'rect' | 'triangle'> = {
	develop: 'circle',
	maintain: 'rect',
	serve: 'triangle'
};

export interface ParetoLabels {
	profitShare: string;
	cumulativeProfit: string;
	cumulativeCustomers: string;
	axis: string;
}

const pct = (x: number) => Math.round(x * 1000) / 10;

export function paretoChart(
	segments: readonly Segment[],
	labels: ParetoLabels,
	locale: string
): ChartConfiguration<'bar' | 'line'> {
	const curve = paretoCurve(segments);
	const names = new Map(segments.map((s) => [s.id, s.name]));
	return {
		type: 'bar',
		data: {
			labels: curve.map((p) => names.get(p.id) ?? ''),
			datasets: [
				{
					type: 'bar',
					label: labels.profitShare,
					data: curve.map((p) => pct(p.profitShare)),
					backgroundColor: PALETTE.accentSoft,
					order: 2
				},
				{
					type: 'line',
					label: labels.cumulativeProfit,
					data: curve.map((p) => pct(p.cumulativeProfit)),
					borderColor: PALETTE.orange,
					backgroundColor: PALETTE.orange,
					pointStyle: 'circle',
					pointRadius: 4,
					order: 1
				},
				{
					type: 'line',
					label: labels.cumulativeCustomers,
					data: curve.map((p) => pct(p.cumulativeCustomers)),
					borderColor: PALETTE.grey,
					backgroundColor: PALETTE.grey,
					borderDash: [6, 4],
					pointStyle: 'rect',
					pointRadius: 4,
					order: 0
				}
			]
		},
		options: {
			locale,
			animation: false,
			responsive: true,
			maintainAspectRatio: false,
			scales: {
				y: {
					min: Math.min(0, ...curve.map((p) => pct(p.profitShare))),
					max: 100,
					title: { display: true, text: labels.axis }
				}
			},
			plugins: { legend: { position: 'bottom', labels: { usePointStyle: true } } }
		}
	};
}

export interface PortfolioLabels {
	x: string;
	y: string;
	tiers: Record<Tier, string>;
}

/** Bubble size grows with the square root of the customer count, from 5 to 30 pixels. */
export function bubbleRadius(customers: number, maxCustomers: number): number {
	if (maxCustomers <= 0 || customers <= 0) return 5;
	return 5 + 25 * Math.sqrt(customers / maxCustomers);
}

/**
 * Value against growth: x = yearly growth (%), y = yearly margin per customer (major units of the
 * currency), bubble area ∝ customers; one series per tier (the user's override, else the suggestion).
 */
export function portfolioChart(
	segments: readonly Segment[],
	labels: PortfolioLabels,
	currencyExponent: number,
	locale: string
): ChartConfiguration<'bubble'> {
	const metrics = segmentMetrics(segments);
	const maxCustomers = Math.max(0, ...segments.map((s) => s.customers));
	const tiers: Tier[] = ['develop', 'maintain', 'serve'];
	return {
		type: 'bubble',
		data: {
			datasets: tiers.map((tier) => ({
				label: labels.tiers[tier],
				pointStyle: TIER_POINT[tier],
				backgroundColor: PALETTE[tier],
				borderColor: PALETTE.grey,
				data: segments
					.map((s, i) => ({ s, m: metrics[i]! }))
					.filter(({ s, m }) => (s.tierOverride ?? m.suggestedTier) === tier)
					.map(({ s, m }) => ({
						x: pct(s.growth),
						y: Math.round(m.marginPerCustomer) / 10 ** currencyExponent,
						r: bubbleRadius(s.customers, maxCustomers),
						name: s.name
					}))
			}))
		},
		options: {
			locale,
			animation: false,
			responsive: true,
			maintainAspectRatio: false,
			scales: {
				x: { title: { display: true, text: labels.x } },
				y: { title: { display: true, text: labels.y } }
			},
			plugins: { legend: { position: 'bottom', labels: { usePointStyle: true } } }
		}
	};
}
