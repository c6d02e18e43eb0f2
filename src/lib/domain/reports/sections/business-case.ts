import {
	benefitValue,
	caseResults,
	headlineNpv,
	honestyChecks,
	type CaseContext,
	type Figures,
	type OptionResult,
	type Warning
} from '../../business-case/cash-flows.ts';
import { presentValue, type IrrResult } from '../../business-case/finance.ts';
import {
	COST_CATEGORIES,
	SCENARIOS,
	type BenefitLine,
	type BusinessCase,
	type CaseOption,
	type CostLine
} from '../../business-case/model.ts';
import { scenarioMultipliers } from '../../business-case/uncertainty.ts';
import type { EngagementContent } from '../../engagement/profile.ts';
import { segmentProfit } from '../../strategy/segments.ts';
import {
	COLORS,
	bullets,
	evenChunks,
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
	textWidth,
	type Column,
	type PdfNode
} from '../blocks.ts';
import type { ReportContext, ReportText } from '../context.ts';
import type { SectionRegistry } from '../sections.ts';

/**
 * The business case in a report: the settings, the options side by side against the baseline,
 * the charts, the honesty warnings and the scenarios (`businessCase`); then, option by option,
 * the yearly cash flows, the TCO by category and year, the lines and the workings
 * (`businessCaseDetail`). Every figure comes from the domain's own calculations, formatted as
 * the business-case page formats it, so the report and the page agree to the last digit.
 */

/** The engagement numbers the benefit drivers read, as the business-case page hands them. */
export function caseContextOf(content: EngagementContent): CaseContext {
	return {
		segments: content.segments,
		channels: content.channels.list,
		currency: content.profile.currency
	};
}

/** An option's name, or "Option n" when it has none (as the page names it). */
export function optionLabel(
	text: Pick<ReportText, 't'>,
	c: BusinessCase,
	optionId: string
): string {
	const i = c.options.findIndex((o) => o.id === optionId);
	return i < 0 ? '' : c.options[i]!.name.trim() || text.t('case.optionN', { n: i + 1 });
}

export interface PreferredOption {
	option: CaseOption;
	/** Why this one: the team marked it preferred, or it has the highest NPV. */
	reason: 'chosen' | 'highestNpv';
	/** Whether the figures are measured against a do-nothing baseline. */
	againstBaseline: boolean;
	/** The figures the page's table shows for it (against the baseline when there is one). */
	figures: Figures;
	npv: number;
	roi: number | null;
	payback: number | null;
	discountedPayback: number | null;
	irr: IrrResult;
	/** The option's own total cost of ownership over the horizon (undiscounted). */
	tco: number;
}

/**
 * The option a summary should quote: the one the team marked preferred on the business-case
 * page (if it is an option with lines, not the baseline); otherwise the option with the highest
 * NPV against the baseline (alone when there is none). Null when no option has figures.
 */
export function preferredOption(content: EngagementContent): PreferredOption | null {
	const c = content.businessCase;
	const results = caseResults(c, caseContextOf(content)).filter(
		(r) => !r.option.baseline && !r.empty
	);
	if (results.length === 0) return null;
	const chosen = results.find((r) => r.option.id === c.preferredOptionId);
	const npvOf = (r: OptionResult) => (r.incremental ?? r.figures).npv;
	const best = chosen ?? results.reduce((a, b) => (npvOf(b) > npvOf(a) ? b : a));
	const f = best.incremental ?? best.figures;
	return {
		option: best.option,
		reason: chosen ? 'chosen' : 'highestNpv',
		againstBaseline: best.incremental !== null,
		figures: f,
		npv: f.npv,
		roi: f.roi,
		payback: f.payback,
		discountedPayback: f.discountedPayback,
		irr: f.irr,
		tco: best.figures.tco
	};
}

/* ---------- formats (the page's: rounding only here, a dash for what cannot be computed) ---------- */

const finite = (v: number | null | undefined): v is number =>
	typeof v === 'number' && Number.isFinite(v);

