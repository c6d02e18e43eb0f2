import type { EngagementContent } from '../engagement/profile.ts';
import type { Locale } from '../locales.ts';
import type { ReportAsset, ReportOptions } from './model.ts';

/**
 * The words and formats of the report's language, handed in by the caller (the domain does not
 * import the i18n layer). `t` takes the same typed message keys as the UI; the messages test
 * checks that every key a report uses exists in all three languages.
 */
export interface ReportText {
	t: (key: string, params?: Record<string, string | number>) => string;
	number: (value: number, options?: Intl.NumberFormatOptions) => string;
	/** A share (0.25) as a percentage ("25 %" / "25%"). */
	percent: (share: number, digits?: number) => string;
	/** Integer minor units of `currency`. */
	money: (minor: number, currency: string) => string;
	moneyCompact: (minor: number, currency: string) => string;
	/** A calendar day, `YYYY-MM-DD`. */
	day: (iso: string) => string;
	list: (items: string[]) => string;
}

/** Everything a section builder may read. */
export interface ReportContext extends ReportText {
	lang: Locale;
	content: EngagementContent;
	options: ReportOptions;
	/** A drawn diagram or chart by key, if it was drawn. */
	asset: (key: string) => ReportAsset | undefined;
	/** The width and height available for content on a page, in points. */
	page: { width: number; height: number };
	/** Picks the text of a template's localized field in the report's language. */
	localized: (text: Partial<Record<Locale, string>> | string) => string;
}
