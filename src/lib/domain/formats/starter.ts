import { z } from 'zod';
import { COMPANY_SIZES, TEAM_SIDES, type EngagementContent } from '../engagement/profile.ts';
import type { Locale } from '../locales.ts';
import { localizedTextSchema, segmentSchema, semver, templateRef } from '../schemas.ts';
import {
	CONFIDENCES,
	templateKey,
	type Assessment,
	type AssessmentTemplate
} from '../assessment/model.ts';
import { NEED_MODES } from '../strategy/model.ts';
import { POSITIONINGS, VP_KINDS } from '../strategy/value-proposition.ts';
import {
	BLANK_PORTER,
	BLANK_SEVEN_S,
	INITIATIVE_STATUSES,
	LEVELS,
	PORTER_CONDITIONS,
	SEVEN_S,
	SUPPORTS
} from '../strategy/change-plan.ts';
import { CHANNEL_KINDS } from '../strategy/channels.ts';
import { EDGE_KINDS, NODE_KINDS, SIDES } from '../journey/model.ts';
import { problemsFromZod, type Problem } from './problems.ts';
import { blankBusinessCase, type BusinessCase } from '../business-case/model.ts';
import {
	BUSINESS_CASE_TEMPLATE_FORMAT_VERSION,
	BUSINESS_CASE_TEMPLATE_KIND,
	businessCaseBodySchema,
	checkCaseRefs,
	instantiateBusinessCase
} from './business-case-template.ts';
import { errorMap, refProblemMessage, type RefProblem } from './references.ts';
import {
	GATE_DECISIONS,
	PROJECT_ROLES,
	RACI,
	TASK_STATUSES,
	blankRoadmap,
	type Roadmap
} from '../roadmap/model.ts';
import { schedule } from '../roadmap/schedule.ts';
import { checkRoadmapRefs, instantiateRoadmap, roadmapBodySchema } from './roadmap-template.ts';

/**
 * A starter: a hand-editable file under templates/engagements/ from which a new engagement is
 * made. Its texts are written in all three languages; the engagement takes the language the
 * user picks when creating it. See templates/README.md.
 */
export const STARTER_KIND = 'crm-strategy-workbench/engagement-starter';
export const STARTER_FORMAT_VERSION = 1;

const lt = localizedTextSchema;
const ref = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/);

