/**
 * Reading numbers that users type. Accepts the forms people write in Chinese and English
 * (thousands separators, full-width digits, a trailing %), and answers either a value or a
 * problem code that the UI words in the user's language. Money comes back in integer minor
 * units, so nothing is lost to floating point.
 */

export type NumberProblem =
	| { code: 'required' }
	| { code: 'notNumber' }
	| { code: 'notWhole' }
	| { code: 'tooSmall'; min: number }
	| { code: 'tooLarge'; max: number }
	| { code: 'tooPrecise'; decimals: number };

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: NumberProblem };

const FULL_WIDTH = /[０-９．，－＋％]/g;

/** Full-width digits and signs to ASCII; separators and spaces removed. */
export function normaliseNumberText(text: string): string {
	return text
		.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
		.replace(/[\s,_'’]/g, '')
		.replace(/%$/, '');
}

function decimalsOf(text: string): number {
	const dot = text.indexOf('.');
	return dot < 0 ? 0 : text.length - dot - 1;
}

function parseDecimal(text: string): Parsed<{ value: number; text: string }> {
	const t = normaliseNumberText(text);
	if (t === '') return { ok: false, problem: { code: 'required' } };
	if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(t)) return { ok: false, problem: { code: 'notNumber' } };
	return { ok: true, value: { value: Number(t), text: t } };
}

/** A whole count, such as a number of customers. */
export function parseCount(text: string, min = 0, max = 1e12): Parsed<number> {
	const r = parseDecimal(text);
	if (!r.ok) return r;
	if (!Number.isInteger(r.value.value)) return { ok: false, problem: { code: 'notWhole' } };
	if (r.value.value < min) return { ok: false, problem: { code: 'tooSmall', min } };
	if (r.value.value > max) return { ok: false, problem: { code: 'tooLarge', max } };
	return { ok: true, value: r.value.value };
}

/** A signed decimal, such as a KPI's value or an effort in person-days, with at most `decimals` decimals. */
export function parseNumber(text: string, min: number, max: number, decimals = 2): Parsed<number> {
	const r = parseDecimal(text);
	if (!r.ok) return r;
	if (decimalsOf(r.value.text) > decimals)
		return { ok: false, problem: { code: 'tooPrecise', decimals } };
	if (r.value.value < min) return { ok: false, problem: { code: 'tooSmall', min } };
	if (r.value.value > max) return { ok: false, problem: { code: 'tooLarge', max } };
	return { ok: true, value: r.value.value };
}

/**
 * A percentage as typed ("85", "85%", "12.5") to a decimal rate (0.85, 0.125), within [min, max]
 * percent, with at most two decimals.
 */
export function parsePercent(text: string, min = 0, max = 100): Parsed<number> {
	const r = parseDecimal(text);
	if (!r.ok) return r;
	const pct = r.value.value;
	if (decimalsOf(r.value.text) > 2)
		return { ok: false, problem: { code: 'tooPrecise', decimals: 2 } };
	if (pct < min) return { ok: false, problem: { code: 'tooSmall', min } };
	if (pct > max) return { ok: false, problem: { code: 'tooLarge', max } };
	// Round away the binary noise of the division (12.5 / 100 → 0.125 exactly as a rate).
	return { ok: true, value: Math.round(pct * 100) / 10_000 };
}

/** A rate back to the text a user would type: 0.125 → "12.5". */
export function percentText(rate: number): string {
	return String(Math.round(rate * 10_000) / 100);
}

/**
 * An amount of money in major units ("1,234.56") to integer minor units (123456), for a currency
 * with `exponent` decimals (2 for CNY, 0 for JPY). Digits are read as text, never through a float.
 */
export function parseMoney(
	text: string,
	exponent: number,
	min = 0,
	maxMinor = Number.MAX_SAFE_INTEGER
): Parsed<number> {
	const r = parseDecimal(text);
	if (!r.ok) return r;
	const t = r.value.text.replace(/^\+/, '');
	const negative = t.startsWith('-');
	const [whole = '', fraction = ''] = (negative ? t.slice(1) : t).split('.');
	if (fraction.length > exponent)
		return { ok: false, problem: { code: 'tooPrecise', decimals: exponent } };
	const digits = (whole || '0') + fraction.padEnd(exponent, '0');
	const minor = Number(digits) * (negative ? -1 : 1);
	if (!Number.isSafeInteger(minor) || minor > maxMinor)
		return { ok: false, problem: { code: 'tooLarge', max: maxMinor / 10 ** exponent } };
	if (minor < min * 10 ** exponent) return { ok: false, problem: { code: 'tooSmall', min } };
	return { ok: true, value: minor === 0 ? 0 : minor };
}

/** Minor units back to the plain text a user would type: 123456 → "1234.56". */
export function moneyText(minor: number, exponent: number): string {
	const negative = minor < 0;
	const digits = String(Math.abs(minor)).padStart(exponent + 1, '0');
	const whole = exponent > 0 ? digits.slice(0, -exponent) : digits;
	const fraction = exponent > 0 ? digits.slice(-exponent).replace(/0+$/, '') : '';
	return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}
