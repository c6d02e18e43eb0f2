import type { EngagementContent } from '../../engagement/profile.ts';
import {
	HARD_S,
	PORTER_CONDITIONS,
	SEVEN_S,
	SUPPORTS,
	priority,
	summariseRatings,
	supportProgress,
	type Rating
} from '../../strategy/change-plan.ts';
import {
	assignmentKey,
	matrixKey,
	preferredChannels,
	weightedContactCost,
	type Preference
} from '../../strategy/channels.ts';
import { strategyCompleteness } from '../../strategy/customer-strategy.ts';
import type { Channel, Segment, VpItem } from '../../strategy/model.ts';
import {
	DEFAULT_DISCOUNT_RATE,
	paretoCurve,
	paretoHeadline,
	segmentMetrics,
	type Tier
} from '../../strategy/segments.ts';
import { CUSTOMER_KINDS, valueFit, type VpKind } from '../../strategy/value-proposition.ts';
import {
	COLORS,
	h1,
	h2,
	h3,
	keyFigures,
	note,
	para,
	picture,
	table,
	textLength,
	evenChunks,
	type Column,
	type PdfNode
} from '../blocks.ts';
import type { ReportContext } from '../context.ts';
import type { SectionRegistry } from '../sections.ts';

/**
 * The strategy studio in the executive report: value proposition, segments, customer strategy,
 * channels and the change plan (with 7-S and Porter). Every number comes from the domain's own
 * functions, so that it equals what the studio's pages show.
 */

/** The asset keys of the segment charts (drawn by the features layer's planner). */
export const SEGMENT_CHARTS = {
	pareto: 'segments.pareto',
	portfolio: 'segments.portfolio'
} as const;

/** Which segment charts the report shows: the Pareto curve needs a segment with customers. */
export function segmentChartKeys(segments: readonly Segment[]): string[] {
	if (segments.length === 0) return [];
	return [
		...(paretoCurve(segments).length > 0 ? [SEGMENT_CHARTS.pareto] : []),
		SEGMENT_CHARTS.portfolio
	];
}

type Translate = ReportContext['t'];

/** A segment's name, as the studio's pages show it (with its position when it has none). */
export function segmentName(t: Translate, s: Pick<Segment, 'name'>, index: number): string {
	return s.name.trim() || t('segments.unnamed', { n: index + 1 });
}

const channelName = (t: Translate, c: Channel, index: number) =>
	c.name.trim() || t('channels.unnamed', { n: index + 1 });
const itemText = (t: Translate, item: VpItem | undefined) => item?.text.trim() || t('vp.untitled');
const blank = (s: string) => s.trim() === '';
/** A share as the pages show it: up to one decimal. */
const pct = (ctx: ReportContext, x: number) =>
	ctx.number(x, { style: 'percent', maximumFractionDigits: 1 });
const DASH = '—';
const small = (text: string): PdfNode => ({ text, fontSize: 7.5, color: COLORS.muted });

/** Label and value rows with a fixed label column (so that successive blocks line up). */
function details(rows: Array<[string, PdfNode]>, below = 8): PdfNode {
	const shown = rows.filter(([, v]) => !(typeof v === 'string' && blank(v)));
	if (shown.length === 0) return [];
	return {
		layout: 'noBorders',
		margin: [0, 0, 0, below],
		table: {
			widths: [130, '*'],
			body: shown.map(([k, v]) => [
				{ text: k, style: 'label' },
				typeof v === 'string' ? { text: v } : v
			])
		}
	};
}

/** A ranked (numbered) list of texts; nothing when empty. */
function ranked(items: string[]): PdfNode {
	return items.length ? { ol: items.map((text) => ({ text })), margin: [0, 0, 0, 4] } : [];
}

/**
 * A heading with what follows it, kept on one page when short (so that the heading never ends a
 * page on its own); a long block flows as usual.
 */
function block(nodes: PdfNode[], most = 1200): PdfNode[] {
	return textLength(nodes) <= most ? [{ stack: nodes, unbreakable: true }] : nodes;
}

