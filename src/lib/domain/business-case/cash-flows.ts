import { segmentProfit, type SegmentEconomics } from '../strategy/segments.ts';
import {
	cumulative,
	discountedPayback,
	irr,
	npv,
	payback,
	presentValue,
	type IrrResult
} from './finance.ts';
import {
	COST_CATEGORIES,
	type BenefitLine,
	type BusinessCase,
	type CaseOption,
	type CostCategory,
	type CostLine
} from './model.ts';

/**
 * From the lines of a business case to yearly cash flows and the figures executives check.
 *
 * - A cost line costs `amount` (or quantity × unit price) in its start year and, when
 *   recurring, every year to its end year (or the horizon), growing by `growth` a year after
 *   the first.
 * - A benefit line's full yearly value comes from its driver and the engagement's own numbers:
 *   retention = customers × rise in retention × margin per customer; cross-sell = customers ×
 *   take-up × margin per sale; sales productivity = hours saved × cost of an hour; sales cycle
 *   = extra deals × margin per deal; cost to serve = contacts moved × (cost per contact of the
 *   old channel − of the new one); other = the amount entered. Year t (t ≥ 1) receives the
 *   full value × its ramp-up share; year 0 receives no benefit. Risk-adjusted: × (1 − risk).
 * - Net cash flow = risk-adjusted benefits − costs. With a do-nothing baseline, each option's
 *   figures are also given against it (incremental: option − baseline). A year in which the
 *   option costs less than the baseline counts the difference as a benefit (a cost avoided),
 *   so that ROI divides by what the option really adds in cost.
 * - ROI = (PV of risk-adjusted benefits − PV of costs) ÷ PV of costs; simple ROI = average
 *   yearly risk-adjusted benefit (years 1 … horizon) ÷ year-0 cost; payback simple and
 *   discounted, in fractional years.
 * Amounts stay unrounded (minor units as floats); rounding happens on screen.
 */

/** The engagement numbers that benefit drivers read. */
export interface CaseContext {
	segments: ReadonlyArray<SegmentEconomics>;
	channels: ReadonlyArray<{ id: string; costPerContact: number }>;
	/** The currency of those numbers (the engagement's); drivers need the case in the same one. */
	currency?: string;
}

/** Multipliers applied to lines (scenarios, sensitivity, Monte Carlo); 1 when absent. */
export type Multipliers = ReadonlyMap<string, number>;

const years = (horizon: number) => Array.from({ length: horizon + 1 }, (_, t) => t);

/** A cost line's amount in each year 0 … horizon. */
export function costFlows(line: CostLine, horizon: number, multiplier = 1): number[] {
	const base = (line.entry === 'unit' ? line.quantity * line.unitPrice : line.amount) * multiplier;
	const last = line.recurring ? Math.min(line.endYear ?? horizon, horizon) : line.startYear;
	return years(horizon).map((t) =>
		t < line.startYear || t > last ? 0 : base * (1 + line.growth) ** (t - line.startYear)
	);
}

export type BenefitProblem = 'noSegment' | 'noChannel';

/** A benefit line's full yearly value from its driver, or why it cannot be computed. */
export function benefitValue(
	line: BenefitLine,
	context: CaseContext
): { ok: true; value: number } | { ok: false; problem: BenefitProblem } {
	const segment = () => context.segments.find((s) => s.id === line.segmentId);
	switch (line.driver) {
		case 'retention': {
			const s = segment();
			if (!s) return { ok: false, problem: 'noSegment' };
			const margin = s.customers > 0 ? segmentProfit(s) / s.customers : 0;
			return { ok: true, value: s.customers * line.rate * margin };
		}
		case 'crossSell': {
			const s = segment();
			if (!s) return { ok: false, problem: 'noSegment' };
			return { ok: true, value: s.customers * line.rate * line.unitValue };
		}
		case 'salesProductivity':
		case 'salesCycle':
			return { ok: true, value: line.count * line.unitValue };
		case 'costToServe': {
			const from = context.channels.find((c) => c.id === line.fromChannelId);
			const to = context.channels.find((c) => c.id === line.toChannelId);
			if (!from || !to) return { ok: false, problem: 'noChannel' };
			return { ok: true, value: line.count * (from.costPerContact - to.costPerContact) };
		}
		case 'other':
			return { ok: true, value: line.amount };
	}
}

/** The share of the full benefit reached in year t (year 0: none). */
export function rampShare(rampUp: readonly number[], t: number): number {
	if (t <= 0) return 0;
	if (rampUp.length === 0) return 1;
	return rampUp[Math.min(t, rampUp.length) - 1]!;
}

/** A benefit line's amounts in each year, before and after the risk adjustment. */
export function benefitFlows(
	line: BenefitLine,
	context: CaseContext,
	horizon: number,
	multiplier = 1
): { gross: number[]; adjusted: number[] } {
	const v = benefitValue(line, context);
	const full = v.ok ? v.value * multiplier : 0;
	const gross = years(horizon).map((t) => full * rampShare(line.rampUp, t));
	return { gross, adjusted: gross.map((x) => x * (1 - line.risk)) };
}

