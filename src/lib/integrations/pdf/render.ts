import type { Locale } from '#lib/domain/locales.ts';
import {
	applyFonts,
	readCoverage,
	splitRuns,
	straightQuotes,
	type FontFace
} from '#lib/domain/reports/fonts.ts';
import { FONT_FAMILIES, type FontFamily, type FontFile } from './font-files.ts';

export { FONT_FAMILIES, FONT_SOURCES, type FontFamily, type FontFile } from './font-files.ts';

/**
 * Lays out a document definition with pdfmake, in a worker (the app) or in Node (tests and the
 * bench); the caller hands in its pdfmake instance and a way to read font files. The same code
 * runs in both, so what the tests check is what users get.
 *
 * Fonts: each report language has a chain (for traditional Chinese, Noto Sans TC first, so that
 * shared characters take traditional shapes); a font further down the chain is loaded only when
 * the text holds a character the fonts before it lack. Nothing is fetched by pdfmake itself:
 * its URL policy refuses every address, so images and fonts come only from what is handed in.
 */

export const FONT_CHAINS: Record<Locale, FontFamily[]> = {
	'zh-CN': ['NotoSansSC', 'NotoSansTC', 'NotoSansJP'],
	'zh-TW': ['NotoSansTC', 'NotoSansSC', 'NotoSansJP'],
	en: ['NotoSansSC', 'NotoSansTC', 'NotoSansJP']
};

/** The part of pdfmake (Node or browser build) this adapter uses. */
export interface PdfMake {
	virtualfs: {
		writeFileSync(name: string, content: unknown): void;
		existsSync(name: string): boolean;
	};
	setFonts(fonts: Record<string, Record<string, string>>): void;
	setUrlAccessPolicy(callback: (url: string) => boolean): void;
	setLocalAccessPolicy?: (callback: (path: string) => boolean) => void;
	setProgressCallback(callback: ((progress: number) => void) | undefined): void;
	createPdf(definition: Record<string, unknown>): { getBuffer(): Promise<Uint8Array> };
}

export interface RenderResult {
	bytes: Uint8Array;
	/** Characters no font could print (drawn as □). */
	missing: string[];
	fonts: FontFamily[];
	/** How long pdfmake itself took to lay out and write the document (ms). */
	layoutMs: number;
}

type Definition = Record<string, unknown> & { content: unknown };
type PageFn = (...args: number[]) => unknown;

/**
 * Applies the font chain of `lang`, loads the fonts that are needed, and lays out the
 * document. `readFont` returns a font file's bytes (from the cache, the network or the disk);
 * `onProgress` hears the layout's progress (0–1).
 */
export async function renderPdf(
	pdfmake: PdfMake,
	definition: Definition,
	lang: Locale,
	readFont: (file: FontFile) => Promise<ArrayBuffer | Uint8Array>,
	onProgress?: (progress: number) => void
): Promise<RenderResult> {
	const families = FONT_CHAINS[lang];
	const rewrite = lang === 'en' ? straightQuotes : undefined;
	const chain: FontFace[] = [];
	const loaded = new Map<FontFile, ArrayBuffer | Uint8Array>();
	const load = async (file: FontFile) => {
		let bytes = loaded.get(file);
		if (!bytes) {
			bytes = await readFont(file);
			loaded.set(file, bytes);
		}
		return bytes;
	};

	// The header and footer are drawn per page: sample them so that their text is checked too.
	const header = definition.header as PageFn | undefined;
	const footer = definition.footer as PageFn | undefined;
	const sample = [header?.(2, 2), footer?.(2, 2)];

	let missing = new Set<string>();
	let content: unknown = definition.content;
	const inSvg = new Set<FontFamily>();
	for (const family of families) {
		let bytes: ArrayBuffer | Uint8Array;
		try {
			bytes = await load(FONT_FAMILIES[family].regular);
		} catch (error) {
			// Without its first font there is no report; without a fallback (offline, never
			// fetched), the few characters only it has print as □ and are named.
			if (chain.length === 0) throw new FontUnavailableError(FONT_FAMILIES[family].regular, error);
			break;
		}
		chain.push({ name: family, coverage: readCoverage(bytes) });
		missing = new Set<string>();
		inSvg.clear();
		content = svgRuns(
			applyFonts(definition.content, chain, missing, rewrite),
			chain,
			missing,
			inSvg
		);
		applyFonts(sample, chain, missing, rewrite);
		if (missing.size === 0) break;
	}

	// pdfkit finds a font for SVG text only among those the document's own text has opened
	// (under any other name it reads a file): each font the labels use gets one invisible space.
	for (const family of inSvg) content = [{ text: ' ', font: family, fontSize: 1 }, content];
	const used = new Set<FontFamily>([families[0]!, ...inSvg]);
	collectFonts(content, used);
	collectFonts(applyFonts(sample, chain, new Set(), rewrite), used);
	const fonts: Record<string, Record<string, string>> = {};
	for (const family of used) {
		const { regular, bold } = FONT_FAMILIES[family];
		const normal = postscriptName(regular);
		const heavy = postscriptName(bold ?? regular);
		for (const file of new Set<FontFile>([regular, bold ?? regular])) {
			const name = postscriptName(file);
			if (!pdfmake.virtualfs.existsSync(name))
				pdfmake.virtualfs.writeFileSync(name, await load(file));
		}
		fonts[family] = { normal, bold: heavy, italics: normal, bolditalics: heavy };
	}
	pdfmake.setFonts(fonts);
	// Nothing is fetched and no file is read by pdfmake itself.
	pdfmake.setUrlAccessPolicy(() => false);
	pdfmake.setLocalAccessPolicy?.(() => false);
	pdfmake.setProgressCallback(onProgress);

	const wrap = (fn: PageFn | undefined) =>
		fn && ((...args: number[]) => applyFonts(fn(...args), chain, new Set(), rewrite));
	const primary = families[0]!;
	onProgress?.(0);
	const layoutStart = performance.now();
	const bytes = await pdfmake
		.createPdf({
			...definition,
			content,
			header: wrap(header),
			footer: wrap(footer),
			defaultStyle: { ...(definition.defaultStyle as object), font: primary }
		})
		.getBuffer();
	const layoutMs = performance.now() - layoutStart;
	pdfmake.setProgressCallback(undefined);
	return { bytes, missing: [...missing], fonts: [...used], layoutMs };
}