const isEmpty = (node: PdfNode) => Array.isArray(node) && node.length === 0;
const headingLevel = (node: PdfNode) =>
	typeof node === 'object' && !Array.isArray(node)
		? (node.headlineLevel as number | undefined)
		: undefined;

/**
 * Keeps each h2 and h3 on the page of what follows it, when that is short enough to move with it
 * (a heading must not end a page on its own). The h1 stays first and apart.
 */
function keepHeadings(nodes: PdfNode[]): PdfNode[] {
	const out: PdfNode[] = [];
	const shown = nodes.filter((n) => !isEmpty(n));
	for (let i = shown.length - 1; i >= 0; i--) {
		const node = shown[i]!;
		const next = out[0];
		const level = headingLevel(node);
		if (next !== undefined && level !== undefined && level > 1) {
			const rest =
				typeof next === 'object' &&
				!Array.isArray(next) &&
				next.unbreakable &&
				Array.isArray(next.stack)
					? (next.stack as PdfNode[])
					: [next];
			const merged = block([node, ...rest]);
			if (merged.length === 1) {
				out[0] = merged[0]!;
				continue;
			}
		}
		out.unshift(node);
	}
	return out;
}

/* ---------- Value proposition ---------- */

const valueProposition = (ctx: ReportContext): PdfNode[] | null => {
	const { t, content } = ctx;
	const vp = content.valueProposition;
	const segments = content.segments;
	const segmentIds = new Set(segments.map((s) => s.id));
	const written = vp.items.filter((i) => !blank(i.text));
	// Jobs, pains and gains belong to a segment; the page shows only those of existing segments.
	const customerItems = written.filter(
		(i) =>
			(CUSTOMER_KINDS as readonly string[]).includes(i.kind) &&
			i.segmentId !== null &&
			segmentIds.has(i.segmentId)
	);
	const companyItems = written.filter(
		(i) => !(CUSTOMER_KINDS as readonly string[]).includes(i.kind)
	);
	if (
		vp.positioning === null &&
		blank(vp.positioningRationale) &&
		blank(vp.brandPromise) &&
		customerItems.length === 0 &&
		companyItems.length === 0
	)
		return null;

	const byId = new Map(vp.items.map((i) => [i.id, i]));
	const out: PdfNode[] = [h1(t('report.section.valueProposition'), 'valueProposition')];

	// Positioning.
	if (vp.positioning !== null || !blank(vp.positioningRationale) || !blank(vp.brandPromise)) {
		out.push(h2(t('vp.positioning')));
		out.push(
			details([
				[
					t('vp.genericStrategy'),
					vp.positioning === null
						? ''
						: {
								text: [
									{ text: t(`positioning.${vp.positioning}`), bold: true },
									'\n',
									small(t(`positioning.${vp.positioning}.hint`))
								]
							}
				],
				[t('vp.rationale'), vp.positioningRationale],
				[t('vp.brandPromise'), vp.brandPromise]
			])
		);
	}

	// What customers value, per segment: jobs, pains and gains side by side, in ranked order.
	const ofKind = (kind: VpKind, segmentId: string) =>
		customerItems.filter((i) => i.kind === kind && i.segmentId === segmentId).map((i) => i.text);
	const profiles = segments.flatMap((s, i) => {
		const lists = CUSTOMER_KINDS.map((kind) => ofKind(kind, s.id));
		if (lists.every((l) => l.length === 0)) return [];
		return block([
			h3(segmentName(t, s, i)),
			table(
				[{ header: t('vp.jobs') }, { header: t('vp.pains') }, { header: t('vp.gains') }],
				[lists.map((l) => (l.length ? ranked(l) : DASH))],
				ctx.options.branding.accent,
				8.5
			)
		]);
	});
	if (profiles.length) out.push(h2(t('vp.customerProfile')), ...profiles);

	// What the company offers; relievers and creators with what they address.
	if (companyItems.length) {
		out.push(h2(t('vp.valueMap')));
		const lists: Array<{ kind: VpKind; title: string }> = [
			{ kind: 'offering', title: t('vp.offerings') },
			{ kind: 'reliever', title: t('vp.relievers') },
			{ kind: 'creator', title: t('vp.creators') },
			{ kind: 'proof', title: t('vp.proofs') }
		];
		for (const list of lists) {
			const items = companyItems.filter((i) => i.kind === list.kind);
			if (items.length === 0) continue;
			out.push(h3(list.title));
			out.push({
				ol: items.map((item) => {
					if (item.kind !== 'reliever' && item.kind !== 'creator') return { text: item.text };
					const target = item.kind === 'reliever' ? 'pain' : 'gain';
					const linked = item.addresses
						.map((id) => byId.get(id))
						.filter((x): x is VpItem => x !== undefined && x.kind === target)
						.map((x) => itemText(t, x));
					const status = linked.length
						? t(item.kind === 'reliever' ? 'vp.relievesList' : 'vp.createsList', {
								items: ctx.list(linked)
							})
						: t(item.kind === 'reliever' ? 'vp.relievesNothing' : 'vp.createsNothing');
					return { text: [item.text, '\n', small(status)] };
				}),
				margin: [0, 0, 0, 6]
			});
		}
	}

	// The fit: pains no reliever relieves, gains no creator creates.
	const fitRows = segments.flatMap((s, i) => {
		const fit = valueFit(vp.items, s.id);
		if (fit.pains + fit.gains === 0) return [];
		const gaps = (ids: string[]): PdfNode =>
			ids.length
				? { ul: ids.map((id) => ({ text: itemText(t, byId.get(id)) })) }
				: t('report.strategy.none');
		return [
			[
				segmentName(t, s, i),
				t('report.strategy.vp.coverage', {
					covered: pct(ctx, fit.coverage),
					pains: ctx.number(fit.pains),
					gains: ctx.number(fit.gains)
				}),
				gaps(fit.unrelievedPains),
				gaps(fit.uncreatedGains)
			] as PdfNode[]
		];
	});
	if (fitRows.length) {
		out.push(h2(t('report.strategy.vp.fitTitle')));
		out.push(
			table(
				[
					{ header: t('segments.col.name'), width: 90 },
					{ header: t('report.strategy.vp.col.addressed'), width: 70 },
					{ header: t('report.strategy.vp.col.unrelieved') },
					{ header: t('report.strategy.vp.col.uncreated') }
				],
				fitRows,
				ctx.options.branding.accent,
				8.5
			)
		);
	}
	return keepHeadings(out);
};

