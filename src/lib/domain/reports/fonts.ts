/**
 * Which font prints which character. pdfmake draws each text run in one font and has no
 * per-glyph fallback: a character the font lacks simply vanishes. So before a document is laid
 * out, every string is cut into runs, each in the first font of a chain that has the character
 * (for a report in traditional Chinese: Noto Sans TC, then SC, then JP), and the characters no
 * font has are collected so that the user is told which ones, instead of finding gaps.
 *
 * Pure: a font's coverage is read from the bytes of its TrueType `cmap` table.
 */

/** Sorted, non-overlapping [first, last] code point ranges, flattened: [a0, b0, a1, b1, …]. */
export type Coverage = Uint32Array;

export interface FontFace {
	/** The name the document uses for the font (pdfmake's font family). */
	name: string;
	coverage: Coverage;
}

export function covers(coverage: Coverage, codePoint: number): boolean {
	let lo = 0;
	let hi = coverage.length / 2 - 1;
	while (lo <= hi) {
		const mid = (lo + hi) >> 1;
		if (codePoint < coverage[mid * 2]!) hi = mid - 1;
		else if (codePoint > coverage[mid * 2 + 1]!) lo = mid + 1;
		else return true;
	}
	return false;
}

/** Merges [first, last] pairs into a sorted coverage. */
export function coverageOf(ranges: Array<[number, number]>): Coverage {
	const sorted = ranges.filter(([a, b]) => a <= b).sort((x, y) => x[0] - y[0]);
	const out: number[] = [];
	for (const [a, b] of sorted) {
		const n = out.length;
		if (n > 0 && a <= out[n - 1]! + 1) out[n - 1] = Math.max(out[n - 1]!, b);
		else out.push(a, b);
	}
	return Uint32Array.from(out);
}

/**
 * The code points a TrueType/OpenType font maps to a glyph, from its `cmap` table (the Unicode
 * subtables of format 4 and 12). Throws on bytes that are not such a font.
 */
export function readCoverage(bytes: ArrayBuffer | Uint8Array): Coverage {
	const view =
		bytes instanceof Uint8Array
			? new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
			: new DataView(bytes);
	const fail = (why: string): never => {
		throw new Error(`Not a usable font file: ${why}.`);
	};
	if (view.byteLength < 12) fail('too short');
	const tables = view.getUint16(4);
	let cmap = -1;
	for (let i = 0; i < tables; i++) {
		const at = 12 + i * 16;
		if (at + 16 > view.byteLength) fail('truncated table directory');
		const tag = String.fromCharCode(
			view.getUint8(at),
			view.getUint8(at + 1),
			view.getUint8(at + 2),
			view.getUint8(at + 3)
		);
		if (tag === 'cmap') cmap = view.getUint32(at + 8);
	}
	if (cmap < 0 || cmap + 4 > view.byteLength) fail('no cmap table');
	const subtables = view.getUint16(cmap + 2);
	let format4 = -1;
	let format12 = -1;
	for (let i = 0; i < subtables; i++) {
		const at = cmap + 4 + i * 8;
		const platform = view.getUint16(at);
		const encoding = view.getUint16(at + 2);
		const offset = cmap + view.getUint32(at + 4);
		const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
		if (!unicode || offset + 2 > view.byteLength) continue;
		const format = view.getUint16(offset);
		if (format === 12) format12 = offset;
		else if (format === 4 && format4 < 0) format4 = offset;
	}
	const ranges: Array<[number, number]> = [];
	if (format12 >= 0) {
		const groups = view.getUint32(format12 + 12);
		for (let g = 0; g < groups; g++) {
			const at = format12 + 16 + g * 12;
			const first = view.getUint32(at);
			const last = view.getUint32(at + 4);
			// A group that starts at glyph 0 maps its first character to "missing".
			if (view.getUint32(at + 8) !== 0) ranges.push([first, last]);
			else if (first < last) ranges.push([first + 1, last]);
		}
	} else if (format4 >= 0) {
		const segments = view.getUint16(format4 + 6) / 2;
		const ends = format4 + 14;
		const starts = ends + segments * 2 + 2;
		const deltas = starts + segments * 2;
		const rangeOffsets = deltas + segments * 2;
		for (let s = 0; s < segments; s++) {
			const end = view.getUint16(ends + s * 2);
			const start = view.getUint16(starts + s * 2);
			const delta = view.getUint16(deltas + s * 2);
			const rangeOffset = view.getUint16(rangeOffsets + s * 2);
			for (let c = start; c <= end && c !== 0xffff; c++) {
				let glyph: number;
				if (rangeOffset === 0) glyph = (c + delta) & 0xffff;
				else {
					const at = rangeOffsets + s * 2 + rangeOffset + (c - start) * 2;
					glyph = at + 2 <= view.byteLength ? view.getUint16(at) : 0;
					if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
				}
				if (glyph !== 0) ranges.push([c, c]);
			}
		}
	} else fail('no Unicode character map');
	return coverageOf(ranges);
}