/**
 * A font is known to pdfmake by its PostScript name ("NotoSansSC-Regular"), not its file name:
 * SVG text asks pdfkit for the font by that name once per label, and pdfkit finds an open font
 * only under its PostScript name; under any other name it would parse the 10 MB file again for
 * every label (seconds per diagram).
 */
function postscriptName(file: FontFile): string {
	return file.replace(/\.ttf$/, '');
}

function collectFonts(node: unknown, into: Set<FontFamily>): void {
	if (Array.isArray(node)) for (const child of node) collectFonts(child, into);
	else if (node && typeof node === 'object') {
		const record = node as Record<string, unknown>;
		if (typeof record.font === 'string' && record.font in FONT_FAMILIES)
			into.add(record.font as FontFamily);
		for (const value of Object.values(record))
			if (value && typeof value === 'object') collectFonts(value, into);
	}
}

/** A font file could not be loaded (for the first font: the report cannot be made). */
export class FontUnavailableError extends Error {
	readonly file: FontFile;
	constructor(file: FontFile, cause: unknown) {
		super(`The font ${file} could not be loaded.`, { cause });
		this.file = file;
	}
}

const SVG_TEXT = /<text\b[^>]*>[\s\S]*?<\/text>/g;

/**
 * The labels of a drawn diagram get the same font chain as the report's text: a run of
 * characters the first font lacks goes into a `tspan` in the font that has them, and what no
 * font has is marked and reported. Labels are SVG text (XML-escaped, no markup of their own).
 */
function svgRuns(
	node: unknown,
	chain: FontFace[],
	missing: Set<string>,
	used: Set<FontFamily>
): unknown {
	if (Array.isArray(node)) return node.map((child) => svgRuns(child, chain, missing, used));
	if (!node || typeof node !== 'object') return node;
	const record = node as Record<string, unknown>;
	const primary = chain[0]!.name;
	if (typeof record.svg === 'string') {
		used.add(primary as FontFamily);
		const svg = record.svg.replace(SVG_TEXT, (block) =>
			block.replace(/>([^<]+)</g, (whole, label: string) => {
				const runs = splitRuns(label, chain, missing);
				if (runs.length === 1 && runs[0]!.font === primary) return `>${runs[0]!.text}<`;
				const parts = runs.map((r) => {
					if (r.font === primary) return r.text;
					used.add(r.font as FontFamily);
					return `<tspan font-family="${r.font}">${r.text}</tspan>`;
				});
				return `>${parts.join('')}<`;
			})
		);
		// Text with no font of the report's (Mermaid names system fonts) takes the first font.
		return { ...record, svg, font: primary };
	}
	const out: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(record))
		out[key] = value && typeof value === 'object' ? svgRuns(value, chain, missing, used) : value;
	return out;
}
