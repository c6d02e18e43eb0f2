import type { ReportContext } from './context.ts';

/**
 * The building blocks of a report, as pdfmake content (plain data). Section builders compose
 * these so that every report shares one look: headings that feed the table of contents, key
 * figures, tables with a repeated header row, charts and diagrams scaled to the page.
 *
 * User text only ever goes into `text` values: pdfmake draws it as text, so nothing a user
 * types can change the document's structure.
 */

/** A pdfmake content node. */
export type PdfNode = string | PdfNode[] | { [key: string]: unknown };

export const COLORS = {
	text: '#1b2430',
	muted: '#5b6573',
	rule: '#c9d1db',
	zebra: '#f3f5f8'
} as const;

/** Section title: starts the section, numbered in the table of contents. */
export function h1(text: string, id: string): PdfNode {
	return { text, style: 'h1', tocItem: true, id, headlineLevel: 1 };
}

export function h2(text: string): PdfNode {
	return { text, style: 'h2', tocItem: true, tocMargin: [12, 0, 0, 0], headlineLevel: 2 };
}

/** A heading that does not appear in the table of contents. */
export function h3(text: string): PdfNode {
	return { text, style: 'h3', headlineLevel: 3 };
}

export function para(text: string, extra: Record<string, unknown> = {}): PdfNode {
	return { text, margin: [0, 0, 0, 6], ...extra };
}

export function note(text: string): PdfNode {
	return { text, style: 'note' };
}

/** Label and value pairs, two columns. */
export function facts(rows: Array<[string, string]>): PdfNode {
	const shown = rows.filter(([, v]) => v.trim() !== '');
	if (shown.length === 0) return [];
	return {
		layout: 'noBorders',
		margin: [0, 0, 0, 8],
		table: {
			widths: ['auto', '*'],
			body: shown.map(([k, v]) => [{ text: k, style: 'label' }, { text: v }])
		}
	};
}

export interface Figure {
	label: string;
	value: string;
	/** A line under the value: the unit, the comparison, the date. */
	detail?: string;
}

/** The headline numbers of a section, as tiles. */
export function keyFigures(items: Figure[], accent: string): PdfNode {
	if (items.length === 0) return [];
	const perRow = Math.min(4, items.length);
	const rows: PdfNode[][] = [];
	for (let i = 0; i < items.length; i += perRow) {
		const row: PdfNode[] = items.slice(i, i + perRow).map((f) => ({
			stack: [
				{ text: f.label, style: 'figureLabel' },
				{ text: f.value, style: 'figureValue', color: accent },
				...(f.detail ? [{ text: f.detail, style: 'figureDetail' }] : [])
			],
			margin: [6, 6, 6, 6]
		}));
		while (row.length < perRow) row.push('');
		rows.push(row);
	}
	return {
		margin: [0, 4, 0, 10],
		table: { widths: Array(perRow).fill('*'), body: rows, dontBreakRows: true },
		layout: {
			hLineWidth: () => 0,
			vLineWidth: (i: number) => (i === 0 || i === perRow ? 0 : 0),
			fillColor: (_row: number, _node: unknown, col: number) => (col >= 0 ? COLORS.zebra : null),
			paddingLeft: () => 2,
			paddingRight: () => 2,
			paddingTop: () => 2,
			paddingBottom: () => 2
		}
	};
}

export interface Column {
	header: string;
	/** pdfmake width: a number of points, 'auto' or '*'. */
	width?: number | 'auto' | '*';
	align?: 'left' | 'right' | 'center';
}

/**
 * A table whose header row repeats on every page it runs over; rows are kept whole. Cells are
 * strings or content nodes; numbers should come formatted.
 */
