import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { discountedPayback, irr, npv, payback, signChanges } from './finance.ts';

describe('NPV against published examples', () => {
	// Microsoft Support, "NPV function", example 1: rate 10 %; −10,000 one year from today, then
	// 3,000, 4,200 and 6,800. Excel's NPV discounts its first value by a year: here year 0 is 0.
	it('Excel NPV example 1: 1,188.44', () => {
		expect(npv(0.1, [0, -10_000, 3_000, 4_200, 6_800])).toBeCloseTo(1188.44, 2);
	});
	// Microsoft Support, "NPV function", example 2: rate 8 %; −40,000 today, then 8,000, 9,200,
	// 10,000, 12,000 and 14,500 (1,922.06); with a loss of 9,000 in year 6 (−3,749.47).
	it('Excel NPV example 2: 1,922.06 and −3,749.47', () => {
		const flows = [-40_000, 8_000, 9_200, 10_000, 12_000, 14_500];
		expect(npv(0.08, flows)).toBeCloseTo(1922.06, 2);
		expect(npv(0.08, [...flows, -9_000])).toBeCloseTo(-3749.47, 2);
	});
});

describe('IRR against published examples', () => {
	// Microsoft Support, "IRR function": −70,000 then 12,000, 15,000, 18,000, 21,000, 26,000.
	const flows = [-70_000, 12_000, 15_000, 18_000, 21_000, 26_000];
	const rate = (f: number[]) => {
		const r = irr(f);
		if (r.kind !== 'one') throw new Error(r.kind);
		return r.rate;
	};
	it('after five years 8.7 %, after four −2.1 %, after two −44.4 %', () => {
		expect(rate(flows)).toBeCloseTo(0.0866, 4);
		expect(rate(flows.slice(0, 5))).toBeCloseTo(-0.0212, 4);
		expect(rate(flows.slice(0, 3))).toBeCloseTo(-0.4435, 4);
	});

	it('says when there is no rate, and when there are several', () => {
		expect(irr([100, 200])).toEqual({ kind: 'none' });
		expect(irr([0, 0])).toEqual({ kind: 'none' });
		// −100, +230, −132 changes sign twice: NPV is zero at both 10 % and 20 % (hand-worked:
		// 230/1.1 − 132/1.21 = 100 and 230/1.2 − 132/1.44 = 100).
		const r = irr([-100, 230, -132]);
		expect(r.kind).toBe('several');
		if (r.kind !== 'several') return;
		expect(r.rates[0]).toBeCloseTo(0.1, 8);
		expect(r.rates[1]).toBeCloseTo(0.2, 8);
		expect(signChanges([-100, 0, 230, -132])).toBe(2);
	});
});

describe('payback against a published worked example', () => {
	// justaaa.com, finance question 165807 ("Assume a $72,000 investment…"): investment A returns
	// 25,000, 25,000, 15,000, 10,000, 30,000 → 3 + 7,000/10,000 = 3.7 years; investment B
	// returns 22,000, 15,000, 50,000 → 2 + 35,000/50,000 = 2.7 years.
	it('3.7 and 2.7 years', () => {
		expect(payback([-72_000, 25_000, 25_000, 15_000, 10_000, 30_000])).toBeCloseTo(3.7, 10);
		expect(payback([-72_000, 22_000, 15_000, 50_000])).toBeCloseTo(2.7, 10);
	});
});

describe('payback', () => {
	it('interpolates within the year the cumulative flow turns (hand-worked)', () => {
		// Cumulative −1,000, −700, −300, +200: 2 years and 300/500 of the third.
		expect(payback([-1_000, 300, 400, 500])).toBeCloseTo(2.6, 10);
		// Discounted at 10 %: −1,000, −727.27, −396.69, −21.04, +388.77 → 3 + 21.04/409.81.
		expect(discountedPayback(0.1, [-1_000, 300, 400, 500, 600])).toBeCloseTo(3.05133, 4);
		expect(payback([-1_000, 100, 100])).toBeNull();
		expect(payback([0, 100])).toBe(0);
		expect(payback([-100, 100])).toBe(1);
		expect(payback([0, 0, 0])).toBeNull();
		// An exit cost that sends the total below zero again moves the payback to the last crossing:
		// cumulative −100, +20, −10, +40 → 2 + 10/50.
		expect(payback([-100, 120, -30, 50])).toBeCloseTo(2.2, 10);
		expect(payback([-100, 120, -30])).toBeNull();
	});
});

describe('properties', () => {
	const conventional = fc
		.tuple(
			fc.integer({ min: 1, max: 1e9 }),
			fc.array(fc.integer({ min: 1, max: 1e9 }), { minLength: 1, maxLength: 20 })
		)
		.map(([outlay, returns]) => [-outlay, ...returns]);

	it('NPV at the IRR is zero, and falls as the rate rises, for one outlay then returns', () => {
		fc.assert(
			fc.property(conventional, (flows) => {
				const r = irr(flows);
				if (r.kind === 'none') return npv(-0.99, flows) < 0 || npv(10, flows) > 0;
				if (r.kind !== 'one') return false;
				const scale = flows.reduce((a, b) => a + Math.abs(b), 0);
				return Math.abs(npv(r.rate, flows)) < scale * 1e-6 && npv(0.05, flows) >= npv(0.15, flows);
			}),
			{ numRuns: 300 }
		);
	});

	it('payback lies where the cumulative flow changes sign, and discounted comes later', () => {
		fc.assert(
			fc.property(conventional, fc.double({ min: 0, max: 0.5, noNaN: true }), (flows, rate) => {
				const p = payback(flows);
				const d = discountedPayback(rate, flows);
				const total = flows.reduce((a, b) => a + b, 0);
				if (p === null) return total < 0 && d === null;
				return p > 0 && p <= flows.length - 1 && (d === null || d >= p - 1e-9);
			}),
			{ numRuns: 300 }
		);
	});
});