export function caseMoney(ctx: ReportText, minor: number | null | undefined, currency: string) {
	return finite(minor) ? ctx.money(Math.round(minor), currency) : orDash(null);
}

export function casePercent(ctx: ReportText, rate: number | null | undefined) {
	return finite(rate)
		? ctx.number(rate, { style: 'percent', maximumFractionDigits: 1 })
		: orDash(null);
}

export function caseYears(ctx: ReportText, n: number | null | undefined) {
	return finite(n)
		? ctx.t('case.yearsValue', { n: ctx.number(n, { maximumFractionDigits: 1 }) })
		: orDash(null);
}

/** Payback in years, or "not within the horizon". */
export function casePayback(ctx: ReportText, n: number | null) {
	return n === null ? ctx.t('case.never') : caseYears(ctx, n);
}

/** IRR as a percentage, or what stops it from being one number (the page's long form). */
export function irrText(ctx: ReportText, r: IrrResult): string {
	switch (r.kind) {
		case 'one':
			return casePercent(ctx, r.rate);
		case 'none':
			return ctx.t('case.irrNone');
		case 'several':
			return ctx.t('case.irrSeveral', {
				rates: ctx.list(r.rates.map((x) => casePercent(ctx, x)))
			});
	}
}

/** IRR in a table cell: the rate, or the page's word for none or several. */
export function irrShort(ctx: ReportText, r: IrrResult): string {
	if (r.kind === 'one') return casePercent(ctx, r.rate);
	return r.kind === 'none' ? ctx.t('case.irrNoneShort') : ctx.t('case.irrSeveralShort');
}

/* ---------- layout helpers ---------- */

/** Font size of the wide tables. */
const SMALL = 7.5;
/** Font size of table headers (the `tableHeader` style). */
const HEADER = 8.5;
/** Horizontal padding pdfmake adds to a column's width (4 points each side). */
const CELL_PAD = 8;
/** Air beyond the estimated width of the widest amount. */
const AIR = 3;

const widest = (texts: readonly string[], size: number) =>
	Math.max(0, ...texts.map((s) => textWidth(s, size, true)));

/** A figure in a table cell: never wrapped, so a column is at least as wide as its widest figure. */
const fig = (text: string, extra: Record<string, unknown> = {}): PdfNode => ({
	text,
	noWrap: true,
	...extra
});
/** Secondary text inside a table cell (the `note` style is for paragraphs). */
const muted = (text: string): PdfNode => ({ text, color: COLORS.muted, fontSize: 7 });

/* ---------- what both sections read ---------- */

interface CaseView {
	c: BusinessCase;
	currency: string;
	context: CaseContext;
	results: OptionResult[];
	hasBaseline: boolean;
	name: (optionId: string) => string;
	money: (minor: number | null | undefined) => string;
}

function viewOf(ctx: ReportContext): CaseView | null {
	const c = ctx.content.businessCase;
	if (c.options.length === 0) return null;
	const context = caseContextOf(ctx.content);
	const currency = c.settings.currency;
	return {
		c,
		currency,
		context,
		results: caseResults(c, context),
		hasBaseline: c.options.some((o) => o.baseline),
		name: (id) => optionLabel(ctx, c, id),
		money: (minor) => caseMoney(ctx, minor, currency)
	};
}

/** A line's name: its label, else its category or driver (as the page names it). */
function lineName(ctx: ReportContext, c: BusinessCase, id: string): string {
	const cost = c.costs.find((l) => l.id === id);
	const benefit = c.benefits.find((l) => l.id === id);
	const label = (cost ?? benefit)?.label.trim();
	if (label) return label;
	if (cost) return ctx.t(`costCategory.${cost.category}`);
	if (benefit) return ctx.t(`benefitDriver.${benefit.driver}`);
	return '';
}

