import { headlineNpv, type CaseContext } from './cash-flows.ts';
import type { BusinessCase, Scenario } from './model.ts';

/**
 * Uncertainty in the business case. Every cost and benefit line is a driver with a range: its
 * low and high values as multiples of the value entered (the likely one).
 * - Scenarios: conservative takes benefits at their low and costs at their high; optimistic the
 *   other way round; expected takes every line as entered. The baseline's lines go the other
 *   way (a cheaper status quo is the conservative assumption for the options).
 * - Sensitivity (tornado): the option's NPV with one driver at its low and then at its high, all
 *   others as entered; drivers sorted by the width of the swing.
 * - Monte Carlo: every driver drawn at once from a triangular distribution (low, likely = 1,
 *   high), `trials` times with a seeded generator (the same seed gives the same answer); the
 *   NPV's 10th, 50th and 90th percentiles and the share of trials with NPV > 0.
 * Figures are taken against the baseline when there is one (the incremental NPV), else alone.
 */

/** The multipliers of a scenario, for every line. */
export function scenarioMultipliers(c: BusinessCase, scenario: Scenario): Map<string, number> {
	const m = new Map<string, number>();
	if (scenario === 'expected') return m;
	// Against the baseline, its own lines work the other way: a dearer status quo flatters the
	// options, so the conservative scenario takes the baseline's costs low and benefits high.
	const baselines = new Set(c.options.filter((o) => o.baseline).map((o) => o.id));
	const bad = (optionId: string) => (scenario === 'conservative') !== baselines.has(optionId);
	for (const l of c.benefits) m.set(l.id, bad(l.optionId) ? l.range.low : l.range.high);
	for (const l of c.costs) m.set(l.id, bad(l.optionId) ? l.range.high : l.range.low);
	return m;
}

export interface TornadoBar {
	lineId: string;
	low: number;
	high: number;
	/** |NPV at high − NPV at low|. */
	swing: number;
}

/** Which drivers move the NPV of `optionId` most (baseline lines included: they move it too). */
export function tornado(
	c: BusinessCase,
	context: CaseContext,
	optionId: string
): {
	base: number;
	bars: TornadoBar[];
} {
	const base = headlineNpv(c, context, optionId, new Map());
	const relevant = (lineOption: string) =>
		lineOption === optionId || c.options.some((o) => o.baseline && o.id === lineOption);
	const lines = [...c.costs, ...c.benefits].filter((l) => relevant(l.optionId));
	const bars = lines.map((l) => {
		const low = headlineNpv(c, context, optionId, new Map([[l.id, l.range.low]]));
		const high = headlineNpv(c, context, optionId, new Map([[l.id, l.range.high]]));
		return { lineId: l.id, low, high, swing: Math.abs(high - low) };
	});
	bars.sort((a, b) => b.swing - a.swing || a.lineId.localeCompare(b.lineId));
	return { base, bars };
}

/** mulberry32: a small, fast, seeded generator of numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** A draw from the triangular distribution (low, mode, high) for a uniform u in [0, 1). */
export function triangular(u: number, low: number, mode: number, high: number): number {
	if (high <= low) return mode;
	const cut = (mode - low) / (high - low);
	return u < cut
		? low + Math.sqrt(u * (high - low) * (mode - low))
		: high - Math.sqrt((1 - u) * (high - low) * (high - mode));
}

/** The p-th percentile (0–100) of sorted values, interpolated between neighbours. */
export function percentile(sorted: readonly number[], p: number): number {
	if (sorted.length === 0) return NaN;
	const x = (p / 100) * (sorted.length - 1);
	const i = Math.floor(x);
	const j = Math.min(i + 1, sorted.length - 1);
	return sorted[i]! + (sorted[j]! - sorted[i]!) * (x - i);
}

export interface MonteCarloResult {
	trials: number;
	p10: number;
	p50: number;
	p90: number;
	/** Share of trials with NPV above zero. */
	chancePositive: number;
}

/** Runs `trials` draws at once (a worker, or a test); monteCarloSlices runs them in slices. */
export function monteCarlo(
	c: BusinessCase,
	context: CaseContext,
	optionId: string,
	trials: number,
	seed = 1
): MonteCarloResult {
	const run = monteCarloSlices(c, context, optionId, trials, seed);
	let step = run.next();
	while (!step.done) step = run.next();
	return step.value;
}

/** The same run as a generator that yields its progress (0–1) every 250 trials. */
export function* monteCarloSlices(
	c: BusinessCase,
	context: CaseContext,
	optionId: string,
	trials: number,
	seed = 1
): Generator<number, MonteCarloResult> {
	const random = seededRandom(seed);
	const lines = [...c.costs, ...c.benefits];
	const values: number[] = [];
	for (let i = 0; i < trials; i++) {
		const m = new Map<string, number>();
		for (const l of lines) m.set(l.id, triangular(random(), l.range.low, 1, l.range.high));
		values.push(headlineNpv(c, context, optionId, m));
		if ((i + 1) % 250 === 0) yield (i + 1) / trials;
	}
	values.sort((a, b) => a - b);
	return {
		trials,
		p10: percentile(values, 10),
		p50: percentile(values, 50),
		p90: percentile(values, 90),
		chancePositive: values.filter((v) => v > 0).length / Math.max(1, trials)
	};
}
