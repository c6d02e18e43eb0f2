import type { ChartConfiguration } from 'chart.js';
import type { RunComparison } from '../../domain/assessment/scoring.ts';
import { PALETTE } from './segment-charts.ts';

/**
 * Chart.js configurations for assessment results, built from scores by pure functions. Labels
 * arrive translated. Today and target differ by line style and point shape as well as colour.
 * Values are rounded to two decimals here only because charts show them; the scores are not.
 */

const r2 = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100);

/**
 * A long axis label as lines Chart.js can stack: words up to `width` characters a line, or (for
 * Chinese, which has no spaces) `width / 2` characters; at most three lines, the last one cut
 * with "…". The full names stay in the table beside the chart.
 */
export function wrapLabel(label: string, width = 18): string[] {
	const cjk = /[\u3000-\u9fff\uff00-\uffef]/.test(label);
	const lines: string[] = [];
	if (cjk) {
		const chars = [...label];
		const size = Math.max(1, Math.floor(width / 2));
		for (let i = 0; i < chars.length; i += size) lines.push(chars.slice(i, i + size).join(''));
		// A single character left over (often a closing bracket) stays on the line before.
		if (lines.length > 1 && [...lines.at(-1)!].length === 1) {
			const last = lines.pop()!;
			lines[lines.length - 1] += last;
		}
	} else {
		let line = '';
		for (const word of label.split(/\s+/).filter(Boolean)) {
			if (line && line.length + 1 + word.length > width) {
				lines.push(line);
				line = word;
			} else line = line ? `${line} ${word}` : word;
		}
		if (line) lines.push(line);
	}
	if (lines.length <= 3) return lines;
	return [...lines.slice(0, 2), `${lines[2]!.slice(0, Math.max(1, lines[2]!.length - 1))}…`];
}

export interface RadarInput {
	labels: string[];
	current: Array<number | null>;
	target: Array<number | null>;
	min: number;
	max: number;
	series: { current: string; target: string };
}

/** Current against target per dimension, on the level scale. */
export function radarChart(input: RadarInput, locale: string): ChartConfiguration<'radar'> {
	return {
		type: 'radar',
		data: {
			labels: input.labels.map((l) => wrapLabel(l)),
			datasets: [
				{
					label: input.series.current,
					data: input.current.map(r2),
					borderColor: PALETTE.accent,
					backgroundColor: 'rgba(31, 78, 121, 0.18)',
					pointStyle: 'circle',
					pointRadius: 4,
					fill: true
				},
				{
					label: input.series.target,
					data: input.target.map(r2),
					borderColor: PALETTE.orange,
					backgroundColor: PALETTE.orange,
					borderDash: [6, 4],
					pointStyle: 'rectRot',
					pointRadius: 5,
					fill: false
				}
			]
		},
		options: {
			locale,
			animation: false,
			responsive: true,
			maintainAspectRatio: false,
			spanGaps: true,
			scales: {
				r: {
					min: input.min,
					max: input.max,
					ticks: { stepSize: 1 },
					pointLabels: { font: { size: 12 } }
				}
			},
			plugins: { legend: { position: 'bottom', labels: { usePointStyle: true } } }
		}
	};
}

export interface GapInput {
	/** Already sorted, highest priority first. */
	items: Array<{ label: string; gap: number }>;
	series: string;
	axis: string;
}

/** Horizontal bars of the gap (target − current, in levels), in priority order. */
export function gapChart(input: GapInput, locale: string): ChartConfiguration<'bar'> {
	return {
		type: 'bar',
		data: {
			labels: input.items.map((i) => wrapLabel(i.label, 28)),
			datasets: [
				{
					label: input.series,
					data: input.items.map((i) => r2(i.gap)),
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
				x: {
					min: Math.min(0, ...input.items.map((i) => i.gap)),
					title: { display: true, text: input.axis }
				}
			},
			plugins: { legend: { display: false } }
		}
	};
}

/** Oldest to newest; the newest run is always drawn with the last (solid) style. */
const RUN_STYLES = [
	{ color: '#1e6b3a', point: 'rectRot', dash: [10, 3] },
	{ color: PALETTE.grey, point: 'rect', dash: [6, 4] },
	{ color: PALETTE.orange, point: 'triangle', dash: [2, 3] },
	{ color: PALETTE.accent, point: 'circle', dash: [] }
] as const;

/** Runs of one model over time: one line per run across the dimensions (the latest solid). */
export function runsChart(
	comparison: RunComparison,
	dimensionLabels: string[],
	min: number,
	max: number,
	locale: string
): ChartConfiguration<'line'> {
	const runs = comparison.runs.slice(-RUN_STYLES.length);
	return {
		type: 'line',
		data: {
			labels: dimensionLabels.map((l) => wrapLabel(l, 14)),
			datasets: runs.map((run, i) => {
				const style = RUN_STYLES[RUN_STYLES.length - runs.length + i]!;
				return {
					label: `${run.title} (${run.date})`,
					data: comparison.dimensionIds.map((id) => r2(run.dimensions[id] ?? null)),
					borderColor: style.color,
					backgroundColor: style.color,
					borderDash: [...style.dash],
					pointStyle: style.point,
					pointRadius: 5,
					spanGaps: true
				};
			})
		},
		options: {
			locale,
			animation: false,
			responsive: true,
			maintainAspectRatio: false,
			scales: { y: { min, max, ticks: { stepSize: 1 } } },
			plugins: { legend: { position: 'bottom', labels: { usePointStyle: true } } }
		}
	};
}
