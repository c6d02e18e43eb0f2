import type { Locale } from '../domain/locales.ts';

/** Number, date and money formatting in the user's locale. Pure: give it the locale. */

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
	const key = locale + JSON.stringify(options);
	let f = numberFormats.get(key);
	if (!f) {
		f = new Intl.NumberFormat(locale, options);
		numberFormats.set(key, f);
	}
	return f;
}

export function formatNumber(
	value: number,
	locale: Locale,
	options: Intl.NumberFormatOptions = {}
): string {
	return numberFormat(locale, options).format(value);
}

/** How many minor units a currency has (2 for CNY and USD, 0 for JPY and KRW). */
export function currencyExponent(currency: string): number {
	return (
		new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
			.maximumFractionDigits ?? 2
	);
}

/** Money is stored as an integer count of minor units; it is rounded only here, for display. */
export function formatMoney(minor: number, currency: string, locale: Locale): string {
	const exponent = currencyExponent(currency);
	return numberFormat(locale, { style: 'currency', currency }).format(minor / 10 ** exponent);
}

/** A short amount for tables and charts: "CN¥1.3B", "¥12.6亿". */
export function formatMoneyCompact(minor: number, currency: string, locale: Locale): string {
	const exponent = currencyExponent(currency);
	return numberFormat(locale, {
		style: 'currency',
		currency,
		notation: 'compact',
		maximumSignificantDigits: 3
	}).format(minor / 10 ** exponent);
}

export function currencyName(code: string, locale: Locale): string {
	try {
		return new Intl.DisplayNames([locale], { type: 'currency' }).of(code) ?? code;
	} catch {
		return code;
	}
}

export function formatDate(time: number | Date, locale: Locale): string {
	return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(time);
}

export function formatDateTime(time: number | Date, locale: Locale): string {
	return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(time);
}

export function monthName(month: number, locale: Locale): string {
	return new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }).format(
		Date.UTC(2000, month - 1, 1)
	);
}

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
	['year', 365 * 24 * 3600],
	['month', 30 * 24 * 3600],
	['week', 7 * 24 * 3600],
	['day', 24 * 3600],
	['hour', 3600],
	['minute', 60]
];

/** "3 minutes ago", "昨天"; under a minute reads as "now". */
export function formatRelative(time: number, now: number, locale: Locale): string {
	const seconds = Math.round((time - now) / 1000);
	const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
	for (const [unit, size] of UNITS) {
		if (Math.abs(seconds) >= size) return rtf.format(Math.round(seconds / size), unit);
	}
	return rtf.format(0, 'second');
}

const BYTE_UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

/** "12.3 MB", "1.2 GB" (decimal units, as operating systems show disk space). */
export function formatBytes(bytes: number, locale: Locale): string {
	let value = Math.max(0, bytes);
	let unit = 0;
	while (value >= 1000 && unit < BYTE_UNITS.length - 1) {
		value /= 1000;
		unit++;
	}
	return new Intl.NumberFormat(locale, {
		style: 'unit',
		unit: BYTE_UNITS[unit],
		unitDisplay: 'short',
		maximumFractionDigits: unit === 0 || value >= 100 ? 0 : 1
	}).format(value);
}
