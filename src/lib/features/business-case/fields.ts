import {
	moneyText,
	parseCount,
	parseMoney,
	parsePercent,
	percentText,
	type Parsed
} from '#lib/domain/numbers/input.ts';

/**
 * How the line editors' number fields show and read their values (the `text` and `parse` of a
 * NumberField): money in minor units, whole counts, and rates typed as percentages.
 */
export const moneyField = (exponent: number) => ({
	text: (v: number) => moneyText(v, exponent),
	parse: (s: string) => parseMoney(s, exponent)
});

export const countField = (min: number, max: number) => ({
	text: (v: number) => String(v),
	parse: (s: string) => parseCount(s, min, max)
});

/** A rate between `min` and `max` (decimals: 0.5 is 50 %), typed as a percentage. */
export const rateField = (min: number, max: number) => ({
	text: percentText,
	parse: (s: string) => parsePercent(s, min * 100, max * 100)
});

export type RampProblem = { code: 'tooLong' } | { code: 'bad'; part: string };

/** A ramp-up typed as percentages for years 1, 2, … ("50, 100") to shares, at most `max` years. */
export function parseRamp(
	text: string,
	max: number
): { ok: true; value: number[] } | { ok: false; problem: RampProblem } {
	const parts = text.split(/[,，、\s]+/).filter(Boolean);
	if (parts.length > max) return { ok: false, problem: { code: 'tooLong' } };
	const value: number[] = [];
	for (const part of parts) {
		const r: Parsed<number> = parsePercent(part, 0, 100);
		if (!r.ok) return { ok: false, problem: { code: 'bad', part } };
		value.push(r.value);
	}
	return { ok: true, value };
}

export const rampText = (shares: readonly number[]) =>
	shares.map((s) => String(Math.round(s * 1000) / 10)).join(', ');