/* ---------- Segments ---------- */

const segments = (ctx: ReportContext): PdfNode[] | null => {
	const { t, content } = ctx;
	const list = content.segments;
	if (list.length === 0) return null;
	const currency = content.profile.currency;
	const accent = ctx.options.branding.accent;
	const metrics = segmentMetrics(list);
	const compact = (minor: number) => ctx.moneyCompact(Math.round(minor), currency);
	const totals = {
		customers: list.reduce((sum, s) => sum + s.customers, 0),
		revenue: list.reduce((sum, s) => sum + s.revenue, 0),
		profit: metrics.reduce((sum, m) => sum + m.profit, 0)
	};
	const tierOf = (s: Segment, i: number): Tier => s.tierOverride ?? metrics[i]!.suggestedTier;

	const out: PdfNode[] = [
		h1(t('report.section.segments'), 'segments'),
		keyFigures(
			[
				{ label: t('nav.segments'), value: ctx.number(list.length) },
				{ label: t('segments.col.customers'), value: ctx.number(totals.customers) },
				{ label: t('segments.col.revenue'), value: compact(totals.revenue) },
				{ label: t('segments.profit'), value: compact(totals.profit) }
			],
			accent
		)
	];

	// The segments' own numbers.
	out.push(h2(t('report.strategy.segments.figures')));
	out.push(
		table(
			[
				{ header: t('segments.col.name') },
				{ header: t('segments.col.customers'), width: 52, align: 'right' },
				{ header: t('segments.col.revenue'), width: 52, align: 'right' },
				{ header: t('segments.field.grossMargin'), width: 42, align: 'right' },
				{ header: t('segments.field.retention'), width: 46, align: 'right' },
				{ header: t('segments.field.growth'), width: 42, align: 'right' },
				{ header: t('segments.field.acquisitionCost'), width: 54, align: 'right' },
				{ header: t('segments.field.costToServe'), width: 54, align: 'right' }
			],
			[
				...list.map((s, i) => [
					segmentName(t, s, i),
					ctx.number(s.customers),
					compact(s.revenue),
					pct(ctx, s.grossMargin),
					pct(ctx, s.retention),
					pct(ctx, s.growth),
					compact(s.acquisitionCost),
					compact(s.costToServe)
				]),
				[
					{ text: t('segments.total'), bold: true },
					{ text: ctx.number(totals.customers), bold: true },
					{ text: compact(totals.revenue), bold: true },
					'',
					'',
					'',
					'',
					''
				]
			],
			accent,
			8
		)
	);

	// What the numbers give: shares, value, tier.
	out.push(h2(t('segments.economics')));
	out.push(
		table(
			[
				{ header: t('segments.col.name') },
				{ header: t('segments.col.revenueShare'), width: 48, align: 'right' },
				{ header: t('segments.col.profitShare'), width: 48, align: 'right' },
				{ header: t('segments.profit'), width: 58, align: 'right' },
				{ header: t('segments.marginPerCustomer'), width: 58, align: 'right' },
				{ header: t('segments.col.lifetimeValue'), width: 56, align: 'right' },
				{ header: t('segments.col.tier'), width: 84 }
			],
			list.map((s, i) => {
				const m = metrics[i]!;
				return [
					segmentName(t, s, i),
					pct(ctx, m.revenueShare),
					pct(ctx, m.profitShare),
					compact(m.profit),
					compact(m.marginPerCustomer),
					m.lifetimeValue === null ? DASH : compact(m.lifetimeValue),
					{
						text: [
							t(`tier.${tierOf(s, i)}`),
							'\n',
							small(
								s.tierOverride ? t('report.strategy.segments.tierSet') : t('segments.tierSuggested')
							)
						]
					}
				];
			}),
			accent,
			8
		)
	);
	out.push(note(t('segments.formula', { rate: pct(ctx, DEFAULT_DISCOUNT_RATE) })));

	const overruled = list.flatMap((s, i) => {
		if (s.tierOverride === null || s.tierOverride === metrics[i]!.suggestedTier) return [];
		const params = {
			segment: segmentName(t, s, i),
			tier: t(`tier.${s.tierOverride}`),
			suggested: t(`tier.${metrics[i]!.suggestedTier}`)
		};
		return [
			blank(s.tierOverrideReason)
				? t('report.strategy.segments.overruleNoReason', params)
				: t('report.strategy.segments.overrule', { ...params, reason: s.tierOverrideReason.trim() })
		];
	});
	if (overruled.length) {
		out.push(
			...block([
				h3(t('report.strategy.segments.overrules')),
				{ ul: overruled.map((text) => ({ text })), margin: [0, 0, 0, 8] }
			])
		);
	}

	// The charts, as the segments page draws them.
	const charts = segmentChartKeys(list);
	if (charts.length) {
		out.push(h2(t('segments.chart.title')));
		if (charts.includes(SEGMENT_CHARTS.pareto)) {
			const headline = paretoHeadline(paretoCurve(list));
			const reading = headline
				? t('segments.chart.headline', {
						customers: pct(ctx, headline.customers),
						profit: pct(ctx, headline.profit)
					})
				: t('segments.chart.noProfit');
			out.push(
				picture(
					ctx,
					SEGMENT_CHARTS.pareto,
					`${t('segments.chart.pareto')} ${reading}`,
					ctx.page.height * 0.4
				)
			);
		}
		out.push(
			picture(
				ctx,
				SEGMENT_CHARTS.portfolio,
				`${t('segments.chart.portfolio')} ${t('segments.chart.portfolioHint')}`,
				ctx.page.height * 0.4
			)
		);
	}

	// Each segment: its description and its needs, push or pull.
	const profiles = list.flatMap((s, i) => {
		const needs = s.needs.filter((n) => !blank(n.text));
		if (blank(s.description) && needs.length === 0) return [];
		return block([
			h3(segmentName(t, s, i)),
			...(blank(s.description) ? [] : [para(s.description)]),
			...(needs.length
				? [
						{
							ul: needs.map((n) => ({
								text: [{ text: `${t(`needMode.${n.mode}`)} · `, bold: true }, n.text]
							})),
							margin: [0, 0, 0, 6]
						}
					]
				: [])
		]);
	});
	if (profiles.length) {
		out.push(h2(t('report.strategy.segments.profiles')));
		if (list.some((s) => s.needs.some((n) => !blank(n.text))))
			out.push(note(t('segments.needsHint')));
		out.push(...profiles);
	}
	return keepHeadings(out);
};

