import type { z } from 'zod';
import en from 'zod/v4/locales/en.js';
import zhCN from 'zod/v4/locales/zh-CN.js';
import zhTW from 'zod/v4/locales/zh-TW.js';
import type { Locale } from '../locales.ts';

const maps: Record<Locale, () => { localeError: z.core.$ZodErrorMap }> = {
	en,
	'zh-CN': zhCN,
	'zh-TW': zhTW
};
const cache = new Map<Locale, z.core.$ZodErrorMap>();

/** Zod's own messages for a schema problem, in the user's language. */
export function zodErrorMap(locale: Locale): z.core.$ZodErrorMap {
	let map = cache.get(locale);
	if (!map) {
		map = maps[locale]().localeError;
		cache.set(locale, map);
	}
	return map;
}