/** The honesty warning in the page's words. */
function warningText(ctx: ReportContext, v: CaseView, w: Warning): string {
	switch (w.kind) {
		case 'noBaseline':
			return ctx.t('case.warn.noBaseline');
		case 'noExitCost':
			return ctx.t('case.warn.noExitCost', { option: v.name(w.optionId) });
		case 'emptyOption':
			return ctx.t('case.warn.emptyOption', { option: v.name(w.optionId) });
		case 'differentCategories':
			return ctx.t('case.warn.differentCategories', {
				option: v.name(w.optionId),
				categories: ctx.list(w.missing.map((k) => ctx.t(`costCategory.${k}`)))
			});
		case 'differentSpans':
			return ctx.t('case.warn.differentSpans', {
				option: v.name(w.optionId),
				year: Math.max(0, w.lastYear),
				horizon: w.horizon
			});
		case 'benefitWithoutDriver':
			return ctx.t('case.warn.benefitWithoutDriver', { line: lineName(ctx, v.c, w.lineId) });
		case 'benefitUnresolved':
			return ctx.t('case.warn.benefitUnresolved', {
				line: lineName(ctx, v.c, w.lineId),
				problem: ctx.t(`case.benefit.problem.${w.problem}`)
			});
		case 'listPrice':
			return ctx.t('case.warn.listPrice', { line: lineName(ctx, v.c, w.lineId) });
		case 'beyondHorizon':
			return ctx.t('case.warn.beyondHorizon', { line: lineName(ctx, v.c, w.lineId) });
		case 'currencyMismatch':
			return ctx.t('case.warn.currencyMismatch', {
				currency: w.caseCurrency,
				engagement: w.engagementCurrency
			});
	}
}

/** Whether any line has a range other than "as entered" (else every scenario is the expected one). */
function hasRanges(c: BusinessCase): boolean {
	return [...c.costs, ...c.benefits].some((l) => l.range.low !== 1 || l.range.high !== 1);
}

/* ---------- businessCase: the overview ---------- */

function settingsFacts(ctx: ReportContext, v: CaseView): PdfNode {
	const s = v.c.settings;
	return facts([
		[
			ctx.t('report.businessCase.horizon'),
			ctx.t('report.businessCase.horizonValue', { n: s.horizon })
		],
		[ctx.t('case.discountRate'), casePercent(ctx, s.discountRate)],
		[ctx.t('report.businessCase.currency'), s.currency],
		[ctx.t('report.businessCase.yearZero'), ctx.t('report.businessCase.yearZeroValue')]
	]);
}

function preferredFigures(ctx: ReportContext, v: CaseView): PdfNode[] {
	const p = preferredOption(ctx.content);
	if (!p) return [];
	const name = v.name(p.option.id);
	return [
		para(
			p.reason === 'chosen'
				? ctx.t('report.businessCase.preferredChosen', { option: name })
				: ctx.t('report.businessCase.preferredByNpv', { option: name })
		),
		keyFigures(
			[
				{
					label: ctx.t('case.fig.npv'),
					value: v.money(p.npv),
					detail: p.againstBaseline ? ctx.t('report.businessCase.vsBaseline') : undefined
				},
				{ label: ctx.t('case.fig.irr'), value: irrShort(ctx, p.irr) },
				{ label: ctx.t('case.fig.roi'), value: casePercent(ctx, p.roi) },
				{ label: ctx.t('case.fig.payback'), value: casePayback(ctx, p.payback) }
			],
			ctx.options.branding.accent
		)
	];
}