export function table(
	columns: Column[],
	rows: PdfNode[][],
	accent: string,
	fontSize?: number
): PdfNode {
	if (rows.length === 0) return [];
	const header = columns.map((c) => ({
		text: c.header,
		style: 'tableHeader',
		fillColor: accent,
		alignment: c.align ?? 'left'
	}));
	const body = rows.map((row) =>
		row.map((cell, i) => {
			const align = columns[i]?.align;
			if (!align || align === 'left') return cell;
			return typeof cell === 'string' || Array.isArray(cell)
				? { text: cell, alignment: align }
				: { alignment: align, ...cell };
		})
	);
	return {
		margin: [0, 2, 0, 10],
		...(fontSize ? { fontSize } : {}),
		table: {
			headerRows: 1,
			keepWithHeaderRows: 1,
			// Rows are kept whole unless one could be taller than a page: pdfmake drops a whole
			// table whose kept row does not fit.
			dontBreakRows: rows.every((row) => row.every((cell) => textLength(cell) < 400)),
			widths: columns.map((c) => c.width ?? '*'),
			body: [header, ...body]
		},
		layout: {
			hLineWidth: (i: number, node: { table: { body: unknown[] } }) =>
				i === 0 || i === node.table.body.length ? 0.8 : 0.4,
			vLineWidth: () => 0,
			hLineColor: () => COLORS.rule,
			fillColor: (row: number) => (row > 0 && row % 2 === 0 ? COLORS.zebra : null),
			paddingTop: () => 3,
			paddingBottom: () => 3
		}
	};
}

/** How many characters a content tree holds (to judge whether it fits on a page). */
export function textLength(node: unknown): number {
	if (typeof node === 'string') return node.length;
	if (Array.isArray(node)) return node.reduce<number>((sum, n) => sum + textLength(n), 0);
	if (node && typeof node === 'object')
		return Object.values(node as Record<string, unknown>).reduce<number>(
			(sum, v) => sum + (typeof v === 'object' || typeof v === 'string' ? textLength(v) : 0),
			0
		);
	return 0;
}

/**
 * A cautious estimate of a text's width in points, from the report font's glyphs (Noto Sans:
 * CJK and other wide characters 1 em, capitals up to 0.72, digits 0.57, the rest at most
 * 0.62; bold about 6 % wider), to fit labels and figures without wrapping.
 */
export function textWidth(text: string, size: number, bold = false): number {
	let em = 0;
	for (const ch of text) {
		const c = ch.codePointAt(0)!;
		em +=
			c >= 0x2e80
				? 1
				: c === 0x20
					? 0.28
					: c >= 0x30 && c <= 0x39
						? 0.57
						: /[ilj.,:;'|!()[\]]/.test(ch)
							? 0.3
							: c >= 0x41 && c <= 0x5a
								? 0.72
								: 0.62;
	}
	return em * size * (bold ? 1.06 : 1);
}

/** `text`, cut with an ellipsis to fit `width` points. */
export function fitText(text: string, width: number, size: number, bold = false): string {
	if (textWidth(text, size, bold) <= width) return text;
	const chars = [...text];
	let lo = 0;
	let hi = chars.length;
	while (lo < hi) {
		const mid = (lo + hi + 1) >> 1;
		if (textWidth(chars.slice(0, mid).join('').trimEnd() + '…', size, bold) <= width) lo = mid;
		else hi = mid - 1;
	}
	return lo === 0 ? '' : chars.slice(0, lo).join('').trimEnd() + '…';
}

/** Splits `items` into as few runs of at most `most` as it takes, of near-equal lengths. */
export function evenChunks<T>(items: readonly T[], most: number): T[][] {
	const parts = Math.max(1, Math.ceil(items.length / Math.max(1, most)));
	const size = Math.ceil(items.length / parts);
	const out: T[][] = [];
	for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
	return out;
}

export function bullets(items: string[]): PdfNode {
	const shown = items.filter((i) => i.trim() !== '');
	return shown.length ? { ul: shown, margin: [0, 0, 0, 8] } : [];
}

/**
 * A drawn diagram or chart, scaled to fit the page's width (and at most `maxHeight` of its
 * height), with its caption; a note when it could not be drawn.
 */
export function picture(
	ctx: ReportContext,
	key: string,
	caption: string,
	maxHeight = ctx.page.height * 0.6
): PdfNode {
	const asset = ctx.asset(key);
	if (!asset) return note(ctx.t('report.notDrawn', { name: caption }));
	const scale = Math.min(1, ctx.page.width / asset.width, maxHeight / asset.height);
	const width = Math.max(1, asset.width * scale);
	const height = Math.max(1, asset.height * scale);
	const node =
		asset.type === 'svg'
			? { svg: asset.svg, width, height }
			: { image: asset.dataUrl, width, height };
	return {
		unbreakable: true,
		margin: [0, 4, 0, 10],
		stack: [
			{ ...node, alignment: 'center' },
			{ text: caption, style: 'caption' }
		]
	};
}

/** The number that reads best: a dash for a value that is not there. */
export function orDash(value: string | null | undefined): string {
	return value === null || value === undefined || value.trim() === '' ? '–' : value;
}
