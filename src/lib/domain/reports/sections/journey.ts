import type { EngagementContent } from '../../engagement/profile.ts';
import { averageRating, mapSummary, touchpointGrid } from '../../journey/grid.ts';
import {
	journeyDiagram,
	pathOf,
	tooLarge,
	touchpointFlow,
	workflowFlow,
	type DiagramLabels,
	type MermaidSource
} from '../../journey/mermaid-text.ts';
import {
	NODE_KINDS,
	SIDES,
	ratingOf,
	type Rating,
	type Side,
	type Touchpoint,
	type WorkflowEdge,
	type WorkflowNode,
	RATING_KEYS
} from '../../journey/model.ts';
import {
	COLORS,
	facts,
	h1,
	h2,
	h3,
	keyFigures,
	note,
	orDash,
	para,
	picture,
	table,
	type PdfNode
} from '../blocks.ts';
import type { ReportContext, ReportText } from '../context.ts';
import type { SectionRegistry } from '../sections.ts';

/**
 * The touchpoint map and the workflow diagrams in a report: the executive report's
 * `touchpoints` and `workflows` sections and the poster's `touchpointGrid`. The diagrams are
 * the app's own (journey/mermaid-text.ts), listed by `journeyDiagrams` so that the asset
 * planner draws exactly the pictures these builders look up.
 */

type Text = Pick<ReportText, 't'>;

/** The words of each rating: a sign, a number and a word (the same keys as the map's badges). */

const ratingWords = (text: Text, r: Rating | null): string =>
	text.t(r === null ? 'rating.none' : RATING_KEYS[r]);

/** The labels the diagram builders need, in the report's language (as the app's pages use). */
export function reportDiagramLabels(text: Text): DiagramLabels {
	return {
		untitled: text.t('touch.untitled'),
		noChannel: text.t('touch.noChannel'),
		rating: (r) => text.t(RATING_KEYS[r]),
		notRated: text.t('rating.none'),
		momentOfTruth: text.t('touch.moment')
	};
}

/** A diagram the report prints, and whether it can be drawn at all. */
export interface JourneyDiagram {
	key: string;
	/** The diagram's title, also its caption. */
	caption: string;
	source: MermaidSource;
	/** Why it is not drawn: Mermaid's limits, or (journey diagram) no touchpoint rated. */
	blocked: 'tooLarge' | 'noRatings' | null;
	/** Journey diagram: touchpoints left out for lack of a rating. */
	skipped: number;
}

const sideTitle = (text: Text, side: Side) => text.t(`side.${side}`);

/** The touchpoint diagrams (for every segment, today and target), in the order printed. */
export function touchpointDiagrams(content: EngagementContent, text: Text): JourneyDiagram[] {
	const { journey } = content;
	const path = pathOf(journey, null);
	if (path.length === 0) return [];
	const labels = reportDiagramLabels(text);
	const params = (side: Side) => ({
		segment: text.t('touch.allSegments'),
		side: sideTitle(text, side)
	});
	const out: JourneyDiagram[] = [];
	for (const side of SIDES) {
		const caption = text.t('journey.diagramTitle', params(side));
		const source = journeyDiagram(journey, null, side, caption, labels);
		out.push({
			key: `journey.journey.${side}`,
			caption,
			source,
			skipped: source.skipped,
			blocked: source.skipped >= path.length ? 'noRatings' : tooLarge(source) ? 'tooLarge' : null
		});
	}
	for (const side of SIDES) {
		const caption = text.t('journey.flowTitle', params(side));
		const source = touchpointFlow(journey, content.channels.list, null, side, caption, labels);
		out.push({
			key: `journey.flow.${side}`,
			caption,
			source,
			skipped: 0,
			blocked: tooLarge(source) ? 'tooLarge' : null
		});
	}
	return out;
}

/** The workflow diagrams, one per side that has nodes. */
export function workflowDiagrams(content: EngagementContent, text: Text): JourneyDiagram[] {
	const { nodes, edges } = content.workflows;
	return SIDES.filter((side) => nodes.some((n) => n.side === side)).map((side) => {
		const caption = text.t('workflow.diagramTitle', { side: sideTitle(text, side) });
		const source = workflowFlow(nodes, edges, side, caption, text.t('report.journey.untitledNode'));
		return {
			key: `journey.workflows.${side}`,
			caption,
			source,
			skipped: 0,
			blocked: tooLarge(source) ? 'tooLarge' : null
		};
	});
}