export const starterSchema = z
	.strictObject({
		kind: z.literal(STARTER_KIND),
		formatVersion: z.literal(STARTER_FORMAT_VERSION),
		id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/),
		version: z.string().regex(/^\d+\.\d+\.\d+$/),
		sample: z.boolean().default(false),
		title: lt,
		description: lt,
		source: z.string().max(500),
		licence: z.string().max(200),
		profile: z.strictObject({
			name: lt,
			client: lt,
			industry: lt,
			companySize: z.enum(COMPANY_SIZES).nullable(),
			region: lt,
			currency: z.string().regex(/^[A-Z]{3}$/),
			fiscalYearStartMonth: z.number().int().min(1).max(12),
			sponsor: lt,
			consultant: lt,
			notes: lt
		}),
		team: z
			.array(
				z.strictObject({
					/** A name that the roadmap's owners, roles and RACI use. */
					ref: ref.optional(),
					name: lt,
					role: lt,
					side: z.enum(TEAM_SIDES),
					email: z.union([z.literal(''), z.email()])
				})
			)
			.max(200),
		/** Customer segments with their numbers; money in minor units, rates as decimals. */
		segments: z
			.array(
				segmentSchema
					.omit({
						id: true,
						name: true,
						description: true,
						tierOverrideReason: true,
						needs: true,
						understanding: true,
						sources: true,
						crossSell: true,
						upSell: true,
						managementNotes: true
					})
					.extend({
						understanding: lt.optional(),
						sources: lt.optional(),
						crossSell: lt.optional(),
						upSell: lt.optional(),
						managementNotes: lt.optional(),
						name: lt,
						description: lt,
						tierOverrideReason: lt,
						needs: z.array(z.strictObject({ text: lt, mode: z.enum(NEED_MODES) })).max(100),
						/** A name for this segment that value-proposition items refer to. */
						ref: ref.optional()
					})
			)
			.max(200)
			.default([]),
		valueProposition: z
			.strictObject({
				positioning: z.enum(POSITIONINGS).nullable(),
				positioningRationale: lt,
				brandPromise: lt,
				items: z
					.array(
						z.strictObject({
							ref: ref.optional(),
							kind: z.enum(VP_KINDS),
							/** The `ref` of the segment a job, pain or gain belongs to. */
							segment: ref.nullable(),
							text: lt,
							/** The `ref`s of the pains or gains a reliever or creator addresses. */
							addresses: z.array(ref).max(50).default([])
						})
					)
					.max(1000)
			})
			.optional(),
		channels: z
			.strictObject({
				list: z
					.array(
						z.strictObject({
							ref,
							kind: z.enum(CHANNEL_KINDS),
							name: lt,
							costPerContact: z.number().int().min(0)
						})
					)
					.max(100),
				/** How much a segment prefers a channel: 1 low, 2 medium, 3 high. */
				preferences: z
					.array(
						z.strictObject({
							segment: ref,
							channel: ref,
							preference: z.number().int().min(1).max(3)
						})
					)
					.max(10_000)
					.default([]),
				/** A product or service (an offering's `ref`) offered through a channel to a segment. */
				assignments: z
					.array(z.strictObject({ offering: ref, channel: ref, segment: ref }))
					.max(10_000)
					.default([]),
				conflicts: z
					.array(
						z.strictObject({ description: lt, channels: z.array(ref).max(50), resolution: lt })
					)
					.max(100)
					.default([])
			})
			.optional(),
		changePlan: z
			.strictObject({
				supports: z
					.partialRecord(z.enum(SUPPORTS), z.strictObject({ today: lt, target: lt }))
					.default({}),
				initiatives: z
					.array(
						z.strictObject({
							/** A name that touchpoints refer to. */
							ref: ref.optional(),
							support: z.enum(SUPPORTS),
							title: lt,
							description: lt,
							owner: lt,
							effort: z.enum(LEVELS).nullable(),
							impact: z.enum(LEVELS).nullable(),
							status: z.enum(INITIATIVE_STATUSES)
						})
					)
					.max(500)
					.default([])
			})
			.optional(),
		sevenS: z
			.partialRecord(
				z.enum(SEVEN_S),
				z.strictObject({
					today: lt,
					target: lt,
					alignment: z.number().int().min(1).max(5).nullable()
				})
			)
			.optional(),
		porter: z
			.partialRecord(
				z.enum(PORTER_CONDITIONS),
				z.strictObject({ rating: z.number().int().min(1).max(5).nullable(), notes: lt })
			)
			.optional(),
		/** Workshop answers by question id. */
		answers: z.record(z.string().regex(/^[a-z0-9-]{1,64}$/), lt).optional(),
		/** The touchpoint map: stages in journey order, then the touchpoints. */
		journey: z
			.strictObject({
				stages: z.array(z.strictObject({ ref, name: lt })).max(50),
				touchpoints: z
					.array(
						z.strictObject({
							stage: ref,
							/** A channel's `ref`, or null. */
							channel: ref.nullable(),
							/** Segment `ref`s, or null for every segment. */
							segments: z.array(ref).max(200).nullable(),
							name: lt,
							department: lt,
							description: lt,
							pains: lt,
							momentOfTruth: z.boolean(),
							ratingToday: z.number().int().min(-2).max(2).nullable(),
							ratingTarget: z.number().int().min(-2).max(2).nullable(),
							today: lt,
							target: lt,
							/** A change-plan initiative's `ref`, or null. */
							initiative: ref.nullable()
						})
					)
					.max(1000)
			})
			.optional(),
		/** Today's and the target workflow: nodes with a `ref`, edges between them. */
		workflows: z
			.strictObject({
				nodes: z
					.array(z.strictObject({ ref, side: z.enum(SIDES), kind: z.enum(NODE_KINDS), label: lt }))
					.max(500),
				edges: z
					.array(
						z.strictObject({
							side: z.enum(SIDES),
							from: ref,
							to: ref,
							kind: z.enum(EDGE_KINDS),
							label: lt
						})
					)
					.max(1000)
			})
			.optional(),
		/** Diagrams written in Mermaid. */
		diagrams: z
			.array(z.strictObject({ title: lt, text: lt }))
			.max(50)
			.optional(),
		/**
		 * Assessment runs against a model bundled under templates/assessments/ (named by id and
		 * version); participants have a `ref` that their answers use.
		 */
		assessments: z
			.array(
				z.strictObject({
					/** A name that the roadmap's gate reviews use. */
					ref: ref.optional(),
					template: z.strictObject({ id: templateRef, version: semver }),
					title: lt,
					date: z.iso.date(),
					notes: lt.optional(),
					participants: z
						.array(z.strictObject({ ref, name: lt, role: lt, department: lt }))
						.max(100),
					answers: z
						.array(
							z.strictObject({
								participant: ref,
								question: templateRef,
								current: z.number().int().min(0).max(10).nullable(),
								target: z.number().int().min(0).max(10).nullable(),
								intention: z.number().int().min(0).max(10).nullable().default(null),
								naReason: lt.optional(),
								evidence: lt.optional(),
								confidence: z.enum(CONFIDENCES).nullable().default(null)
							})
						)
						.max(20_000),
					/** Whether the facilitator view shows every question's scores as revealed. */
					revealed: z.boolean().default(true)
				})
			)
			.max(20)
			.optional(),
		/**
		 * A business case in the format of a business-case template's body (in the profile's
		 * currency), whose benefit lines may name the starter's segments and channels by `ref`.
		 */
		businessCase: businessCaseBodySchema
			.extend({
				benefits: z
					.array(
						businessCaseBodySchema.shape.benefits.element.extend({
							segment: ref.nullable().default(null),
							fromChannel: ref.nullable().default(null),
							toChannel: ref.nullable().default(null)
						})
					)
					.max(500)
			})
			.optional(),
		/**
		 * A roadmap in the format of a roadmap template's body, started on `start`, with the
		 * progress made so far: a baseline saved from the plan as first scheduled, then each
		 * task's status and changes, the KPIs measured, the gate reviews held, and the team's
		 * roles and RACI (by team member `ref`).
		 */
		roadmap: roadmapBodySchema
			.extend({
				start: z.iso.date(),
				excludeWeekends: z.boolean().default(true),
				holidays: z.array(z.iso.date()).max(1000).default([]),
				baseline: lt.optional(),
				progress: z
					.array(
						z.strictObject({
							task: templateRef,
							status: z.enum(TASK_STATUSES),
							percent: z.number().int().min(0).max(100).default(0),
							owner: ref.nullable().default(null),
							/** A later earliest start or a new duration, to show the plan as it moved. */
							start: z.iso.date().optional(),
							duration: z.number().int().min(0).max(2000).optional()
						})
					)
					.max(5000)
					.default([]),
				actuals: z
					.array(z.strictObject({ kpi: templateRef, date: z.iso.date(), value: z.number() }))
					.max(5000)
					.default([]),
				gates: z
					.array(
						z.strictObject({
							phase: templateRef,
							date: z.iso.date(),
							decision: z.enum(GATE_DECISIONS),
							notes: lt,
							assessment: ref.nullable().default(null)
						})
					)
					.max(200)
					.default([]),
				roles: z
					.array(z.strictObject({ member: ref, role: z.enum(PROJECT_ROLES) }))
					.max(200)
					.default([]),
				raci: z
					.array(z.strictObject({ phase: templateRef, member: ref, value: z.enum(RACI) }))
					.max(5000)
					.default([])
			})
			.optional()
	})
	.superRefine((starter, ctx) => {
		// Every reference must name something in the file, so that no link is lost silently.
		checkJourneyRefs(starter, ctx);
		starter.assessments?.forEach((a, i) => {
			const people = new Set(a.participants.map((p) => p.ref));
			a.answers.forEach((answer, j) => {
				if (!people.has(answer.participant))
					ctx.addIssue({
						code: 'custom',
						path: ['assessments', i, 'answers', j, 'participant'],
						params: { problem: 'unknownParticipant', ref: answer.participant }
					});
			});
		});
		const segments = new Set(starter.segments.flatMap((s) => (s.ref ? [s.ref] : [])));
		const items = new Set(
			(starter.valueProposition?.items ?? []).flatMap((i) => (i.ref ? [i.ref] : []))
		);
		const channelRefs = new Set((starter.channels?.list ?? []).map((c) => c.ref));
		const offerings = new Set(
			(starter.valueProposition?.items ?? []).flatMap((i) =>
				i.ref && i.kind === 'offering' ? [i.ref] : []
			)
		);
		if (starter.businessCase) checkCaseRefs(starter.businessCase, ctx, ['businessCase']);
		if (starter.roadmap) checkStarterRoadmap(starter, starter.roadmap, ctx);
		starter.businessCase?.benefits.forEach((l, i) => {
			const at = ['businessCase', 'benefits', i];
			const refTo = (field: 'segment' | 'fromChannel' | 'toChannel', set: Set<string>) => {
				const r = l[field];
				if (r !== null && !set.has(r))
					ctx.addIssue({
						code: 'custom',
						path: [...at, field],
						params: { problem: field === 'segment' ? 'unknownSegment' : 'unknownChannel', ref: r }
					});
			};
			refTo('segment', segments);
			refTo('fromChannel', channelRefs);
			refTo('toChannel', channelRefs);
		});
		const check = (
			set: Set<string>,
			value: string,
			path: (string | number)[],
			problem: 'unknownSegment' | 'unknownItem' | 'unknownChannel'
		) => {
			if (!set.has(value)) ctx.addIssue({ code: 'custom', path, params: { problem, ref: value } });
		};
		starter.channels?.preferences.forEach((p, i) => {
			check(segments, p.segment, ['channels', 'preferences', i, 'segment'], 'unknownSegment');
			check(channelRefs, p.channel, ['channels', 'preferences', i, 'channel'], 'unknownChannel');
		});
		starter.channels?.assignments.forEach((a, i) => {
			check(offerings, a.offering, ['channels', 'assignments', i, 'offering'], 'unknownItem');
			check(channelRefs, a.channel, ['channels', 'assignments', i, 'channel'], 'unknownChannel');
			check(segments, a.segment, ['channels', 'assignments', i, 'segment'], 'unknownSegment');
		});
		starter.channels?.conflicts.forEach((c, i) =>
			c.channels.forEach((ch, j) =>
				check(channelRefs, ch, ['channels', 'conflicts', i, 'channels', j], 'unknownChannel')
			)
		);
		starter.valueProposition?.items.forEach((item, i) => {
			if (item.segment !== null && !segments.has(item.segment)) {
				ctx.addIssue({
					code: 'custom',
					path: ['valueProposition', 'items', i, 'segment'],
					params: { problem: 'unknownSegment', ref: item.segment }
				});
			}
			item.addresses.forEach((a, j) => {
				if (!items.has(a))
					ctx.addIssue({
						code: 'custom',
						path: ['valueProposition', 'items', i, 'addresses', j],
						params: { problem: 'unknownItem', ref: a }
					});
			});
		});
	})
	.meta({
		title: 'CRM Strategy Workbench engagement starter',
		description:
			'A template from which a new engagement is created, with texts in zh-CN, zh-TW and en.'
	});
