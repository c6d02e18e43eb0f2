import { describe, expect, it } from 'vitest';
import { negotiateLocale } from './locales.ts';

describe('first language follows the browser', () => {
	it.each([
		[['zh-CN'], 'zh-CN'],
		[['zh'], 'zh-CN'],
		[['zh-Hans-CN'], 'zh-CN'],
		[['zh-TW'], 'zh-TW'],
		[['zh-HK', 'en'], 'zh-TW'],
		[['zh-Hant'], 'zh-TW'],
		[['en-GB'], 'en'],
		[['fr-FR', 'zh-TW'], 'zh-TW'],
		[['fr-FR', 'de'], 'en'],
		[[], 'en']
	])('%j → %s', (languages, expected) => {
		expect(negotiateLocale(languages)).toBe(expected);
	});
});
