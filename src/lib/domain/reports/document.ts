import { COLORS, fitText, type PdfNode } from './blocks.ts';
import type { ReportContext, ReportText } from './context.ts';
import {
	PAPER_POINTS,
	chosenSections,
	type ReportInput,
	type ReportKind,
	type SectionId
} from './model.ts';
import type { SectionRegistry } from './sections.ts';

/**
 * Puts a report together as a pdfmake document definition: the cover, the table of contents,
 * the chosen sections that have something to say, running headers and a footer with the
 * confidentiality line and "page X of Y". Pure: the caller lays it out with pdfmake.
 */

export const MARGINS = { side: 48, top: 56, bottom: 52 } as const;
/** Font size of the running header and footer. */
const RUNNING = 7.5;

export interface BuiltReport {
	definition: Record<string, unknown> & { content: PdfNode[] };
	/** The sections printed, in order (those asked for whose area had data). */
	sections: SectionId[];
}

const TITLE_KEYS: Record<ReportKind, string> = {
	executive: 'report.kind.executive',
	assessment: 'report.kind.assessment',
	businessCase: 'report.kind.businessCase',
	projectPlan: 'report.kind.projectPlan',
	touchpointPoster: 'report.kind.touchpointPoster'
};

export function reportTitle(kind: ReportKind, text: Pick<ReportText, 't'>): string {
	return text.t(TITLE_KEYS[kind]);
}

export function pageArea(input: ReportInput): {
	width: number;
	height: number;
	pageWidth: number;
	pageHeight: number;
} {
	const paper = PAPER_POINTS[input.options.paper];
	const landscape = input.options.orientation === 'landscape';
	const pageWidth = landscape ? paper.height : paper.width;
	const pageHeight = landscape ? paper.width : paper.height;
	return {
		pageWidth,
		pageHeight,
		width: pageWidth - 2 * MARGINS.side,
		height: pageHeight - MARGINS.top - MARGINS.bottom
	};
}

export function buildReport(
	input: ReportInput,
	text: ReportText,
	sections: SectionRegistry
): BuiltReport {
	const { options, content } = input;
	const area = pageArea(input);
	const ctx: ReportContext = {
		...text,
		lang: options.lang,
		content,
		options,
		asset: (key) => input.assets[key],
		page: { width: area.width, height: area.height },
		localized: (value) =>
			typeof value === 'string' ? value : (value[options.lang] ?? value.en ?? '')
	};
	const accent = options.branding.accent;
	const title = reportTitle(options.kind, text);
	const poster = options.kind === 'touchpointPoster';

	const printed: SectionId[] = [];
	const body: PdfNode[] = [];
	for (const id of chosenSections(options.kind, options.sections)) {
		const builder = sections[id];
		const nodes = builder?.(ctx);
		if (!nodes || nodes.length === 0) continue;
		// Every section starts on a new page (the poster's first is the first page).
		if (printed.length > 0 || !poster) body.push({ text: '', pageBreak: 'before' });
		printed.push(id);
		body.push(...nodes);
	}
	if (printed.length === 0) body.push({ text: text.t('report.empty'), style: 'note' });

	const client = content.profile.client || content.profile.name;
	const cover = poster ? [] : coverPage(input, ctx, title, area.height);
	const toc: PdfNode[] =
		poster || printed.length < 2
			? []
			: [
					{
						pageBreak: 'before',
						toc: {
							title: { text: text.t('report.contents'), style: 'h1' },
							numberStyle: { bold: false }
						}
					}
				];

	const company = options.branding.company.trim();
	// Running lines stay within the page margins: the header's two halves on one line each,
	// the footer's confidentiality line on two at most (in full on the cover).
	const half = area.width / 2 - 8;
	const running = fitText([company, client].filter((s) => s !== '').join(' · '), half, RUNNING);
	const runningTitle = fitText(title, half, RUNNING);
	const pageOf = (page: number, pages: number) => text.t('report.pageOf', { page, pages });
	const confidentiality = fitText(
		options.confidentiality.trim(),
		2 * 0.9 * (area.width - 90),
		RUNNING
	);

	return {
		sections: printed,
		definition: {
			pageSize: options.paper,
			pageOrientation: options.orientation,
			pageMargins: [MARGINS.side, MARGINS.top, MARGINS.side, MARGINS.bottom],
			info: {
				title: `${title} · ${client}`,
				author: options.branding.consultant || content.profile.consultant || company,
				subject: content.profile.name,
				creator: 'CRM Strategy Workbench',
				producer: 'CRM Strategy Workbench (pdfmake)'
			},
			header: (page: number) =>
				page === 1 && !poster
					? null
					: {
							margin: [MARGINS.side, 24, MARGINS.side, 0],
							columns: [
								{ text: running, style: 'running' },
								{ text: runningTitle, style: 'running', alignment: 'right' }
							]
						},
			footer: (page: number, pages: number) => ({
				margin: [MARGINS.side, 16, MARGINS.side, 0],
				columns: [
					{ text: confidentiality, style: 'running', width: '*' },
					{ text: pageOf(page, pages), style: 'running', alignment: 'right', width: 'auto' }
				]
			}),
			content: [...cover, ...toc, ...body],
			// A heading never ends a page: with nothing of its own below it, it moves to the next.
			pageBreakBefore: (
				node: { headlineLevel?: number; startPosition?: { verticalRatio?: number } },
				nodes: { getFollowingNodesOnPage: () => unknown[] }
			) =>
				node.headlineLevel !== undefined &&
				(node.startPosition?.verticalRatio ?? 0) > 0.1 &&
				nodes.getFollowingNodesOnPage().length === 0,
			styles: styles(accent),
			defaultStyle: { fontSize: 9.5, lineHeight: 1.25, color: COLORS.text }
		}
	};
}