export type Starter = z.infer<typeof starterSchema>;

/** The roadmap's own refs, and its progress naming tasks, KPIs, phases, people and runs. */
function checkStarterRoadmap(
	starter: { team: { ref?: string | undefined }[]; assessments?: { ref?: string | undefined }[] },
	r: NonNullable<Starter['roadmap']>,
	ctx: z.RefinementCtx
) {
	checkRoadmapRefs(r, ctx, ['roadmap']);
	const set = (list: { ref?: string | undefined }[]) =>
		new Set(list.flatMap((x) => (x.ref ? [x.ref] : [])));
	const people = set(starter.team);
	const runs = set(starter.assessments ?? []);
	const phases = set(r.phases);
	const tasks = set(r.phases.flatMap((p) => p.tasks));
	const kpis = set(r.phases.flatMap((p) => p.kpis));
	const check = (s: Set<string>, v: string, path: (string | number)[], problem: RefProblem) => {
		if (!s.has(v))
			ctx.addIssue({ code: 'custom', path: ['roadmap', ...path], params: { problem, ref: v } });
	};
	r.progress.forEach((x, i) => {
		check(tasks, x.task, ['progress', i, 'task'], 'unknownTask');
		if (x.owner !== null) check(people, x.owner, ['progress', i, 'owner'], 'unknownMember');
	});
	r.actuals.forEach((x, i) => check(kpis, x.kpi, ['actuals', i, 'kpi'], 'unknownKpi'));
	r.gates.forEach((g, i) => {
		check(phases, g.phase, ['gates', i, 'phase'], 'unknownPhase');
		if (g.assessment !== null)
			check(runs, g.assessment, ['gates', i, 'assessment'], 'unknownAssessment');
	});
	r.roles.forEach((x, i) => check(people, x.member, ['roles', i, 'member'], 'unknownMember'));
	r.raci.forEach((x, i) => {
		check(phases, x.phase, ['raci', i, 'phase'], 'unknownPhase');
		check(people, x.member, ['raci', i, 'member'], 'unknownMember');
	});
}