/* ---------- Customer strategy ---------- */

const customerStrategy = (ctx: ReportContext): PdfNode[] | null => {
	const { t, content } = ctx;
	const list = content.segments;
	const filled = (s: Segment) =>
		strategyCompleteness(s) > 0 || !blank(s.sources) || !blank(s.managementNotes);
	if (!list.some(filled)) return null;
	const accent = ctx.options.branding.accent;
	const metrics = segmentMetrics(list);
	const tierOf = (s: Segment, i: number): Tier => s.tierOverride ?? metrics[i]!.suggestedTier;

	const out: PdfNode[] = [
		h1(t('report.section.customerStrategy'), 'customerStrategy'),
		para(t('strategy.intro'))
	];
	out.push(h2(t('strategy.overview')));
	out.push(
		table(
			[
				{ header: t('segments.col.name') },
				{ header: t('segments.col.tier'), width: 70 },
				{ header: t('strategy.management'), width: 84 },
				{ header: t('strategy.shareToKeep'), width: 60, align: 'right' },
				{ header: t('strategy.walletGoal'), width: 56, align: 'right' },
				{ header: t('strategy.completeness'), width: 68, align: 'right' }
			],
			list.map((s, i) => [
				segmentName(t, s, i),
				t(`tier.${tierOf(s, i)}`),
				s.management ? t(`management.${s.management}`) : DASH,
				s.shareToKeep === null ? DASH : pct(ctx, s.shareToKeep),
				s.walletGoal === null ? DASH : pct(ctx, s.walletGoal),
				t('strategy.elementsDone', { done: strategyCompleteness(s) })
			]),
			accent,
			8.5
		)
	);

	out.push(h2(t('report.strategy.customer.plans')));
	list.forEach((s, i) => {
		if (!filled(s)) return;
		const m = metrics[i]!;
		const competition = [
			...(s.shareToKeep === null
				? []
				: [
						t('report.strategy.customer.keep', {
							share: pct(ctx, s.shareToKeep),
							retention: pct(ctx, s.retention)
						})
					]),
			...(s.walletGoal === null
				? []
				: [t('report.strategy.customer.wallet', { share: pct(ctx, s.walletGoal) })])
		].join(' ');
		const labelled = (label: string, text: string): PdfNode[] =>
			blank(text) ? [] : [{ text: `${label}: `, bold: true }, text, '\n'];
		const affinity = [
			...labelled(t('strategy.crossSell'), s.crossSell.trim()),
			...labelled(t('strategy.upSell'), s.upSell.trim())
		];
		const management: PdfNode[] = [
			...(s.management ? [{ text: t(`management.${s.management}`), bold: true }] : []),
			...(s.management && !blank(s.managementNotes) ? ['\n'] : []),
			...(blank(s.managementNotes) ? [] : [s.managementNotes.trim()])
		];
		const rows = (
			[
				[t('strategy.understanding'), s.understanding.trim()],
				[t('strategy.sources'), s.sources.trim()],
				[t('strategy.competition'), competition],
				[t('strategy.affinity'), affinity.length ? { text: affinity.slice(0, -1) } : ''],
				[t('strategy.managementTitle'), management.length ? { text: management } : ''],
				[t('strategy.tactics'), ctx.list(s.tactics.map((x) => t(`tactic.${x}`)))]
			] as Array<[string, PdfNode]>
		).filter(([, v]) => !(typeof v === 'string' && blank(v)));
		// The heading stays with the first element; the rest (same columns) flows on below it.
		out.push(
			...block([
				h3(t('strategy.for', { name: segmentName(t, s, i) })),
				note(
					t('strategy.context', {
						tier: t(`tier.${tierOf(s, i)}`),
						customers: ctx.number(s.customers),
						retention: pct(ctx, s.retention),
						share: pct(ctx, m.profitShare)
					})
				),
				details(rows.slice(0, 1), rows.length > 1 ? 0 : 8)
			]),
			details(rows.slice(1))
		);
	});
	return keepHeadings(out);
};