function coverPage(
	input: ReportInput,
	ctx: ReportContext,
	title: string,
	height: number
): PdfNode[] {
	const { options, content } = input;
	const { profile } = content;
	const logo = options.branding.logo;
	const consultant = options.branding.consultant.trim() || profile.consultant.trim();
	const all: Array<[string, string]> = [
		[ctx.t('report.cover.client'), profile.client],
		[ctx.t('report.cover.programme'), profile.name],
		[ctx.t('report.cover.sponsor'), profile.sponsor],
		[ctx.t('report.cover.consultant'), consultant],
		[ctx.t('report.cover.company'), options.branding.company],
		[ctx.t('report.cover.date'), ctx.day(options.date)]
	];
	const rows = all.filter(([, v]) => v.trim() !== '');
	const logoNode: PdfNode[] = logo
		? [
				{
					image: logo.dataUrl,
					fit: [160, 60],
					margin: [0, 0, 0, 24]
				}
			]
		: [];
	return [
		{
			stack: [
				...logoNode,
				{
					canvas: [{ type: 'rect', x: 0, y: 0, w: 60, h: 4, color: options.branding.accent }],
					margin: [0, height * 0.18, 0, 12]
				},
				{ text: title, style: 'coverTitle' },
				{
					text: profile.client || profile.name,
					style: 'coverClient',
					color: options.branding.accent
				},
				{
					layout: 'noBorders',
					margin: [0, 36, 0, 0],
					table: {
						widths: ['auto', '*'],
						body: rows.map(([k, v]) => [{ text: k, style: 'label' }, { text: v }])
					}
				},
				...(options.confidentiality.trim()
					? [
							{
								text: options.confidentiality.trim(),
								style: 'confidential',
								margin: [0, 48, 0, 0]
							}
						]
					: [])
			]
		}
	];
}

function styles(accent: string): Record<string, Record<string, unknown>> {
	return {
		coverTitle: { fontSize: 26, bold: true, lineHeight: 1.15 },
		coverClient: { fontSize: 16, margin: [0, 8, 0, 0] },
		confidential: { fontSize: 9, bold: true, color: COLORS.muted },
		h1: { fontSize: 17, bold: true, color: accent, margin: [0, 0, 0, 10] },
		h2: { fontSize: 12.5, bold: true, margin: [0, 10, 0, 6] },
		h3: { fontSize: 10.5, bold: true, margin: [0, 8, 0, 4] },
		note: { fontSize: 8.5, color: COLORS.muted, margin: [0, 0, 0, 6] },
		caption: { fontSize: 8, color: COLORS.muted, alignment: 'center', margin: [0, 3, 0, 0] },
		label: { color: COLORS.muted },
		tableHeader: { bold: true, color: '#ffffff', fontSize: 8.5 },
		figureLabel: { fontSize: 8, color: COLORS.muted },
		figureValue: { fontSize: 15, bold: true, margin: [0, 2, 0, 0] },
		figureDetail: { fontSize: 7.5, color: COLORS.muted },
		running: { fontSize: RUNNING, color: COLORS.muted }
	};
}