/** The references of the touchpoint map and the workflows. */
function checkJourneyRefs(
	starter: {
		segments: { ref?: string | undefined }[];
		channels?: { list: { ref: string }[] } | undefined;
		changePlan?: { initiatives: { ref?: string | undefined }[] } | undefined;
		journey?: Starter['journey'];
		workflows?: Starter['workflows'];
	},
	ctx: z.RefinementCtx
) {
	const refs = (list: { ref?: string | undefined }[] | undefined) =>
		new Set((list ?? []).flatMap((x) => (x.ref ? [x.ref] : [])));
	const segments = refs(starter.segments);
	const channels = refs(starter.channels?.list);
	const initiatives = refs(starter.changePlan?.initiatives);
	const stages = refs(starter.journey?.stages);
	const check = (
		set: Set<string>,
		value: string,
		path: (string | number)[],
		problem: RefProblem
	) => {
		if (!set.has(value)) ctx.addIssue({ code: 'custom', path, params: { problem, ref: value } });
	};
	starter.journey?.touchpoints.forEach((t, i) => {
		const at = ['journey', 'touchpoints', i];
		check(stages, t.stage, [...at, 'stage'], 'unknownStage');
		if (t.channel !== null) check(channels, t.channel, [...at, 'channel'], 'unknownChannel');
		if (t.initiative !== null)
			check(initiatives, t.initiative, [...at, 'initiative'], 'unknownInitiative');
		t.segments?.forEach((s, j) => check(segments, s, [...at, 'segments', j], 'unknownSegment'));
	});
	// An edge joins two nodes of its own side.
	for (const side of SIDES) {
		const nodes = new Set(
			(starter.workflows?.nodes ?? []).filter((n) => n.side === side).map((n) => n.ref)
		);
		starter.workflows?.edges.forEach((e, i) => {
			if (e.side !== side) return;
			check(nodes, e.from, ['workflows', 'edges', i, 'from'], 'unknownNode');
			check(nodes, e.to, ['workflows', 'edges', i, 'to'], 'unknownNode');
		});
	}
}

