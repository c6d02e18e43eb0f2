import type { Locale } from '#lib/domain/locales.ts';
import type { ReportText } from '#lib/domain/reports/context.ts';
import { dayNumber } from '#lib/domain/roadmap/calendar.ts';
import * as fmt from '#lib/i18n/format.ts';
import { interpolate } from '#lib/i18n/interpolate.ts';
import type { Messages } from '#lib/i18n/messages/en.ts';

/**
 * The words and formats of a report's language, which may differ from the UI's: the same
 * messages and formatters the UI uses, bound to `lang`.
 */
export function reportText(lang: Locale, messages: Messages): ReportText {
	const dayFormat = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' });
	return {
		t: (key, params) => interpolate(messages[key as keyof Messages] ?? key, params),
		number: (value, options) => fmt.formatNumber(value, lang, options),
		percent: (share, digits = 0) =>
			fmt.formatNumber(share, lang, {
				style: 'percent',
				minimumFractionDigits: digits,
				maximumFractionDigits: digits
			}),
		money: (minor, currency) => fmt.formatMoney(minor, currency, lang),
		moneyCompact: (minor, currency) => fmt.formatMoneyCompact(minor, currency, lang),
		day: (iso) => dayFormat.format(dayNumber(iso) * 86_400_000),
		list: (items) => new Intl.ListFormat(lang, { type: 'conjunction' }).format(items)
	};
}
