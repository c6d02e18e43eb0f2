/**
 * Discounted cash-flow arithmetic for the business case. Cash flows are yearly, index 0 being
 * year 0 (today: undiscounted), in minor units of the case's currency; rates are decimals
 * (0.1 is 10 %). Nothing is rounded here: the UI rounds for display only.
 */

/** The present value of an amount `year` years from now. */
export function presentValue(amount: number, rate: number, year: number): number {
	return amount / (1 + rate) ** year;
}

/** Net present value: Σ flow[t] ÷ (1 + rate)^t, year 0 undiscounted. */
export function npv(rate: number, flows: readonly number[]): number {
	let sum = 0;
	for (let t = 0; t < flows.length; t++) sum += presentValue(flows[t]!, rate, t);
	return sum;
}

/** How many times the cash flows change sign (zeros skipped): more than one allows several IRRs. */
export function signChanges(flows: readonly number[]): number {
	let changes = 0;
	let last = 0;
	for (const f of flows) {
		if (f === 0) continue;
		if (last !== 0 && Math.sign(f) !== Math.sign(last)) changes++;
		last = f;
	}
	return changes;
}

export type IrrResult =
	| { kind: 'one'; rate: number }
	/** No rate makes the NPV zero (for example every flow has the same sign). */
	| { kind: 'none' }
	/** The flows change sign more than once and more than one rate makes the NPV zero. */
	| { kind: 'several'; rates: number[] };

/** The search range for IRR: −99 % to +1,000 % a year. */
const IRR_LOW = -0.99;
const IRR_HIGH = 10;

/**
 * Internal rate of return: the rates at which the NPV is zero, found by scanning −99 % … +1,000 %
 * for changes of sign of the NPV and narrowing each by bisection to 1e-10. With one sign change
 * of the flows there is at most one such rate (Descartes' rule of signs).
 */
export function irr(flows: readonly number[]): IrrResult {
	if (signChanges(flows) === 0) return { kind: 'none' };
	const rates: number[] = [];
	// Finest near 0 %, where business cases live (steps of about 0.1 point around 10 %), coarser
	// towards the ends of the range; 2,000 steps in all.
	const grid: number[] = [];
	for (let i = -1000; i <= 1000; i++) {
		const x = i / 1000;
		grid.push(x < 0 ? IRR_LOW * (-x) ** 3 : IRR_HIGH * x ** 3);
	}
	let prevRate = grid[0]!;
	let prev = npv(prevRate, flows);
	for (const rate of grid.slice(1)) {
		const value = npv(rate, flows);
		if (prev === 0) rates.push(prevRate);
		else if (Math.sign(value) !== Math.sign(prev) && value !== 0)
			rates.push(bisect(flows, prevRate, rate));
		prevRate = rate;
		prev = value;
	}
	if (prev === 0) rates.push(prevRate);
	const unique = rates.filter((r, i) => i === 0 || Math.abs(r - rates[i - 1]!) > 1e-7);
	if (unique.length === 0) return { kind: 'none' };
	if (unique.length === 1) return { kind: 'one', rate: unique[0]! };
	return { kind: 'several', rates: unique };
}

function bisect(flows: readonly number[], low: number, high: number): number {
	let a = low;
	let b = high;
	let fa = npv(a, flows);
	for (let i = 0; i < 200 && b - a > 1e-12; i++) {
		const m = (a + b) / 2;
		const fm = npv(m, flows);
		if (fm === 0) return m;
		if (Math.sign(fm) === Math.sign(fa)) {
			a = m;
			fa = fm;
		} else b = m;
	}
	return (a + b) / 2;
}

/**
 * Payback in fractional years: when the cumulative cash flow turns non-negative for good (a
 * later dip below zero, such as an exit cost, moves it), interpolating within that year (the
 * flow assumed even across the year). 0 when nothing is ever owed and something is earned;
 * null when the flows never pay back within the horizon, or are all zero.
 */
export function payback(flows: readonly number[]): number | null {
	if (flows.every((f) => f === 0)) return null;
	const running = cumulative(flows);
	if (running[running.length - 1]! < 0) return null;
	// The last year that ends in debt; payback comes within the year after it.
	let last = -1;
	for (let t = 0; t < running.length; t++) if (running[t]! < 0) last = t;
	if (last < 0) return 0;
	const owed = -running[last]!;
	return last + owed / flows[last + 1]!;
}

/** Payback on the discounted flows (year 0 undiscounted). */
export function discountedPayback(rate: number, flows: readonly number[]): number | null {
	return payback(flows.map((f, t) => presentValue(f, rate, t)));
}

/** Running totals: the cumulative cash flow after each year. */
export function cumulative(flows: readonly number[]): number[] {
	let sum = 0;
	return flows.map((f) => (sum += f));
}