export type StarterResult =
	{ ok: true; starter: Starter } | { ok: false; file: string; problems: Problem[] };

export function readStarter(file: string, data: unknown, locale: Locale): StarterResult {
	const result = starterSchema.safeParse(data, { error: errorMap(locale) });
	if (!result.success) return { ok: false, file, problems: problemsFromZod(result.error) };
	return { ok: true, starter: result.data };
}

/** The engagement content a starter gives, in one language. */
export function instantiateStarter(
	starter: Starter,
	locale: Locale,
	newId: () => string,
	templates: TemplateLookup = () => undefined
): EngagementContent {
	const p = starter.profile;
	const segments = starter.segments.map(({ ref: _ref, ...seg }) => ({
		...seg,
		id: newId(),
		name: seg.name[locale],
		description: seg.description[locale],
		tierOverrideReason: seg.tierOverrideReason[locale],
		needs: seg.needs.map((n) => ({ id: newId(), text: n.text[locale], mode: n.mode })),
		understanding: seg.understanding?.[locale] ?? '',
		sources: seg.sources?.[locale] ?? '',
		crossSell: seg.crossSell?.[locale] ?? '',
		upSell: seg.upSell?.[locale] ?? '',
		managementNotes: seg.managementNotes?.[locale] ?? ''
	}));
	const segmentIdOf = new Map(
		starter.segments.flatMap((s, i) => (s.ref ? [[s.ref, segments[i]!.id] as const] : []))
	);
	const vp = starter.valueProposition;
	const channelList = (starter.channels?.list ?? []).map((c) => ({ id: newId(), c }));
	const channelIdOf = new Map(channelList.map(({ id, c }) => [c.ref, id]));
	const itemIds = (vp?.items ?? []).map(() => newId());
	const initiativeList = starter.changePlan?.initiatives ?? [];
	const initiativeIds = initiativeList.map(() => newId());
	const initiativeIdOf = new Map(
		initiativeList.flatMap((x, i) => (x.ref ? [[x.ref, initiativeIds[i]!] as const] : []))
	);
	const itemIdOf = new Map(
		(vp?.items ?? []).flatMap((item, i) => (item.ref ? [[item.ref, itemIds[i]!] as const] : []))
	);
	const teamIds = starter.team.map(() => newId());
	const memberIdOf = new Map(
		starter.team.flatMap((m, i) => (m.ref ? [[m.ref, teamIds[i]!] as const] : []))
	);
	const runs = assessmentsOf(starter, locale, newId, templates);
	const runIdOf = new Map(
		(starter.assessments ?? []).flatMap((a, i) =>
			a.ref && runs.assessments[i] ? [[a.ref, runs.assessments[i].id] as const] : []
		)
	);
	return {
		profile: {
			name: p.name[locale],
			client: p.client[locale],
			industry: p.industry[locale],
			companySize: p.companySize,
			region: p.region[locale],
			currency: p.currency,
			reportLanguage: locale,
			fiscalYearStartMonth: p.fiscalYearStartMonth,
			sponsor: p.sponsor[locale],
			consultant: p.consultant[locale],
			notes: p.notes[locale]
		},
		team: starter.team.map((m, i) => ({
			id: teamIds[i]!,
			name: m.name[locale],
			role: m.role[locale],
			side: m.side,
			email: m.email
		})),
		segments,
		valueProposition: {
			positioning: vp?.positioning ?? null,
			positioningRationale: vp?.positioningRationale[locale] ?? '',
			brandPromise: vp?.brandPromise[locale] ?? '',
			items: (vp?.items ?? []).map((item, i) => ({
				id: itemIds[i]!,
				kind: item.kind,
				segmentId: item.segment === null ? null : (segmentIdOf.get(item.segment) ?? null),
				text: item.text[locale],
				addresses: item.addresses.flatMap((a) => itemIdOf.get(a) ?? [])
			}))
		},
		changePlan: {
			supports: Object.fromEntries(
				SUPPORTS.map((sup) => {
					const side = starter.changePlan?.supports[sup];
					return [sup, { today: side?.today[locale] ?? '', target: side?.target[locale] ?? '' }];
				})
			) as EngagementContent['changePlan']['supports'],
			initiatives: (starter.changePlan?.initiatives ?? []).map((i, n) => ({
				id: initiativeIds[n]!,
				support: i.support,
				title: i.title[locale],
				description: i.description[locale],
				owner: i.owner[locale],
				effort: i.effort,
				impact: i.impact,
				status: i.status
			}))
		},
		sevenS: Object.fromEntries(
			SEVEN_S.map((e) => {
				const v = starter.sevenS?.[e];
				return [
					e,
					v
						? { today: v.today[locale], target: v.target[locale], alignment: v.alignment }
						: { ...BLANK_SEVEN_S[e] }
				];
			})
		) as EngagementContent['sevenS'],
		porter: Object.fromEntries(
			PORTER_CONDITIONS.map((c) => {
				const v = starter.porter?.[c];
				return [c, v ? { rating: v.rating, notes: v.notes[locale] } : { ...BLANK_PORTER[c] }];
			})
		) as EngagementContent['porter'],
		channels: {
			list: channelList.map(({ id, c }) => ({
				id,
				kind: c.kind,
				name: c.name[locale],
				costPerContact: c.costPerContact
			})),
			preferences: Object.fromEntries(
				(starter.channels?.preferences ?? []).map((p) => [
					`${segmentIdOf.get(p.segment)}:${channelIdOf.get(p.channel)}`,
					p.preference
				])
			),
			assignments: (starter.channels?.assignments ?? []).map(
				(a) =>
					`${itemIdOf.get(a.offering)}:${channelIdOf.get(a.channel)}:${segmentIdOf.get(a.segment)}`
			),
			conflicts: (starter.channels?.conflicts ?? []).map((c) => ({
				id: newId(),
				description: c.description[locale],
				channelIds: c.channels.flatMap((ch) => channelIdOf.get(ch) ?? []),
				resolution: c.resolution[locale]
			}))
		},
		answers: Object.fromEntries(
			Object.entries(starter.answers ?? {}).map(([q, text]) => [q, text[locale]])
		),
		...journeyOf(starter, locale, newId, { segmentIdOf, channelIdOf, initiativeIdOf }),
		diagrams: (starter.diagrams ?? []).map((d) => ({
			id: newId(),
			title: d.title[locale],
			text: d.text[locale]
		})),
		...runs,
		businessCase: businessCaseOf(starter, locale, newId, p.currency, segmentIdOf, channelIdOf),
		roadmap: roadmapOf(starter, locale, newId, memberIdOf, runIdOf)
	};
}