/** Every diagram of the area that can be drawn (what the asset planner asks for). */
export function journeyDiagrams(content: EngagementContent, text: Text): JourneyDiagram[] {
	return [...touchpointDiagrams(content, text), ...workflowDiagrams(content, text)];
}

/** A diagram, or a note saying why it is not there. */
function diagram(ctx: ReportContext, d: JourneyDiagram): PdfNode {
	if (d.blocked === 'tooLarge') return note(ctx.t('report.journey.tooLarge', { name: d.caption }));
	if (d.blocked === 'noRatings')
		return note(ctx.t('report.journey.noRatings', { name: d.caption }));
	return picture(ctx, d.key, d.caption);
}

/* ---------- shared look-ups ---------- */

function lookups(ctx: ReportContext) {
	const channel = new Map(ctx.content.channels.list.map((c) => [c.id, c.name]));
	const segment = new Map(ctx.content.segments.map((s) => [s.id, s.name]));
	const channelName = (id: string | null) =>
		id === null || !channel.has(id)
			? ctx.t('touch.noChannel')
			: orBlank(channel.get(id)!, ctx.t('report.journey.untitledChannel'));
	/** The segments that meet a touchpoint, by name; every segment when none is named. */
	const segmentsOf = (t: Touchpoint): string => {
		if (t.segmentIds === null) return ctx.t('tp.everySegment');
		const names = t.segmentIds.flatMap((id) => {
			const name = segment.get(id)?.trim();
			return name ? [name] : [];
		});
		return names.length ? ctx.list(names) : '–';
	};
	return { channelName, segmentsOf };
}

const orBlank = (text: string, fallback: string) => (text.trim() === '' ? fallback : text);

/** Today's rating → the target's, in words and numbers. */
const change = (ctx: ReportContext, t: Touchpoint) =>
	ctx.t('report.journey.change', {
		today: ratingWords(ctx, ratingOf(t, 'today')),
		target: ratingWords(ctx, ratingOf(t, 'target'))
	});

/** A stage's average rating, signed, one decimal (as the map shows it), or a dash. */
const average = (ctx: ReportContext, v: number | null) =>
	v === null
		? orDash(null)
		: ctx.number(v, { maximumFractionDigits: 1, signDisplay: 'exceptZero' });

/**
 * A generous guess at the height of `text` set in a column `width` points wide: a character from
 * U+1100 on (Chinese) counts a full em, any other 0.6 em, and a line 1.45 em. Rows are kept whole
 * on a page only when every row is sure to fit one: pdfmake drops a whole table whose unbreakable
 * row is taller than a page.
 */
export function textHeight(text: string, width: number, fontSize: number): number {
	let lines = 0;
	for (const line of text.split('\n')) {
		let w = 0;
		for (const c of line) w += c.codePointAt(0)! >= 0x1100 ? fontSize : fontSize * 0.6;
		lines += Math.max(1, Math.ceil((w * 1.15) / Math.max(1, width)));
	}
	return lines * fontSize * 1.45;
}

/** Whether rows of these (estimated) heights may be kept whole: each well under a page. */
const rowsFit = (heights: number[], ctx: ReportContext) =>
	heights.every((h) => h < ctx.page.height * 0.6);

/* ---------- touchpoints (executive report) ---------- */

/** The map table's font size, and its fixed columns: channel, segments, owner, experience. */
const MAP_FONT = 7.5;
const MAP_WIDTHS = [62, 72, 60, 70] as const;
/** The fill of a stage's row in the map (the zebra rows are lighter). */
const STAGE_FILL = '#e1e6ed';

/** A table from `table()` whose rows may break across pages unless `keep`. */
function keepRows(keep: boolean, node: PdfNode): PdfNode {
	if (keep || typeof node !== 'object' || Array.isArray(node) || !node.table) return node;
	return { ...node, table: { ...(node.table as object), dontBreakRows: false } };
}

