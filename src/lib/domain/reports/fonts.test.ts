import fs from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
	MISSING_MARK,
	applyFonts,
	coverageOf,
	covers,
	fontsUsed,
	readCoverage,
	splitRuns,
	type FontFace
} from './fonts.ts';

const require = createRequire(import.meta.url);
const fontFile = (pkg: string, file: string) =>
	fs.readFileSync(require.resolve(`@expo-google-fonts/${pkg}/400Regular/${file}`));

describe('coverage', () => {
	it('merges and searches ranges', () => {
		const c = coverageOf([
			[10, 20],
			[0, 5],
			[6, 8],
			[30, 30]
		]);
		expect([...c]).toEqual([0, 8, 10, 20, 30, 30]);
		expect([5, 6, 8, 10, 20, 30].every((cp) => covers(c, cp))).toBe(true);
		expect([9, 21, 29, 31, 1000].some((cp) => covers(c, cp))).toBe(false);
	});

	it('reads the character map of the bundled fonts', () => {
		const sc = readCoverage(fontFile('noto-sans-sc', 'NotoSansSC_400Regular.ttf'));
		const tc = readCoverage(fontFile('noto-sans-tc', 'NotoSansTC_400Regular.ttf'));
		const jp = readCoverage(fontFile('noto-sans-jp', 'NotoSansJP_400Regular.ttf'));
		const has = (c: Uint32Array, ch: string) => covers(c, ch.codePointAt(0)!);
		// Simplified, traditional, Latin and the missing mark in SC; the rare ones elsewhere.
		for (const ch of ['客', '户', '戶', '關', 'A', 'é', '€', '䶮', MISSING_MARK])
			expect(has(sc, ch), ch).toBe(true);
		expect(has(sc, '𡘙')).toBe(false);
		expect(has(tc, '𡘙')).toBe(true);
		expect(has(tc, '𠮷')).toBe(false);
		expect(has(jp, '𠮷')).toBe(true);
	});

	it('refuses bytes that are not a font', () => {
		expect(() => readCoverage(new TextEncoder().encode('not a font at all'))).toThrow(/font/);
	});
});

const face = (name: string, ranges: Array<[number, number]>): FontFace => ({
	name,
	coverage: coverageOf(ranges)
});
// A: ASCII only; B: CJK basic; C: one rare character.
const chain = [
	face('A', [[0x20, 0x7e]]),
	face('B', [[0x4e00, 0x9fff]]),
	face('C', [[0x20bb7, 0x20bb7]])
];

describe('splitRuns', () => {
	it('keeps text in the first font when it can', () => {
		expect(splitRuns('CRM plan', chain)).toEqual([{ text: 'CRM plan', font: 'A' }]);
	});

	it('switches font for characters the first lacks, keeping spaces in the run', () => {
		expect(splitRuns('CRM 客户 plan 𠮷野家', chain)).toEqual([
			{ text: 'CRM ', font: 'A' },
			{ text: '客户 ', font: 'B' },
			{ text: 'plan ', font: 'A' },
			{ text: '𠮷', font: 'C' },
			{ text: '野家', font: 'B' }
		]);
	});

	it('marks what no font has and reports it', () => {
		const missing = new Set<string>();
		expect(splitRuns('a😀b', chain, missing)).toEqual([{ text: `a${MISSING_MARK}b`, font: 'A' }]);
		expect([...missing]).toEqual(['😀']);
	});

	it('lets control characters and joiners through without a mark', () => {
		const missing = new Set<string>();
		expect(splitRuns('a\nb\u200dc', chain, missing)).toEqual([{ text: 'a\nb\u200dc', font: 'A' }]);
		expect(missing.size).toBe(0);
	});
});

describe('applyFonts', () => {
	it('rewrites every text of a content tree and leaves pictures alone', () => {
		const missing = new Set<string>();
		const tree = {
			stack: [
				'plain',
				{ text: '客户 A', bold: true },
				{ table: { body: [['x', { text: ['y', '𠮷'] }]] } },
				{ svg: '<svg>客</svg>' },
				{ toc: { title: { text: '目录' } } }
			]
		};
		const out = applyFonts(tree, chain, missing);
		expect(out).toEqual({
			stack: [
				'plain',
				{ text: [{ text: '客户 ', font: 'B' }, 'A'], bold: true },
				{ table: { body: [['x', { text: ['y', { text: [{ text: '𠮷', font: 'C' }] }] }]] } },
				{ svg: '<svg>客</svg>' },
				{ toc: { title: { text: [{ text: '目录', font: 'B' }] } } }
			]
		});
		expect([...fontsUsed(out)].sort()).toEqual(['B', 'C']);
		expect(missing.size).toBe(0);
	});
});

describe('straightQuotes', () => {
	it('straightens curly quotes for English text', async () => {
		const { straightQuotes } = await import('./fonts.ts');
		expect(straightQuotes('Porter’s “five” ‘forces’')).toBe(`Porter's "five" 'forces'`);
	});
});