/* ---------- Channels ---------- */

const channels = (ctx: ReportContext): PdfNode[] | null => {
	const { t, content } = ctx;
	const { list, preferences, assignments } = content.channels;
	const conflicts = content.channels.conflicts.filter(
		(c) => !blank(c.description) || !blank(c.resolution) || c.channelIds.length > 0
	);
	if (list.length === 0 && conflicts.length === 0) return null;
	const accent = ctx.options.branding.accent;
	const currency = content.profile.currency;
	const money = (minor: number) => ctx.money(Math.round(minor), currency);
	const segs = content.segments;
	const names = new Map(list.map((c, j) => [c.id, channelName(t, c, j)]));
	const out: PdfNode[] = [h1(t('report.section.channels'), 'channels')];

	if (list.length) {
		out.push(h2(t('report.strategy.channels.list')));
		out.push(
			table(
				[
					{ header: t('channels.col.name') },
					{ header: t('channels.col.kind'), width: 150 },
					{ header: t('channels.col.cost'), width: 80, align: 'right' }
				],
				list.map((c, j) => [
					channelName(t, c, j),
					t(`channelKind.${c.kind}`),
					money(c.costPerContact)
				]),
				accent
			)
		);
	}

	// Which channels each segment prefers, in words; wide lists of channels split over tables.
	const pref = (segmentId: string, channelId: string) =>
		(preferences[matrixKey(segmentId, channelId)] ?? 0) as Preference;
	const anyPreference = segs.some((s) => list.some((c) => pref(s.id, c.id) > 0));
	if (anyPreference) {
		out.push(h2(t('channels.matrix')));
		const segmentWidth = 100;
		const most = Math.max(1, Math.floor((ctx.page.width - segmentWidth) / 55));
		for (const group of evenChunks(list, most)) {
			out.push(
				table(
					[
						{ header: t('segments.col.name'), width: segmentWidth },
						...group.map((c): Column => ({ header: names.get(c.id)!, align: 'center' }))
					],
					segs.map((s, i) => [
						segmentName(t, s, i),
						...group.map((c) => {
							const p = pref(s.id, c.id);
							return p === 0 ? DASH : t(`preference.${p}`);
						})
					]),
					accent,
					8
				)
			);
		}
		out.push(note(t('channels.legend')));

		out.push(h2(t('report.strategy.channels.costBySegment')));
		out.push(
			table(
				[
					{ header: t('segments.col.name'), width: 120 },
					{ header: t('report.strategy.channels.col.preferred') },
					{ header: t('channels.weightedCost'), width: 80, align: 'right' }
				],
				segs.map((s, i) => {
					const w = weightedContactCost(list, preferences, s.id);
					const preferred = preferredChannels(list, preferences, s.id).map(
						({ channel, preference }) =>
							t('report.strategy.channels.preferredItem', {
								channel: names.get(channel.id)!,
								preference: t(`preference.${preference}`)
							})
					);
					return [
						segmentName(t, s, i),
						preferred.length ? ctx.list(preferred) : DASH,
						w === null ? DASH : money(w)
					];
				}),
				accent,
				8.5
			)
		);
		out.push(note(t('report.strategy.channels.weightNote')));
	}

	// Which product or service goes through which channel to which segment.
	const offerings = content.valueProposition.items.filter((i) => i.kind === 'offering');
	const assigned = new Set(assignments);
	const assignmentRows: PdfNode[][] = [];
	const unassigned: string[] = [];
	offerings.forEach((o, k) => {
		const rows = list.flatMap((c) => {
			const to = segs
				.map((s, i) => ({ s, i }))
				.filter(({ s }) => assigned.has(assignmentKey(o.id, c.id, s.id)))
				.map(({ s, i }) => segmentName(t, s, i));
			return to.length ? [[names.get(c.id)!, ctx.list(to)]] : [];
		});
		const name = o.text.trim() || t('vp.offeringOf', { n: k + 1 });
		if (rows.length === 0) {
			if (!blank(o.text)) unassigned.push(name);
			return;
		}
		rows.forEach((row, r) =>
			assignmentRows.push([r === 0 ? { text: name, bold: true } : '', ...row])
		);
	});
	if (assignmentRows.length) {
		out.push(h2(t('channels.assignments')));
		out.push(
			table(
				[
					{ header: t('channels.offering'), width: 150 },
					{ header: t('channels.col.name'), width: 130 },
					{ header: t('nav.segments') }
				],
				assignmentRows,
				accent,
				8.5
			)
		);
		if (unassigned.length)
			out.push(note(t('report.strategy.channels.unassigned', { items: ctx.list(unassigned) })));
	}

	if (conflicts.length) {
		out.push(h2(t('channels.conflicts')));
		out.push(
			table(
				[
					{ header: t('channels.conflictDescription') },
					{ header: t('channels.conflictChannels'), width: 110 },
					{ header: t('channels.conflictResolution') }
				],
				conflicts.map((c) => {
					const involved = c.channelIds.flatMap((id) => (names.has(id) ? [names.get(id)!] : []));
					return [
						blank(c.description) ? DASH : c.description.trim(),
						involved.length ? ctx.list(involved) : DASH,
						blank(c.resolution)
							? { text: t('report.strategy.channels.noResolution'), italics: true }
							: c.resolution.trim()
					];
				}),
				accent,
				8.5
			)
		);
	}
	return out.length > 1 ? keepHeadings(out) : null;
};