function touchpoints(ctx: ReportContext): PdfNode[] | null {
	const { journey } = ctx.content;
	const path = pathOf(journey, null);
	if (path.length === 0) return null;
	const accent = ctx.options.branding.accent;
	const { channelName, segmentsOf } = lookups(ctx);
	const summary = mapSummary(path);
	const stageTitle = (name: string) => orBlank(name, ctx.t('report.journey.untitledStage'));

	const stageRows: PdfNode[][] = journey.stages.map((stage, i) => {
		const here = path.filter((t) => t.stageId === stage.id);
		return [
			ctx.number(i + 1),
			{ text: stageTitle(stage.name) },
			ctx.number(here.length),
			ctx.number(here.filter((t) => t.momentOfTruth).length),
			average(ctx, averageRating(here, 'today')),
			average(ctx, averageRating(here, 'target'))
		];
	});

	// The map: a row per touchpoint under a row per stage (stage, then the touchpoints as listed).
	const [wChannel, wSegments, wOwner, wExperience] = MAP_WIDTHS;
	const free = Math.max(
		40,
		(ctx.page.width - MAP_WIDTHS.reduce((a, b) => a + b, 0) - 6 * 2 * 4) / 2
	);
	const mapRows: PdfNode[][] = [];
	const heights: number[] = [];
	journey.stages.forEach((stage, i) => {
		const here = path.filter((t) => t.stageId === stage.id);
		if (here.length === 0) return;
		mapRows.push([
			{
				text: ctx.t('report.journey.stageRow', {
					n: ctx.number(i + 1),
					name: stageTitle(stage.name)
				}),
				colSpan: 6,
				bold: true,
				fillColor: STAGE_FILL
			},
			{},
			{},
			{},
			{},
			{}
		]);
		for (const t of here) {
			const name = orBlank(t.name, ctx.t('touch.untitled'));
			const moment = `★ ${ctx.t('touch.moment')}`;
			mapRows.push([
				{ text: channelName(t.channelId) },
				{
					stack: [
						{ text: name, bold: true },
						...(t.momentOfTruth ? [{ text: moment, bold: true, color: accent }] : [])
					]
				},
				{ text: segmentsOf(t) },
				{ text: orDash(t.department) },
				change(ctx, t),
				{ text: orDash(t.pains) }
			]);
			heights.push(
				Math.max(
					textHeight(channelName(t.channelId), wChannel, MAP_FONT),
					textHeight(name, free, MAP_FONT) + (t.momentOfTruth ? MAP_FONT * 1.45 : 0),
					textHeight(segmentsOf(t), wSegments, MAP_FONT),
					textHeight(t.department, wOwner, MAP_FONT),
					textHeight(change(ctx, t), wExperience, MAP_FONT),
					textHeight(t.pains, free, MAP_FONT)
				)
			);
		}
	});

	const diagrams = touchpointDiagrams(ctx.content, ctx);
	const journeyPictures = diagrams.filter((d) => d.key.startsWith('journey.journey.'));
	const flowPictures = diagrams.filter((d) => d.key.startsWith('journey.flow.'));
	const skipped = journeyPictures
		.filter((d) => d.blocked === null && d.skipped > 0)
		.map((d) =>
			note(`${d.caption}: ${ctx.t('journey.skipped', { count: ctx.number(d.skipped) })}`)
		);

	return [
		h1(ctx.t('report.section.touchpoints'), 'touchpoints'),
		keyFigures(
			[
				{ label: ctx.t('report.journey.figure.stages'), value: ctx.number(journey.stages.length) },
				{ label: ctx.t('report.journey.figure.touchpoints'), value: ctx.number(summary.count) },
				{ label: ctx.t('report.journey.figure.moments'), value: ctx.number(summary.moments) },
				{ label: ctx.t('report.journey.figure.gaps'), value: ctx.number(summary.gaps) }
			],
			accent
		),
		h2(ctx.t('touch.stages')),
		para(ctx.t('report.journey.stagesIntro')),
		table(
			[
				{ header: ctx.t('report.journey.col.order'), width: 'auto', align: 'right' },
				{ header: ctx.t('report.journey.col.stage'), width: '*' },
				{ header: ctx.t('report.journey.col.touchpoints'), width: 'auto', align: 'right' },
				{ header: ctx.t('report.journey.col.moments'), width: 'auto', align: 'right' },
				{ header: ctx.t('report.journey.col.averageToday'), width: 'auto', align: 'right' },
				{ header: ctx.t('report.journey.col.averageTarget'), width: 'auto', align: 'right' }
			],
			stageRows,
			accent
		),
		h2(ctx.t('touch.title')),
		para(ctx.t('report.journey.mapIntro')),
		keepRows(
			rowsFit(heights, ctx),
			table(
				[
					{ header: ctx.t('touch.channel'), width: wChannel },
					{ header: ctx.t('report.journey.col.touchpoint'), width: '*' },
					{ header: ctx.t('report.journey.col.segments'), width: wSegments },
					{ header: ctx.t('report.journey.col.owner'), width: wOwner },
					{ header: ctx.t('report.journey.col.experience'), width: wExperience },
					{ header: ctx.t('tp.pains'), width: '*' }
				],
				mapRows,
				accent,
				MAP_FONT
			)
		),
		h2(ctx.t('journey.journeyHeading')),
		note(ctx.t('journey.scale')),
		...skipped,
		...journeyPictures.map((d) => diagram(ctx, d)),
		h2(ctx.t('journey.flowHeading')),
		note(ctx.t('touch.legend')),
		...flowPictures.map((d) => diagram(ctx, d))
	];
}