export interface OptionFlows {
	optionId: string;
	costsByCategory: Record<CostCategory, number[]>;
	costs: number[];
	benefits: number[];
	benefitsAdjusted: number[];
	/** Risk-adjusted benefits − costs, per year. */
	net: number[];
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const add = (a: number[], b: readonly number[]) => a.map((x, i) => x + (b[i] ?? 0));

export function optionFlows(
	c: BusinessCase,
	option: CaseOption,
	context: CaseContext,
	multipliers: Multipliers = new Map()
): OptionFlows {
	const h = c.settings.horizon;
	const zero = () => years(h).map(() => 0);
	const costsByCategory = Object.fromEntries(COST_CATEGORIES.map((k) => [k, zero()])) as Record<
		CostCategory,
		number[]
	>;
	for (const line of c.costs)
		if (line.optionId === option.id)
			costsByCategory[line.category] = add(
				costsByCategory[line.category],
				costFlows(line, h, multipliers.get(line.id) ?? 1)
			);
	const costs = COST_CATEGORIES.reduce((acc, k) => add(acc, costsByCategory[k]), zero());
	let benefits = zero();
	let benefitsAdjusted = zero();
	for (const line of c.benefits)
		if (line.optionId === option.id) {
			const f = benefitFlows(line, context, h, multipliers.get(line.id) ?? 1);
			benefits = add(benefits, f.gross);
			benefitsAdjusted = add(benefitsAdjusted, f.adjusted);
		}
	return {
		optionId: option.id,
		costsByCategory,
		costs,
		benefits,
		benefitsAdjusted,
		net: benefitsAdjusted.map((b, t) => b - costs[t]!)
	};
}

export interface Figures {
	npv: number;
	irr: IrrResult;
	/** null when the present value of costs is zero. */
	roi: number | null;
	/** null when there is no year-0 cost. */
	simpleRoi: number | null;
	payback: number | null;
	discountedPayback: number | null;
	cumulative: number[];
	pvCosts: number;
	pvBenefits: number;
	tco: number;
}

/** The figures of yearly costs and risk-adjusted benefits. */
export function figures(
	costs: readonly number[],
	benefitsAdjusted: readonly number[],
	rate: number
): Figures {
	const net = benefitsAdjusted.map((b, t) => b - costs[t]!);
	const pvCosts = sum(costs.map((x, t) => presentValue(x, rate, t)));
	const pvBenefits = sum(benefitsAdjusted.map((x, t) => presentValue(x, rate, t)));
	const yearly = benefitsAdjusted.slice(1);
	const initial = costs[0] ?? 0;
	return {
		npv: npv(rate, net),
		irr: irr(net),
		roi: pvCosts !== 0 ? (pvBenefits - pvCosts) / pvCosts : null,
		simpleRoi: initial !== 0 && yearly.length > 0 ? sum(yearly) / yearly.length / initial : null,
		payback: payback(net),
		discountedPayback: discountedPayback(rate, net),
		cumulative: cumulative(net),
		pvCosts,
		pvBenefits,
		tco: sum(costs)
	};
}

export interface OptionResult {
	option: CaseOption;
	flows: OptionFlows;
	figures: Figures;
	/** Against the baseline (when there is one and this is not it): incremental flows. */
	incremental: Figures | null;
	/** The yearly costs and risk-adjusted benefits the figures were computed from. */
	basis: { costs: number[]; benefits: number[]; benefitsGross: number[] };
	/** The option has no lines: its figures mean nothing yet. */
	empty: boolean;
}

/**
 * Option against baseline, year by year: the extra cost (never below zero) and the extra
 * benefit, where a cost the option avoids counts as a benefit.
 */
export function againstBaseline(
	option: OptionFlows,
	baseline: OptionFlows
): { costs: number[]; benefits: number[]; benefitsGross: number[] } {
	const delta = option.costs.map((x, t) => x - baseline.costs[t]!);
	const avoided = delta.map((d) => Math.max(0, -d));
	return {
		costs: delta.map((d) => Math.max(0, d)),
		benefits: option.benefitsAdjusted.map(
			(x, t) => x - baseline.benefitsAdjusted[t]! + avoided[t]!
		),
		benefitsGross: option.benefits.map((x, t) => x - baseline.benefits[t]! + avoided[t]!)
	};
}

export function caseResults(
	c: BusinessCase,
	context: CaseContext,
	multipliers: Multipliers = new Map()
): OptionResult[] {
	const rate = c.settings.discountRate;
	const all = c.options.map((option) => ({
		option,
		flows: optionFlows(c, option, context, multipliers)
	}));
	const baseline = all.find((x) => x.option.baseline);
	return all.map(({ option, flows }) => {
		const against = baseline && baseline.option.id !== option.id;
		const basis = against
			? againstBaseline(flows, baseline.flows)
			: { costs: flows.costs, benefits: flows.benefitsAdjusted, benefitsGross: flows.benefits };
		return {
			option,
			flows,
			figures: figures(flows.costs, flows.benefitsAdjusted, rate),
			incremental: against ? figures(basis.costs, basis.benefits, rate) : null,
			basis,
			empty:
				!c.costs.some((l) => l.optionId === option.id) &&
				!c.benefits.some((l) => l.optionId === option.id)
		};
	});
}

/**
 * The NPV the case reports for an option: against the baseline when there is one, else alone.
 * Only the NPV, for the thousands of runs of sensitivity and Monte Carlo.
 */
export function headlineNpv(
	c: BusinessCase,
	context: CaseContext,
	optionId: string,
	multipliers: Multipliers = new Map()
): number {
	const option = c.options.find((o) => o.id === optionId);
	if (!option) return 0;
	const own = optionFlows(c, option, context, multipliers).net;
	const baseline = c.options.find((o) => o.baseline);
	const base =
		baseline && baseline.id !== optionId
			? optionFlows(c, baseline, context, multipliers).net
			: own.map(() => 0);
	return npv(
		c.settings.discountRate,
		own.map((x, t) => x - base[t]!)
	);
}

export type Warning =
	| { kind: 'noBaseline' }
	| { kind: 'noExitCost'; optionId: string }
	| { kind: 'emptyOption'; optionId: string }
	| { kind: 'differentCategories'; optionId: string; missing: CostCategory[] }
	| { kind: 'differentSpans'; optionId: string; lastYear: number; horizon: number }
	| { kind: 'benefitWithoutDriver'; lineId: string }
	| { kind: 'benefitUnresolved'; lineId: string; problem: BenefitProblem }
	| { kind: 'listPrice'; lineId: string }
	| { kind: 'beyondHorizon'; lineId: string }
	| { kind: 'currencyMismatch'; caseCurrency: string; engagementCurrency: string };

/**
 * The honesty checks: what makes options incomparable or a case too rosy. Options are compared
 * over the same cost categories (a category one option has and another lacks is named), the
 * same span of years, and with exit costs; a baseline should exist; every benefit needs a driver.
 */
export function honestyChecks(c: BusinessCase, context: CaseContext): Warning[] {
	const warnings: Warning[] = [];
	const options = c.options.filter((o) => !o.baseline);
	if (!c.options.some((o) => o.baseline)) warnings.push({ kind: 'noBaseline' });
	const categories = new Map(
		options.map((o) => [
			o.id,
			new Set(c.costs.filter((l) => l.optionId === o.id).map((l) => l.category))
		])
	);
	const union = new Set([...categories.values()].flatMap((s) => [...s]));
	const h = c.settings.horizon;
	for (const o of options) {
		const own = categories.get(o.id)!;
		const lines = [
			...c.costs.filter((l) => l.optionId === o.id),
			...c.benefits.filter((l) => l.optionId === o.id)
		];
		if (lines.length === 0) {
			warnings.push({ kind: 'emptyOption', optionId: o.id });
			continue;
		}
		if (!own.has('exit')) warnings.push({ kind: 'noExitCost', optionId: o.id });
		const missing = COST_CATEGORIES.filter((k) => union.has(k) && !own.has(k) && k !== 'exit');
		if (options.length > 1 && missing.length > 0)
			warnings.push({ kind: 'differentCategories', optionId: o.id, missing });
		const flows = optionFlows(c, o, context);
		const lastYear = flows.costs.reduce(
			(last, x, t) => (x !== 0 || flows.benefits[t] !== 0 ? t : last),
			-1
		);
		if (lastYear < h)
			warnings.push({ kind: 'differentSpans', optionId: o.id, lastYear, horizon: h });
	}
	for (const line of c.benefits) {
		if (line.driver === 'other' && line.rationale.trim() === '')
			warnings.push({ kind: 'benefitWithoutDriver', lineId: line.id });
		const v = benefitValue(line, context);
		if (!v.ok) warnings.push({ kind: 'benefitUnresolved', lineId: line.id, problem: v.problem });
	}
	for (const line of c.costs)
		if (line.listPrice) warnings.push({ kind: 'listPrice', lineId: line.id });
	for (const line of c.costs)
		if (line.startYear > h) warnings.push({ kind: 'beyondHorizon', lineId: line.id });
	const readsEngagement = c.benefits.some((l) =>
		['retention', 'crossSell', 'costToServe'].includes(l.driver)
	);
	if (readsEngagement && context.currency && context.currency !== c.settings.currency)
		warnings.push({
			kind: 'currencyMismatch',
			caseCurrency: c.settings.currency,
			engagementCurrency: context.currency
		});
	return warnings;
}