/* ---------- Change plan, 7-S and Porter ---------- */

function hasSevenS(content: EngagementContent): boolean {
	return SEVEN_S.some((s) => {
		const e = content.sevenS[s];
		return !blank(e.today) || !blank(e.target) || e.alignment !== null;
	});
}

function hasPorter(content: EngagementContent): boolean {
	return PORTER_CONDITIONS.some(
		(c) => content.porter[c].rating !== null || !blank(content.porter[c].notes)
	);
}

const changePlan = (ctx: ReportContext): PdfNode[] | null => {
	const { t, content } = ctx;
	const plan = content.changePlan;
	const accent = ctx.options.branding.accent;
	const supportHasText = (s: (typeof SUPPORTS)[number]) =>
		!blank(plan.supports[s].today) || !blank(plan.supports[s].target);
	const anySupport = SUPPORTS.some(supportHasText) || plan.initiatives.length > 0;
	const sevenS = hasSevenS(content);
	const porter = hasPorter(content);
	if (!anySupport && !sevenS && !porter) return null;
	const avg = (x: number | null) =>
		x === null ? DASH : ctx.number(x, { maximumFractionDigits: 1 });
	const out: PdfNode[] = [h1(t('report.section.changePlan'), 'changePlan')];

	if (anySupport) {
		out.push(h2(t('report.strategy.change.supports')));
		if (plan.initiatives.length) {
			const progress = supportProgress(plan.initiatives);
			out.push(
				table(
					[
						{ header: t('change.support') },
						{ header: t('change.initiatives'), width: 70, align: 'right' },
						{ header: t('change.done'), width: 70, align: 'right' },
						{ header: t('change.open'), width: 90, align: 'right' }
					],
					SUPPORTS.map((s) => [
						t(`support.${s}`),
						ctx.number(progress[s].total),
						ctx.number(progress[s].done),
						ctx.number(progress[s].open)
					]),
					accent
				)
			);
		}
		for (const s of SUPPORTS) {
			const items = plan.initiatives.filter((i) => i.support === s);
			if (!supportHasText(s) && items.length === 0) continue;
			const sides = supportHasText(s)
				? table(
						[{ header: t('change.today') }, { header: t('change.target') }],
						[[orDashText(plan.supports[s].today), orDashText(plan.supports[s].target)]],
						accent,
						8.5
					)
				: null;
			const initiatives = items.length
				? table(
						[
							{ header: t('change.col.title') },
							{ header: t('change.col.owner'), width: 70 },
							{ header: t('change.col.impact'), width: 40 },
							{ header: t('change.col.effort'), width: 40 },
							{ header: t('change.col.priority'), width: 62 },
							{ header: t('change.col.status'), width: 54 }
						],
						items.map((item, n) => {
							const p = priority(item.impact, item.effort);
							const title = item.title.trim() || t('change.titleOf', { n: n + 1 });
							return [
								{
									text: [
										{ text: title, bold: true },
										...(blank(item.description) ? [] : ['\n', small(item.description.trim())])
									]
								},
								blank(item.owner) ? DASH : item.owner.trim(),
								item.impact ? t(`level.${item.impact}`) : DASH,
								item.effort ? t(`level.${item.effort}`) : DASH,
								p ? t(`priority.${p}`) : DASH,
								t(`status.${item.status}`)
							];
						}),
						accent,
						8
					)
				: null;
			// The heading stays with today and target, or with the initiatives when there is no text.
			out.push(...block([h3(t(`support.${s}`)), sides ?? initiatives!]));
			if (sides && initiatives) out.push(initiatives);
		}
	}

	if (sevenS) {
		const ratingsOf = (keys: readonly (typeof SEVEN_S)[number][]) =>
			summariseRatings(
				Object.fromEntries(keys.map((s) => [s, content.sevenS[s].alignment as Rating | null]))
			);
		const hard = ratingsOf(HARD_S);
		const soft = ratingsOf(SEVEN_S.filter((s) => !HARD_S.includes(s)));
		const all = ratingsOf(SEVEN_S);
		out.push(h2(t('sevenS.title')));
		out.push(
			para(
				[
					t('sevenS.summary', { hard: avg(hard.average), soft: avg(soft.average) }),
					...(all.weakest.length
						? [t('sevenS.weakest', { items: ctx.list(all.weakest.map((s) => t(`sevenS.${s}`))) })]
						: [])
				].join(' ')
			)
		);
		out.push(
			table(
				[
					{ header: t('report.strategy.change.col.element'), width: 72 },
					{ header: t('change.today') },
					{ header: t('change.target') },
					{ header: t('sevenS.alignment'), width: 88 }
				],
				SEVEN_S.flatMap((s) => {
					const e = content.sevenS[s];
					if (blank(e.today) && blank(e.target) && e.alignment === null) return [];
					return [
						[
							{
								text: [
									{ text: t(`sevenS.${s}`), bold: true },
									'\n',
									small(HARD_S.includes(s) ? t('sevenS.hard') : t('sevenS.soft'))
								]
							},
							orDashText(e.today),
							orDashText(e.target),
							e.alignment === null ? t('rating.unset') : t(`alignment.${e.alignment}`)
						]
					];
				}),
				accent,
				8
			)
		);
	}

	if (porter) {
		const market = summariseRatings(
			Object.fromEntries(
				PORTER_CONDITIONS.map((c) => [c, content.porter[c].rating as Rating | null])
			)
		);
		out.push(h2(t('porter.title')));
		out.push(
			para(
				[
					t('porter.summary', { average: avg(market.average), rated: market.rated }),
					...(market.weakest.length
						? [
								t('porter.weakest', {
									items: ctx.list(market.weakest.map((c) => t(`porter.${c}`)))
								})
							]
						: [])
				].join(' ')
			)
		);
		out.push(
			table(
				[
					{ header: t('porter.condition'), width: 120 },
					{ header: t('porter.rating'), width: 100 },
					{ header: t('porter.notes') }
				],
				PORTER_CONDITIONS.flatMap((c) => {
					const p = content.porter[c];
					if (p.rating === null && blank(p.notes)) return [];
					return [
						[
							{
								text: [{ text: t(`porter.${c}`), bold: true }, '\n', small(t(`porter.${c}.hint`))]
							},
							p.rating === null ? t('rating.unset') : t(`favourable.${p.rating}`),
							orDashText(p.notes)
						]
					];
				}),
				accent,
				8.5
			)
		);
	}
	return keepHeadings(out);
};

const orDashText = (s: string) => (blank(s) ? DASH : s.trim());

export const strategySections: SectionRegistry = {
	valueProposition,
	segments,
	customerStrategy,
	channels,
	changePlan
};
