import { LOCALES, type Locale } from '../domain/locales.ts';
import { en, type MessageKey, type Messages } from './messages/en.ts';
import * as fmt from './format.ts';
import { interpolate, type Params } from './interpolate.ts';

export type { MessageKey };
export { interpolate, type Params };

/**
 * The messages of each language, English at once (the source, and the fallback) and the others
 * when first needed, so that the first page carries one language, not three.
 */
const loaded: Partial<Record<Locale, Messages>> = { en };
const loaders: Record<Locale, () => Promise<Messages>> = {
	en: async () => en,
	'zh-CN': () => import('./messages/zh-CN.ts').then((m) => m.zhCN),
	'zh-TW': () => import('./messages/zh-TW.ts').then((m) => m.zhTW)
};

/** Makes a language's messages available; call (and wait) before switching to it. */
export async function loadMessages(locale: Locale): Promise<void> {
	loaded[locale] ??= await loaders[locale]();
}

/** A language's messages (for a report written in a language other than the UI's). */
export async function messagesFor(locale: Locale): Promise<Messages> {
	await loadMessages(locale);
	return loaded[locale] ?? en;
}

export const LOCALE_NAMES: Record<Locale, string> = {
	'zh-CN': '简体中文',
	'zh-TW': '繁體中文',
	en: 'English'
};

export function translate(locale: Locale, key: MessageKey, params?: Params): string {
	return interpolate((loaded[locale] ?? en)[key], params);
}

/** The UI language, as shared rune state; reading `t` in a template re-renders on a switch. */
class I18n {
	locale = $state<Locale>('en');

	t = (key: MessageKey, params?: Params): string => translate(this.locale, key, params);
	number = (value: number, options?: Intl.NumberFormatOptions) =>
		fmt.formatNumber(value, this.locale, options);
	money = (minor: number, currency: string) => fmt.formatMoney(minor, currency, this.locale);
	moneyCompact = (minor: number, currency: string) =>
		fmt.formatMoneyCompact(minor, currency, this.locale);
	date = (time: number | Date) => fmt.formatDate(time, this.locale);
	dateTime = (time: number | Date) => fmt.formatDateTime(time, this.locale);
	relative = (time: number, now = Date.now()) => fmt.formatRelative(time, now, this.locale);
	month = (month: number) => fmt.monthName(month, this.locale);
	currencyName = (code: string) => fmt.currencyName(code, this.locale);
	/** "A, B and C" / "A、B和C". */
	list = (items: string[]) =>
		new Intl.ListFormat(this.locale, { type: 'conjunction' }).format(items);

	/** For tests. */
	reset() {
		this.locale = 'en';
	}
}

export const i18n = new I18n();
export { LOCALES };