/**
 * The starter's roadmap: instantiated from its body, a baseline saved from that first plan (so
 * that drift shows), then the progress applied over it.
 */
function roadmapOf(
	starter: Starter,
	locale: Locale,
	newId: () => string,
	memberIdOf: Map<string, string>,
	runIdOf: Map<string, string>
): Roadmap {
	const r = starter.roadmap;
	if (!r) return blankRoadmap();
	const calendar = { excludeWeekends: r.excludeWeekends, holidays: r.holidays };
	const { roadmap, taskIds, phaseIds, kpiIds } = instantiateRoadmap(
		r,
		locale,
		r.start,
		newId,
		calendar
	);
	if (r.baseline) {
		const first = schedule(r.start, calendar, roadmap.tasks);
		if (first.ok)
			roadmap.baselines.push({
				id: newId(),
				name: r.baseline[locale],
				savedOn: r.start,
				tasks: Object.fromEntries(
					[...first.tasks.values()].map((t) => [t.id, { start: t.start, finish: t.finish }])
				)
			});
	}
	const byId = new Map(roadmap.tasks.map((t) => [t.id, t]));
	for (const x of r.progress) {
		const task = byId.get(taskIds.get(x.task)!)!;
		task.status = x.status;
		task.percent = x.status === 'done' ? 100 : x.percent;
		task.ownerId = x.owner === null ? null : (memberIdOf.get(x.owner) ?? null);
		if (x.start !== undefined) task.start = x.start;
		if (x.duration !== undefined && !task.milestone) task.duration = x.duration;
	}
	for (const a of r.actuals)
		roadmap.kpis
			.find((k) => k.id === kpiIds.get(a.kpi))
			?.actuals.push({ date: a.date, value: a.value });
	for (const k of roadmap.kpis) k.actuals.sort((a, b) => a.date.localeCompare(b.date));
	roadmap.gates = r.gates.map((g) => ({
		id: newId(),
		phaseId: phaseIds.get(g.phase)!,
		date: g.date,
		decision: g.decision,
		notes: g.notes[locale],
		assessmentId: g.assessment === null ? null : (runIdOf.get(g.assessment) ?? null)
	}));
	for (const x of r.roles) roadmap.roles[memberIdOf.get(x.member)!] = x.role;
	for (const x of r.raci)
		roadmap.raci[`${phaseIds.get(x.phase)}:${memberIdOf.get(x.member)}`] = x.value;
	return roadmap;
}