/** A run of text in one font. */
export interface Run {
	text: string;
	font: string;
}

/** Characters any font may lack without harm: controls, spaces and joiners print as nothing. */
function invisible(cp: number): boolean {
	return (
		cp < 0x20 ||
		(cp >= 0x7f && cp < 0xa0) ||
		cp === 0x200b ||
		cp === 0x200c ||
		cp === 0x200d ||
		cp === 0x2060 ||
		cp === 0xfeff ||
		(cp >= 0xfe00 && cp <= 0xfe0f) ||
		(cp >= 0xe0100 && cp <= 0xe01ef)
	);
}

/** What no font of the chain can print is drawn as this mark, so a gap is never silent. */
export const MISSING_MARK = '\u25a1'; // □

/**
 * Cuts `text` into runs by the first font of `chain` that has each character; a character no
 * font has becomes {@link MISSING_MARK} in the first font and is reported through `missing`.
 */
export function splitRuns(text: string, chain: FontFace[], missing?: Set<string>): Run[] {
	const first = chain[0];
	if (!first) throw new Error('A font chain needs at least one font.');
	const runs: Run[] = [];
	let font = first.name;
	let current = '';
	for (const char of text) {
		const cp = char.codePointAt(0)!;
		let pick = font; // spaces and invisible marks stay in the run they are in
		let out = char;
		if (!invisible(cp) && cp !== 0x20) {
			const face = chain.find((f) => covers(f.coverage, cp));
			if (face) pick = face.name;
			else {
				missing?.add(char);
				pick = first.name;
				out = MISSING_MARK;
			}
		}
		if (pick !== font && current) {
			runs.push({ text: current, font });
			current = '';
		}
		font = pick;
		current += out;
	}
	if (current || runs.length === 0) runs.push({ text: current, font });
	return runs;
}

/**
 * The Chinese fonts draw curly quotes full-width, as Chinese text wants them; English text
 * reads better with straight ones than with a wide gap ("Porter ’s").
 */
export function straightQuotes(text: string): string {
	return text.replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"');
}

/** A pdfmake content tree is plain data: strings, arrays and objects. */
type Node = unknown;

/** Keys of a pdfmake node whose values are more content (not styles or sizes). */
const CHILD_KEYS = [
	'stack',
	'columns',
	'ul',
	'ol',
	'content',
	'table',
	'body',
	'text',
	'toc',
	'title'
];

/**
 * Applies a font chain to every text of a pdfmake content tree: a string whose characters are
 * all in the first font is left as it is (it inherits the default font); any other becomes runs.
 * SVG and images are left alone. Returns a new tree.
 */
export function applyFonts(
	node: Node,
	chain: FontFace[],
	missing: Set<string>,
	rewrite: (text: string) => string = (text) => text
): Node {
	if (typeof node === 'string') {
		const runs = textRuns(rewrite(node), chain, missing);
		return typeof runs === 'string' ? runs : { text: runs };
	}
	if (Array.isArray(node)) return node.map((child) => applyFonts(child, chain, missing, rewrite));
	if (!node || typeof node !== 'object') return node;
	const source = node as Record<string, unknown>;
	const out: Record<string, unknown> = { ...source };
	if ('svg' in source || 'image' in source || 'canvas' in source || 'qr' in source) return out;
	if (typeof source.text === 'string') {
		out.text = textRuns(rewrite(source.text), chain, missing);
	}
	for (const key of CHILD_KEYS) {
		if (key === 'text' && typeof source.text === 'string') continue;
		if (key in source && source[key] !== undefined)
			out[key] = applyFonts(source[key], chain, missing, rewrite);
	}
	return out;
}

function textRuns(text: string, chain: FontFace[], missing: Set<string>): string | Node[] {
	const runs = splitRuns(text, chain, missing);
	if (runs.length === 1 && runs[0]!.font === chain[0]!.name) return runs[0]!.text;
	return runs.map((r) => (r.font === chain[0]!.name ? r.text : { text: r.text, font: r.font }));
}

/** The font names a content tree uses (after {@link applyFonts}), besides the default. */
export function fontsUsed(node: Node, into = new Set<string>()): Set<string> {
	if (Array.isArray(node)) for (const child of node) fontsUsed(child, into);
	else if (node && typeof node === 'object') {
		const source = node as Record<string, unknown>;
		if (typeof source.font === 'string') into.add(source.font);
		for (const key of CHILD_KEYS) if (key in source) fontsUsed(source[key], into);
	}
	return into;
}
