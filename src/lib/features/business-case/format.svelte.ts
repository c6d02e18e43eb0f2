import type { IrrResult } from '#lib/domain/business-case/finance.ts';
import { i18n } from '#lib/i18n/i18n.svelte.ts';

/**
 * Figures of the business case for display: rounding happens only here, and a figure that
 * cannot be computed shows a dash (never NaN or Infinity).
 */
const finite = (v: number | null | undefined): v is number =>
	typeof v === 'number' && Number.isFinite(v);

export const money = (minor: number | null | undefined, currency: string) =>
	finite(minor) ? i18n.money(Math.round(minor), currency) : '—';

export const percent = (rate: number | null | undefined) =>
	finite(rate) ? i18n.number(rate, { style: 'percent', maximumFractionDigits: 1 }) : '—';

export const years = (n: number | null | undefined) =>
	finite(n) ? i18n.t('case.yearsValue', { n: i18n.number(n, { maximumFractionDigits: 1 }) }) : '—';

/** IRR as a percentage, or what stops it from being one number. */
export function irrText(r: IrrResult): string {
	switch (r.kind) {
		case 'one':
			return percent(r.rate);
		case 'none':
			return i18n.t('case.irrNone');
		case 'several':
			return i18n.t('case.irrSeveral', { rates: i18n.list(r.rates.map((x) => percent(x))) });
	}
}

/** IRR in a table cell: the rate, or a word; the explanation goes with the workings. */
export function irrShort(r: IrrResult): string {
	if (r.kind === 'one') return percent(r.rate);
	return r.kind === 'none' ? i18n.t('case.irrNoneShort') : i18n.t('case.irrSeveralShort');
}