function businessCaseOf(
	starter: Starter,
	locale: Locale,
	newId: () => string,
	currency: string,
	segmentIdOf: Map<string, string>,
	channelIdOf: Map<string, string>
): BusinessCase {
	const b = starter.businessCase;
	if (!b) return blankBusinessCase(currency);
	const base = instantiateBusinessCase(
		{
			...b,
			kind: BUSINESS_CASE_TEMPLATE_KIND,
			formatVersion: BUSINESS_CASE_TEMPLATE_FORMAT_VERSION,
			id: 'starter',
			version: '1.0.0',
			title: starter.title,
			description: starter.description,
			source: starter.source,
			licence: starter.licence,
			currency,
			benefits: b.benefits.map(({ segment: _s, fromChannel: _f, toChannel: _t, ...line }) => line)
		},
		locale,
		newId
	);
	const ref = (map: Map<string, string>, r: string | null) =>
		r === null ? null : (map.get(r) ?? null);
	return {
		...base,
		benefits: base.benefits.map((line, i) => ({
			...line,
			segmentId: ref(segmentIdOf, b.benefits[i]!.segment),
			fromChannelId: ref(channelIdOf, b.benefits[i]!.fromChannel),
			toChannelId: ref(channelIdOf, b.benefits[i]!.toChannel)
		}))
	};
}

/** Finds a bundled assessment model by id and version. */
export type TemplateLookup = (id: string, version: string) => AssessmentTemplate | undefined;

/**
 * A starter's assessments against the models it names: each model must exist, and each answer
 * must name one of its questions with levels on its scale. Checked when starters load (the
 * models are other files), so that a starter with a broken run is not offered.
 */
