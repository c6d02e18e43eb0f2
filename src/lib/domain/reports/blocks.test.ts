import { describe, expect, it } from 'vitest';
import { evenChunks, fitText, textLength, textWidth } from './blocks.ts';

describe('text measures', () => {
	it('estimates widths with Chinese characters a full em, capitals wider than small letters', () => {
		expect(textWidth('ab', 10)).toBeCloseTo(12.4, 9);
		expect(textWidth('AB', 10)).toBeCloseTo(14.4, 9);
		expect(textWidth('12', 10)).toBeCloseTo(11.4, 9);
		expect(textWidth('关键', 10)).toBe(20);
		expect(textWidth('關鍵', 10, true)).toBeCloseTo(21.2, 9);
	});

	it('cuts text to its width with an ellipsis', () => {
		expect(fitText('Short', 100, 7)).toBe('Short');
		const cut = fitText('需求分析与规格说明需求分析与规格说明', 50, 7);
		expect(cut).toBe('需求分析与规…');
		expect(textWidth(cut, 7)).toBeLessThanOrEqual(50);
		expect(fitText('x', 1, 7)).toBe('');
	});

	it('counts the characters of a content tree and splits lists evenly', () => {
		expect(textLength([{ text: 'abc', bold: true }, { stack: ['de', 7] }])).toBe(5);
		expect(evenChunks([1, 2, 3, 4, 5], 2).map((c) => c.length)).toEqual([2, 2, 1]);
		expect(evenChunks([1, 2, 3, 4, 5, 6, 7], 4).map((c) => c.length)).toEqual([4, 3]);
	});
});
