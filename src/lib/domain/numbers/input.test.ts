import { describe, expect, it } from 'vitest';
import {
	moneyText,
	normaliseNumberText,
	parseCount,
	parseMoney,
	parsePercent,
	percentText
} from './input.ts';

describe('numbers as users type them', () => {
	it('normalises separators, spaces and full-width characters', () => {
		expect(normaliseNumberText(' 1,234,567 ')).toBe('1234567');
		expect(normaliseNumberText('１２，３４５．５')).toBe('12345.5');
		expect(normaliseNumberText('８５％')).toBe('85');
	});

	it('reads counts', () => {
		expect(parseCount('4,200,000')).toEqual({ ok: true, value: 4_200_000 });
		expect(parseCount('')).toEqual({ ok: false, problem: { code: 'required' } });
		expect(parseCount('12.5')).toEqual({ ok: false, problem: { code: 'notWhole' } });
		expect(parseCount('-3')).toEqual({ ok: false, problem: { code: 'tooSmall', min: 0 } });
		expect(parseCount('abc')).toEqual({ ok: false, problem: { code: 'notNumber' } });
		expect(parseCount('1e3')).toEqual({ ok: false, problem: { code: 'notNumber' } });
	});

	it('reads percentages into rates, within bounds', () => {
		expect(parsePercent('85')).toEqual({ ok: true, value: 0.85 });
		expect(parsePercent('12.5%')).toEqual({ ok: true, value: 0.125 });
		expect(parsePercent('0.07')).toEqual({ ok: true, value: 0.0007 });
		expect(parsePercent('101')).toEqual({ ok: false, problem: { code: 'tooLarge', max: 100 } });
		expect(parsePercent('-1')).toEqual({ ok: false, problem: { code: 'tooSmall', min: 0 } });
		expect(parsePercent('-15', -100, 1000)).toEqual({ ok: true, value: -0.15 });
		expect(parsePercent('33.333')).toEqual({
			ok: false,
			problem: { code: 'tooPrecise', decimals: 2 }
		});
		expect(percentText(0.125)).toBe('12.5');
		expect(percentText(0.07)).toBe('7');
		expect(percentText(0.29)).toBe('29');
	});

	it('reads money into integer minor units without floating point', () => {
		expect(parseMoney('1,234.56', 2)).toEqual({ ok: true, value: 123_456 });
		expect(parseMoney('0.1', 2)).toEqual({ ok: true, value: 10 });
		expect(parseMoney('1.005', 2)).toEqual({
			ok: false,
			problem: { code: 'tooPrecise', decimals: 2 }
		});
		expect(parseMoney('90071992547409.91', 2)).toEqual({ ok: true, value: 9_007_199_254_740_991 });
		expect(parseMoney('90071992547409.92', 2)).toMatchObject({
			ok: false,
			problem: { code: 'tooLarge' }
		});
		expect(parseMoney('1500', 0)).toEqual({ ok: true, value: 1500 });
		expect(parseMoney('15.5', 0)).toEqual({
			ok: false,
			problem: { code: 'tooPrecise', decimals: 0 }
		});
		expect(parseMoney('-5', 2)).toEqual({ ok: false, problem: { code: 'tooSmall', min: 0 } });
		expect(moneyText(123_456, 2)).toBe('1234.56');
		expect(moneyText(10, 2)).toBe('0.1');
		expect(moneyText(1500, 0)).toBe('1500');
		expect(moneyText(-5, 2)).toBe('-0.05');
	});
});