function comparisonTable(ctx: ReportContext, v: CaseView): PdfNode[] {
	const dash = orDash(null);
	const rows = v.results.map((r) => {
		const f = r.incremental ?? r.figures;
		// The baseline's own ROI and payback mean nothing; an empty option has no figures yet.
		const shown = !r.option.baseline && !r.empty;
		const label = r.option.baseline
			? ctx.t('report.businessCase.baselineName', { option: v.name(r.option.id) })
			: v.name(r.option.id);
		return [
			label,
			fig(v.money(r.figures.tco)),
			r.empty ? dash : fig(v.money(f.npv)),
			shown ? irrShort(ctx, f.irr) : dash,
			shown ? casePercent(ctx, f.roi) : dash,
			shown ? casePercent(ctx, f.simpleRoi) : dash,
			shown ? casePayback(ctx, f.payback) : dash,
			shown ? casePayback(ctx, f.discountedPayback) : dash
		];
	});
	const columns: Column[] = [
		{ header: ctx.t('case.option.name'), width: '*' },
		...(
			[
				'case.fig.tco',
				'case.fig.npv',
				'case.fig.irr',
				'case.fig.roi',
				'case.fig.simpleRoi',
				'case.fig.payback',
				'case.fig.discountedPayback'
			] as const
		).map((k): Column => ({ header: ctx.t(k), width: 'auto', align: 'right' }))
	];
	// IRR "none" or "several": the page explains it with the workings; the report under the table.
	const irrNotes = v.results
		.filter((r) => !r.option.baseline && !r.empty)
		.map((r) => ({ r, irr: (r.incremental ?? r.figures).irr }))
		.filter(({ irr }) => irr.kind !== 'one')
		.map(({ r, irr }) =>
			ctx.t('report.businessCase.irrNote', { option: v.name(r.option.id), irr: irrText(ctx, irr) })
		);
	return [
		note(
			`${v.hasBaseline ? ctx.t('case.againstBaseline') : ctx.t('case.alone')} ${ctx.t(
				'case.settingsLine',
				{
					horizon: v.c.settings.horizon,
					rate: casePercent(ctx, v.c.settings.discountRate)
				}
			)}`
		),
		table(columns, rows, ctx.options.branding.accent, 8),
		...irrNotes.map(note),
		note(ctx.t('case.method'))
	];
}

/** The NPV of each option in each scenario: a small table, kept on one page with its heading. */
function scenarioTable(ctx: ReportContext, v: CaseView): PdfNode[] {
	const candidates = v.c.options.filter((o) => !o.baseline);
	if (candidates.length === 0 || !hasRanges(v.c)) return [];
	const npvs = SCENARIOS.map((s) => {
		const m = scenarioMultipliers(v.c, s);
		return new Map(candidates.map((o) => [o.id, headlineNpv(v.c, v.context, o.id, m)]));
	});
	const block: PdfNode[] = [
		h2(ctx.t('case.scenarios')),
		para(ctx.t('report.businessCase.scenarioMethod')),
		table(
			[
				{ header: ctx.t('case.option.name'), width: '*' },
				...SCENARIOS.map((s): Column => ({
					header: ctx.t(`scenario.${s}`),
					width: 'auto',
					align: 'right'
				}))
			],
			candidates.map((o) => [v.name(o.id), ...npvs.map((m) => fig(v.money(m.get(o.id))))]),
			ctx.options.branding.accent
		)
	];
	return [{ stack: block, unbreakable: true }];
}

/** The two charts, when there is something to draw (the planner asks for them on the same terms). */
function charts(ctx: ReportContext, v: CaseView): PdfNode[] {
	const pictures: PdfNode[] = [];
	const maxHeight = ctx.page.height * 0.4;
	if (v.results.some((r) => !r.empty))
		pictures.push(
			picture(ctx, 'businessCase.cumulative', ctx.t('case.chart.cumulative'), maxHeight)
		);
	if (v.results.some((r) => r.flows.costs.some((x) => x !== 0)))
		pictures.push(picture(ctx, 'businessCase.tco', ctx.t('case.chart.tco'), maxHeight));
	return pictures.length > 0 ? [h2(ctx.t('report.businessCase.charts')), ...pictures] : [];
}

function overview(ctx: ReportContext): PdfNode[] | null {
	const v = viewOf(ctx);
	if (!v) return null;
	const warnings = honestyChecks(v.c, v.context);
	const out: PdfNode[] = [
		h1(ctx.t('report.section.businessCase'), 'businessCase'),
		settingsFacts(ctx, v),
		...preferredFigures(ctx, v),
		h2(ctx.t('report.businessCase.comparison')),
		...comparisonTable(ctx, v),
		...charts(ctx, v)
	];
	if (warnings.length > 0)
		out.push(
			h2(ctx.t('report.businessCase.warnings')),
			bullets(warnings.map((w) => warningText(ctx, v, w)))
		);
	out.push(...scenarioTable(ctx, v));
	return out;
}

