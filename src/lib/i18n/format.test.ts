import { describe, expect, it } from 'vitest';
import {
	currencyExponent,
	formatBytes,
	formatMoneyCompact,
	formatMoney,
	formatNumber,
	formatRelative,
	monthName
} from './format.ts';

describe('locale formatting', () => {
	it('formats money from integer minor units without float drift', () => {
		expect(formatMoney(123456789, 'CNY', 'zh-CN')).toBe('¥1,234,567.89');
		expect(formatMoney(123456789, 'USD', 'en')).toBe('$1,234,567.89');
		expect(formatMoney(1500, 'JPY', 'en')).toBe('¥1,500');
		expect(formatMoney(10, 'USD', 'en')).toBe('$0.10');
		expect(currencyExponent('KRW')).toBe(0);
		expect(formatMoneyCompact(126_000_000_000, 'CNY', 'en')).toBe('CN¥1.26B');
		expect(formatMoneyCompact(126_000_000_000, 'CNY', 'zh-CN')).toBe('¥12.6亿');
		expect(formatMoneyCompact(126_000_000_000, 'TWD', 'zh-TW')).toBe('$12.6億');
	});
	it('formats numbers, months and relative times per locale', () => {
		expect(formatNumber(1234567.5, 'en')).toBe('1,234,567.5');
		expect(monthName(4, 'en')).toBe('April');
		expect(monthName(4, 'zh-CN')).toBe('四月');
		expect(monthName(4, 'zh-TW')).toBe('4月');
		expect(formatRelative(0, 3 * 60_000, 'en')).toBe('3 minutes ago');
		expect(formatRelative(0, 24 * 3600_000, 'zh-CN')).toBe('昨天');
		expect(formatBytes(999, 'en')).toBe('999 byte');
		expect(formatBytes(12_345_678, 'en')).toBe('12.3 MB');
		expect(formatBytes(2_100_000_000, 'zh-CN')).toBe('2.1 GB');
		expect(formatBytes(250_000, 'zh-TW')).toBe('250 kB');
		expect(formatRelative(0, 10_000, 'en')).toBe('now');
	});
});
