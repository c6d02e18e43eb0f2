import type { z } from 'zod';
import type { localizedTextSchema } from './schemas.ts';
import { isOneOf } from './one-of.ts';

/** The languages of the UI, of templates and of reports. */
export const LOCALES = ['zh-CN', 'zh-TW', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export function isLocale(value: unknown): value is Locale {
	return isOneOf(LOCALES, value);
}

/** A text written in each of the three languages (templates and starters carry these). */
export type LocalizedText = z.infer<typeof localizedTextSchema>;

/**
 * Picks the first supported locale from a browser's language list (navigator.languages).
 * Traditional Chinese is chosen for zh-TW, zh-HK, zh-MO and any zh-Hant tag; other Chinese
 * tags get Simplified Chinese; everything else falls back to English.
 */
export function negotiateLocale(languages: readonly string[]): Locale {
	for (const raw of languages) {
		const tag = raw.toLowerCase();
		if (tag.startsWith('zh')) {
			if (/^zh-(hant|tw|hk|mo)\b/.test(tag) || tag.includes('-hant')) return 'zh-TW';
			return 'zh-CN';
		}
		if (tag === 'en' || tag.startsWith('en-')) return 'en';
	}
	return 'en';
}