/* ---------- businessCaseDetail: option by option ---------- */

function yearlyTable(ctx: ReportContext, v: CaseView, r: OptionResult): PdfNode {
	const f = r.incremental ?? r.figures;
	const rate = v.c.settings.discountRate;
	const rows = r.basis.costs.map((cost, y) => {
		const net = r.basis.benefits[y]! - cost;
		return [
			String(y),
			fig(v.money(cost)),
			fig(v.money(r.basis.benefits[y])),
			fig(v.money(net)),
			ctx.number(presentValue(1, rate, y), { maximumFractionDigits: 4 }),
			fig(v.money(presentValue(net, rate, y))),
			fig(v.money(f.cumulative[y]))
		];
	});
	return table(
		[
			{ header: ctx.t('case.year'), width: 'auto' },
			{ header: ctx.t('case.row.costs'), align: 'right' },
			{ header: ctx.t('case.row.benefits'), align: 'right' },
			{ header: ctx.t('case.row.net'), align: 'right' },
			{ header: ctx.t('case.row.factor'), width: 'auto', align: 'right' },
			{ header: ctx.t('case.row.pv'), align: 'right' },
			{ header: ctx.t('case.row.cumulative'), align: 'right' }
		],
		rows,
		ctx.options.branding.accent,
		SMALL
	);
}

/**
 * The TCO of an option by category (rows) and year (columns), split into several tables when
 * the years do not fit across the page.
 */
function tcoTables(ctx: ReportContext, v: CaseView, r: OptionResult): PdfNode[] {
	const categories = COST_CATEGORIES.filter((k) => r.flows.costsByCategory[k].some((x) => x !== 0));
	const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
	const rows: Array<{ label: string; cells: string[]; total: boolean }> = [
		...categories.map((k) => {
			const row = r.flows.costsByCategory[k];
			return {
				label: ctx.t(`costCategory.${k}`),
				cells: [...row.map((x) => v.money(x)), v.money(sum(row))],
				total: false
			};
		}),
		{
			label: ctx.t('case.fig.tco'),
			cells: [...r.flows.costs.map((x) => v.money(x)), v.money(r.figures.tco)],
			total: true
		}
	];
	const headers = [...r.flows.costs.map((_, y) => String(y)), ctx.t('case.total')];
	const labelWidth = Math.min(100, ctx.page.width * 0.2);
	const cellWidth =
		Math.max(
			widest(
				rows.flatMap((x) => x.cells),
				SMALL
			),
			widest(headers, HEADER)
		) + AIR;
	const perTable = Math.floor((ctx.page.width - labelWidth - CELL_PAD) / (cellWidth + CELL_PAD));
	const indexes = evenChunks(
		headers.map((_, i) => i),
		perTable
	);
	return indexes.map((cols) =>
		table(
			[
				{ header: ctx.t('case.cost.category'), width: labelWidth },
				...cols.map((i): Column => ({ header: headers[i]!, width: cellWidth, align: 'right' }))
			],
			rows.map((row) => {
				const style = row.total ? { bold: true } : {};
				return [{ text: row.label, ...style }, ...cols.map((i) => fig(row.cells[i]!, style))];
			}),
			ctx.options.branding.accent,
			SMALL
		)
	);
}

function timingText(ctx: ReportContext, line: CostLine, horizon: number): string {
	if (!line.recurring) return ctx.t('report.businessCase.timingOnce', { year: line.startYear });
	const last = Math.min(line.endYear ?? horizon, horizon);
	return ctx.t('report.businessCase.timingYearly', { from: line.startYear, to: last });
}

function costAmount(ctx: ReportContext, v: CaseView, line: CostLine): string {
	if (line.entry === 'amount') return v.money(line.amount);
	// "800 × ¥3,600.00 = ¥2,880,000.00" may wrap, but only at its spaces.
	return ctx.t('report.businessCase.unitAmount', {
		quantity: ctx.number(line.quantity),
		price: v.money(line.unitPrice),
		amount: v.money(line.quantity * line.unitPrice)
	});
}

