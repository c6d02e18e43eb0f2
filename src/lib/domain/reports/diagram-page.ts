import type { ReportAsset } from './model.ts';

/** PDF pages may be at most 200 inches a side (PDF 1.7, Annex C). */
const MAX_SIDE = 14_400;
const MARGIN = 36;
const TITLE = 28;

/**
 * One diagram alone as a PDF: a page the size of the drawing (plus margins and its title),
 * the drawing as vector graphics with its labels as text.
 */
export function diagramDocument(
	title: string,
	asset: Extract<ReportAsset, { type: 'svg' }>
): Record<string, unknown> & { content: unknown[] } {
	const scale = Math.min(
		1,
		(MAX_SIDE - 2 * MARGIN) / asset.width,
		(MAX_SIDE - 2 * MARGIN - TITLE) / asset.height
	);
	const width = Math.max(1, asset.width * scale);
	const height = Math.max(1, asset.height * scale);
	return {
		pageSize: {
			width: Math.max(width, 200) + 2 * MARGIN,
			height: height + 2 * MARGIN + TITLE
		},
		pageMargins: [MARGIN, MARGIN, MARGIN, MARGIN],
		info: {
			title,
			creator: 'CRM Strategy Workbench',
			producer: 'CRM Strategy Workbench (pdfmake)'
		},
		content: [
			{ text: title, fontSize: 12, bold: true, margin: [0, 0, 0, 10] },
			{ svg: asset.svg, width, height }
		],
		defaultStyle: { fontSize: 10 }
	};
}