/* ---------- workflows (executive report) ---------- */

function workflows(ctx: ReportContext): PdfNode[] | null {
	const { nodes, edges } = ctx.content.workflows;
	const diagrams = workflowDiagrams(ctx.content, ctx);
	if (diagrams.length === 0) return null;
	const accent = ctx.options.branding.accent;
	const untitled = ctx.t('report.journey.untitledNode');
	const out: PdfNode[] = [
		h1(ctx.t('report.section.workflows'), 'workflows'),
		para(ctx.t('workflow.intro')),
		note(ctx.t('workflow.legend'))
	];
	for (const side of SIDES) {
		const d = diagrams.find((x) => x.key === `journey.workflows.${side}`);
		if (!d) continue;
		const mine: WorkflowNode[] = nodes.filter((n) => n.side === side);
		const label = new Map(mine.map((n) => [n.id, orBlank(n.label, untitled)]));
		const links: WorkflowEdge[] = edges.filter(
			(e) => e.side === side && label.has(e.from) && label.has(e.to)
		);
		out.push(h2(d.caption), diagram(ctx, d));
		out.push(h3(ctx.t('report.journey.nodesByKind')));
		out.push(
			facts(
				NODE_KINDS.map((kind): [string, string] => [
					ctx.t(`nodeKind.${kind}`),
					mine.filter((n) => n.kind === kind).length
						? ctx.list(mine.filter((n) => n.kind === kind).map((n) => label.get(n.id)!))
						: ''
				])
			)
		);
		if (links.length > 0) {
			out.push(h3(ctx.t('workflow.edges')));
			out.push(
				table(
					[
						{ header: ctx.t('workflow.col.from'), width: '*' },
						{ header: ctx.t('workflow.col.to'), width: '*' },
						{ header: ctx.t('workflow.col.label'), width: '*' },
						{ header: ctx.t('workflow.col.kind'), width: 60 }
					],
					links.map((e) => [
						{ text: label.get(e.from)! },
						{ text: label.get(e.to)! },
						{ text: orDash(e.label) },
						ctx.t(`edgeKind.${e.kind}`)
					]),
					accent,
					8.5
				)
			);
		}
	}
	return out;
}

/* ---------- touchpointGrid (the poster) ---------- */

/** pdfmake's cell padding on either side, and the width of the grid's rules, in points. */
const PAD = 4;
const RULE = 0.5;
/** The narrowest a stage column may get before the grid is split into bands of stages. */
const MIN_STAGE = 96;
const GRID_FONT = 7.2;

/** The width of `n` stage columns beside a channel column, filling `width` with padding and rules. */
function stageWidth(width: number, channel: number, n: number): number {
	const overhead = (n + 1) * 2 * PAD + (n + 2) * RULE;
	return Math.floor(((width - channel - overhead) / n) * 100) / 100;
}

/**
 * The grid's columns on a page `width` points wide: the channel column, how many stages go side
 * by side (the stages are split into bands of even size when they do not all fit) and the width
 * of a stage column in a full band.
 */
export function gridWidths(
	width: number,
	stages: number
): { channel: number; stage: number; perBand: number } {
	const channel = Math.round(Math.min(100, Math.max(64, width * 0.085)));
	let fit = Math.max(1, stages);
	while (fit > 1 && stageWidth(width, channel, fit) < MIN_STAGE) fit--;
	const perBand = Math.ceil(Math.max(1, stages) / Math.ceil(Math.max(1, stages) / fit));
	return { channel, perBand, stage: stageWidth(width, channel, perBand) };
}