function costTable(ctx: ReportContext, v: CaseView, lines: readonly CostLine[]): PdfNode {
	const rows = lines.map((line) => [
		ctx.t(`costCategory.${line.category}`),
		line.label.trim() === '' ? orDash(null) : line.label,
		timingText(ctx, line, v.c.settings.horizon),
		costAmount(ctx, v, line),
		line.recurring
			? ctx.number(line.growth, {
					style: 'percent',
					maximumFractionDigits: 1,
					signDisplay: 'exceptZero'
				})
			: orDash(null),
		line.listPrice ? ctx.t('report.businessCase.yes') : ''
	]);
	return table(
		[
			{ header: ctx.t('case.cost.category'), width: 80 },
			{ header: ctx.t('case.cost.label'), width: '*' },
			{ header: ctx.t('case.cost.timing'), width: 62 },
			{ header: ctx.t('report.businessCase.amount'), width: 'auto', align: 'right' },
			{ header: ctx.t('case.cost.growth'), width: 40, align: 'right' },
			{ header: ctx.t('report.businessCase.listPrice'), width: 40, align: 'center' }
		],
		rows,
		ctx.options.branding.accent,
		8
	);
}

/** How a benefit line's full yearly value is computed, with its inputs. */
function benefitInputs(ctx: ReportContext, v: CaseView, line: BenefitLine): string {
	const segmentName = () => {
		const i = ctx.content.segments.findIndex((s) => s.id === line.segmentId);
		return i < 0
			? ''
			: ctx.content.segments[i]!.name.trim() || ctx.t('case.segmentN', { n: i + 1 });
	};
	const channelName = (id: string | null) => {
		const list = ctx.content.channels.list;
		const i = list.findIndex((ch) => ch.id === id);
		return i < 0 ? '' : list[i]!.name.trim() || ctx.t('case.channelN', { n: i + 1 });
	};
	const segment = v.context.segments.find((s) => s.id === line.segmentId);
	switch (line.driver) {
		case 'retention':
			return segment
				? ctx.t('report.businessCase.calc.retention', {
						segment: segmentName(),
						customers: ctx.number(segment.customers),
						rate: casePercent(ctx, line.rate),
						margin: v.money(segment.customers > 0 ? segmentProfit(segment) / segment.customers : 0)
					})
				: '';
		case 'crossSell':
			return segment
				? ctx.t('report.businessCase.calc.crossSell', {
						segment: segmentName(),
						customers: ctx.number(segment.customers),
						rate: casePercent(ctx, line.rate),
						margin: v.money(line.unitValue)
					})
				: '';
		case 'salesProductivity':
			return ctx.t('report.businessCase.calc.salesProductivity', {
				count: ctx.number(line.count),
				price: v.money(line.unitValue)
			});
		case 'salesCycle':
			return ctx.t('report.businessCase.calc.salesCycle', {
				count: ctx.number(line.count),
				price: v.money(line.unitValue)
			});
		case 'costToServe': {
			const from = v.context.channels.find((ch) => ch.id === line.fromChannelId);
			const to = v.context.channels.find((ch) => ch.id === line.toChannelId);
			return from && to
				? ctx.t('report.businessCase.calc.costToServe', {
						count: ctx.number(line.count),
						from: channelName(from.id),
						fromCost: v.money(from.costPerContact),
						to: channelName(to.id),
						toCost: v.money(to.costPerContact)
					})
				: '';
		}
		case 'other':
			return ctx.t('report.businessCase.calc.other');
	}
}

function rampText(ctx: ReportContext, ramp: readonly number[]): string {
	if (ramp.length === 0) return ctx.t('report.businessCase.rampFull');
	return ramp.map((s) => casePercent(ctx, s)).join(' → ');
}