export function checkStarterAssessments(
	starter: Starter,
	templates: TemplateLookup,
	locale: Locale
): Problem[] {
	const problems: Problem[] = [];
	const say = (path: string, problem: RefProblem, ref: string) =>
		problems.push({ path, message: refProblemMessage(locale, problem, ref) });
	starter.assessments?.forEach((a, i) => {
		const template = templates(a.template.id, a.template.version);
		if (!template) {
			say(
				`assessments[${i}].template`,
				'unknownTemplate',
				templateKey(a.template.id, a.template.version)
			);
			return;
		}
		const questions = new Set(template.dimensions.flatMap((d) => d.questions.map((q) => q.id)));
		const levels = new Set(template.scale.map((l) => l.value));
		a.answers.forEach((answer, j) => {
			const at = `assessments[${i}].answers[${j}]`;
			if (!questions.has(answer.question))
				say(`${at}.question`, 'unknownQuestion', answer.question);
			for (const f of ['current', 'target', 'intention'] as const) {
				const v = answer[f];
				if (v !== null && !levels.has(v)) say(`${at}.${f}`, 'levelNotOnScale', String(v));
			}
		});
	});
	return problems;
}

function assessmentsOf(
	starter: Starter,
	locale: Locale,
	newId: () => string,
	templates: TemplateLookup
): Pick<EngagementContent, 'assessmentTemplates' | 'assessments'> {
	const pinned = new Map<string, AssessmentTemplate>();
	const assessments: Assessment[] = [];
	for (const a of starter.assessments ?? []) {
		const template = templates(a.template.id, a.template.version);
		if (!template) continue;
		const id = newId();
		pinned.set(templateKey(template.id, template.version), template);
		const people = a.participants.map((p) => ({ ref: p.ref, id: newId(), p }));
		const idOf = new Map(people.map((x) => [x.ref, x.id]));
		const questions = template.dimensions.flatMap((d) => d.questions.map((q) => q.id));
		assessments.push({
			id,
			title: a.title[locale],
			templateId: template.id,
			templateVersion: template.version,
			date: a.date,
			notes: a.notes?.[locale] ?? '',
			participants: people.map(({ id, p }) => ({
				id,
				name: p.name[locale],
				role: p.role[locale],
				department: p.department[locale]
			})),
			answers: a.answers.map((x) => ({
				participantId: idOf.get(x.participant)!,
				questionId: x.question,
				current: x.current,
				target: x.target,
				intention: template.dualScoring ? x.intention : null,
				na: x.naReason !== undefined,
				naReason: x.naReason?.[locale] ?? '',
				evidence: x.evidence?.[locale] ?? '',
				confidence: x.confidence
			})),
			revealed: a.revealed ? questions : [],
			initiatives: {}
		});
	}
	return { assessmentTemplates: [...pinned.values()], assessments };
}

function journeyOf(
	starter: Starter,
	locale: Locale,
	newId: () => string,
	ids: {
		segmentIdOf: Map<string, string>;
		channelIdOf: Map<string, string>;
		initiativeIdOf: Map<string, string>;
	}
): Pick<EngagementContent, 'journey' | 'workflows'> {
	const stages = (starter.journey?.stages ?? []).map((s) => ({ ref: s.ref, id: newId() }));
	const stageIdOf = new Map(stages.map((s) => [s.ref, s.id]));
	const nodes = (starter.workflows?.nodes ?? []).map((n) => ({ n, id: newId() }));
	const nodeIdOf = (side: string, ref: string) =>
		nodes.find(({ n }) => n.side === side && n.ref === ref)!.id;
	return {
		journey: {
			stages: (starter.journey?.stages ?? []).map((s, i) => ({
				id: stages[i]!.id,
				name: s.name[locale]
			})),
			touchpoints: (starter.journey?.touchpoints ?? []).map((t) => ({
				id: newId(),
				stageId: stageIdOf.get(t.stage)!,
				channelId: t.channel === null ? null : (ids.channelIdOf.get(t.channel) ?? null),
				segmentIds:
					t.segments === null ? null : t.segments.flatMap((s) => ids.segmentIdOf.get(s) ?? []),
				name: t.name[locale],
				department: t.department[locale],
				description: t.description[locale],
				pains: t.pains[locale],
				momentOfTruth: t.momentOfTruth,
				ratingToday: t.ratingToday,
				ratingTarget: t.ratingTarget,
				today: t.today[locale],
				target: t.target[locale],
				initiativeId: t.initiative === null ? null : (ids.initiativeIdOf.get(t.initiative) ?? null)
			}))
		},
		workflows: {
			nodes: nodes.map(({ n, id }) => ({ id, side: n.side, kind: n.kind, label: n.label[locale] })),
			edges: (starter.workflows?.edges ?? []).map((e) => ({
				id: newId(),
				side: e.side,
				from: nodeIdOf(e.side, e.from),
				to: nodeIdOf(e.side, e.to),
				kind: e.kind,
				label: e.label[locale]
			}))
		}
	};
}