function touchpointGridSection(ctx: ReportContext): PdfNode[] | null {
	const { journey, channels, profile } = ctx.content;
	const path = pathOf(journey, null);
	if (path.length === 0) return null;
	const accent = ctx.options.branding.accent;
	const { channelName: channelLabel, segmentsOf } = lookups(ctx);
	const rows = touchpointGrid(
		journey,
		channels.list.map((c) => c.id),
		null
	).filter((r) => r.cells.some((c) => c.length > 0));
	const summary = mapSummary(path);
	const client = profile.client.trim() || profile.name;

	const cell = (list: Touchpoint[]): PdfNode =>
		list.length === 0
			? ''
			: {
					stack: list.map((t, i) => ({
						margin: [0, i === 0 ? 0 : 3, 0, 0],
						stack: [
							{ text: orBlank(t.name, ctx.t('touch.untitled')), bold: true },
							...(t.momentOfTruth
								? [{ text: `★ ${ctx.t('touch.moment')}`, bold: true, color: accent }]
								: []),
							{ text: change(ctx, t) },
							{ text: segmentsOf(t), color: COLORS.muted }
						]
					}))
				};

	const cellHeight = (list: Touchpoint[], width: number) =>
		list.reduce(
			(h, t) =>
				h +
				8 +
				[
					orBlank(t.name, ctx.t('touch.untitled')),
					t.momentOfTruth ? ctx.t('touch.moment') : '',
					change(ctx, t),
					segmentsOf(t)
				]
					.filter((x) => x !== '')
					.reduce((a, x) => a + textHeight(x, width, GRID_FONT), 0),
			0
		);

	const { channel, perBand } = gridWidths(ctx.page.width, journey.stages.length);
	const bands: number[][] = [];
	for (let s = 0; s < journey.stages.length; s += perBand)
		bands.push(journey.stages.slice(s, s + perBand).map((_, k) => s + k));

	const grids = bands.flatMap((band): PdfNode[] => {
		const stage = stageWidth(ctx.page.width, channel, band.length);
		const header = [
			{ text: ctx.t('touch.channel'), style: 'tableHeader', fillColor: accent },
			...band.map((s) => ({
				text: orBlank(journey.stages[s]!.name, ctx.t('report.journey.untitledStage')),
				style: 'tableHeader',
				fillColor: accent
			}))
		];
		const shownRows = rows.filter((r) => band.some((s) => r.cells[s]!.length > 0));
		const fits = rowsFit(
			shownRows.map((r) =>
				Math.max(
					textHeight(channelLabel(r.channelId), channel, GRID_FONT),
					...band.map((s) => cellHeight(r.cells[s]!, stage))
				)
			),
			ctx
		);
		const body = shownRows.map((r) => [
			{ text: channelLabel(r.channelId), bold: true },
			...band.map((s) => cell(r.cells[s]!))
		]);
		const averages = [
			{ text: ctx.t('report.journey.stageAverage'), bold: true },
			...band.map((s) => {
				const here = path.filter((t) => t.stageId === journey.stages[s]!.id);
				return {
					text:
						here.length === 0
							? ctx.t('touch.noRatings')
							: ctx.t('touch.stageAverage', {
									today: average(ctx, averageRating(here, 'today')),
									target: average(ctx, averageRating(here, 'target'))
								})
				};
			})
		];
		const grid: PdfNode = {
			margin: [0, 2, 0, 6],
			fontSize: GRID_FONT,
			lineHeight: 1.08,
			table: {
				headerRows: 1,
				dontBreakRows: fits,
				widths: [channel, ...band.map(() => stage)],
				body: [header, ...body, averages]
			},
			layout: {
				hLineWidth: () => RULE,
				vLineWidth: () => RULE,
				hLineColor: () => COLORS.rule,
				vLineColor: () => COLORS.rule,
				fillColor: (row: number, node: { table: { body: unknown[] } }) =>
					row === node.table.body.length - 1 ? COLORS.zebra : null,
				paddingLeft: () => PAD,
				paddingRight: () => PAD,
				paddingTop: () => 2,
				paddingBottom: () => 2
			}
		};
		if (bands.length === 1) return [grid];
		return [
			h3(
				ctx.t('report.journey.band', {
					from: ctx.number(band[0]! + 1),
					to: ctx.number(band[band.length - 1]! + 1),
					total: ctx.number(journey.stages.length)
				})
			),
			grid
		];
	});

	return [
		h1(ctx.t('report.journey.posterTitle', { client }), 'touchpointGrid'),
		para(
			[
				profile.name.trim() === client ? '' : profile.name.trim(),
				ctx.day(ctx.options.date),
				ctx.t('touch.summary', {
					count: ctx.number(summary.count),
					moments: ctx.number(summary.moments),
					gaps: ctx.number(summary.gaps)
				})
			]
				.filter((s) => s !== '')
				.join(' · ')
		),
		note(ctx.t('report.journey.posterLegend')),
		...grids
	];
}

export const journeySections: SectionRegistry = {
	touchpoints,
	workflows,
	touchpointGrid: touchpointGridSection
};