function benefitTable(ctx: ReportContext, v: CaseView, lines: readonly BenefitLine[]): PdfNode {
	const rows = lines.map((line) => {
		const value = benefitValue(line, v.context);
		const what: PdfNode[] = [
			{ text: line.label.trim() === '' ? ctx.t(`benefitDriver.${line.driver}`) : line.label }
		];
		if (line.rationale.trim() !== '') what.push(muted(line.rationale));
		const inputs = benefitInputs(ctx, v, line);
		const computed: PdfNode[] = value.ok
			? [fig(v.money(value.value), { bold: true })]
			: [{ text: ctx.t(`case.benefit.problem.${value.problem}`), italics: true }];
		if (inputs !== '') computed.push(muted(inputs));
		return [
			ctx.t(`benefitDriver.${line.driver}`),
			{ stack: what },
			{ stack: computed },
			rampText(ctx, line.rampUp),
			casePercent(ctx, line.risk)
		];
	});
	return table(
		[
			{ header: ctx.t('case.benefit.driver'), width: 72 },
			{ header: ctx.t('case.benefit.label'), width: '*' },
			{ header: ctx.t('report.businessCase.fullValue'), width: '*' },
			{ header: ctx.t('report.businessCase.rampUp'), width: 62 },
			{ header: ctx.t('case.benefit.risk'), width: 58, align: 'right' }
		],
		rows,
		ctx.options.branding.accent,
		8
	);
}

function workings(ctx: ReportContext, v: CaseView, r: OptionResult): PdfNode {
	const f = r.incremental ?? r.figures;
	return bullets([
		ctx.t('case.formula.tco', { tco: v.money(r.figures.tco) }),
		ctx.t('case.formula.npv', { npv: v.money(f.npv) }),
		ctx.t('case.formula.roi', {
			pvb: v.money(f.pvBenefits),
			pvc: v.money(f.pvCosts),
			roi: casePercent(ctx, f.roi)
		}),
		ctx.t('case.formula.simpleRoi', {
			initial: v.money(r.basis.costs[0]),
			roi: casePercent(ctx, f.simpleRoi)
		}),
		ctx.t('case.formula.payback'),
		`${ctx.t('case.formula.irr')} ${ctx.t('case.irrIs', { irr: irrText(ctx, f.irr) })}`
	]);
}

function optionDetail(ctx: ReportContext, v: CaseView, r: OptionResult): PdfNode[] {
	const name = v.name(r.option.id);
	const title = r.option.baseline
		? ctx.t('report.businessCase.baselineName', { option: name })
		: name;
	const out: PdfNode[] = [h2(title)];
	if (r.option.description.trim() !== '') out.push(para(r.option.description));
	if (r.empty) {
		out.push(note(ctx.t('case.warn.emptyOption', { option: name })));
		return out;
	}
	const baseline = v.c.options.find((o) => o.baseline);
	out.push(
		h3(ctx.t('report.businessCase.yearly')),
		note(
			r.incremental && baseline
				? ctx.t('report.businessCase.yearlyIncremental', { baseline: v.name(baseline.id) })
				: ctx.t('report.businessCase.yearlyOwn')
		),
		yearlyTable(ctx, v, r),
		h3(ctx.t('case.tcoTable', { option: name })),
		...tcoTables(ctx, v, r)
	);
	const costs = v.c.costs.filter((l) => l.optionId === r.option.id);
	if (costs.length > 0) out.push(h3(ctx.t('case.costs')), costTable(ctx, v, costs));
	const benefits = v.c.benefits.filter((l) => l.optionId === r.option.id);
	if (benefits.length > 0) out.push(h3(ctx.t('case.benefits')), benefitTable(ctx, v, benefits));
	// The workings are short: kept on one page with their heading.
	out.push({
		stack: [h3(ctx.t('report.businessCase.workings')), workings(ctx, v, r)],
		unbreakable: true
	});
	return out;
}

function detail(ctx: ReportContext): PdfNode[] | null {
	const v = viewOf(ctx);
	if (!v) return null;
	return [
		h1(ctx.t('report.section.businessCaseDetail'), 'businessCaseDetail'),
		para(ctx.t('report.businessCase.detailIntro')),
		...v.results.flatMap((r) => optionDetail(ctx, v, r))
	];
}

export const businessCaseSections: SectionRegistry = {
	businessCase: overview,
	businessCaseDetail: detail
};
