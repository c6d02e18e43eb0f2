import { z } from 'zod';
import { COMPANY_SIZES, TEAM_SIDES } from './engagement/profile.ts';
import { NEED_MODES } from './strategy/model.ts';
import { TIERS } from './strategy/segments.ts';
import { MANAGEMENT_MODELS, TACTICS } from './strategy/customer-strategy.ts';
import { CHANNEL_KINDS } from './strategy/channels.ts';
import {
	BLANK_CHANGE_PLAN,
	BLANK_PORTER,
	BLANK_SEVEN_S,
	INITIATIVE_STATUSES,
	LEVELS,
	SUPPORTS
} from './strategy/change-plan.ts';
import { POSITIONINGS, VP_KINDS } from './strategy/value-proposition.ts';
import { LOCALES } from './locales.ts';
import { EDGE_KINDS, NODE_KINDS, SIDES } from './journey/model.ts';

/**
 * The zod schemas of the data inside an engagement: the single source of its runtime
 * validation, of its TypeScript types (inferred, see profile.ts and locales.ts) and, through the
 * file formats that use them, of the published JSON Schemas. Only code that validates imports
 * this module, so the app shell does not load zod.
 */

// Zod compiles fast parsers with `new Function` when it may; the app's content security policy
// forbids eval, so it is told not to try (its checks stay the same, only a little slower).
z.config({ jitless: true });

export const localeSchema = z.enum(LOCALES);

/** A text written in each of the three languages (templates and starters carry these). */
export const localizedTextSchema = z.strictObject({
	'zh-CN': z.string(),
	'zh-TW': z.string(),
	en: z.string()
});

const shortText = z.string().max(300);

export const profileSchema = z.strictObject({
	name: z.string().trim().min(1).max(200),
	client: shortText,
	industry: shortText,
	companySize: z.enum(COMPANY_SIZES).nullable(),
	region: shortText,
	currency: z.string().regex(/^[A-Z]{3}$/),
	reportLanguage: localeSchema,
	/** Month (1 = January) in which the client's fiscal year starts. */
	fiscalYearStartMonth: z.number().int().min(1).max(12),
	sponsor: shortText,
	consultant: shortText,
	notes: z.string().max(100_000)
});

export const teamMemberSchema = z.strictObject({
	id: z.string().min(1).max(64),
	name: z.string().max(200),
	role: shortText,
	side: z.enum(TEAM_SIDES),
	email: z.union([z.literal(''), z.email().max(254)])
});

/** The same check as the file format's, so that whatever the form accepts also imports. */
export function isValidEmail(value: string): boolean {
	return teamMemberSchema.shape.email.safeParse(value).success;
}

const id = z.string().min(1).max(64);
/** Money: integer minor units (fen, cents), never negative here. */
const money = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
/** A rate as a decimal: 0.85 is 85 %. */
const rate = z.number().min(0).max(1);

export const segmentNeedSchema = z.strictObject({
	id,
	text: z.string().max(500),
	/** push: the company pushes it to the customer; pull: the customer asks for it. */
	mode: z.enum(NEED_MODES)
});

export const segmentSchema = z.strictObject({
	id,
	name: z.string().max(200),
	description: z.string().max(5000),
	customers: z.number().int().min(0).max(1e12),
	revenue: money,
	grossMargin: rate,
	retention: rate,
	acquisitionCost: money,
	costToServe: money,
	/** Yearly growth as a decimal, −100 % to +1000 %. */
	growth: z.number().min(-1).max(10),
	/** The tier the user chose over the suggested one, with the reason. */
	tierOverride: z.enum(TIERS).nullable(),
	tierOverrideReason: z.string().max(2000),
	needs: z.array(segmentNeedSchema).max(500),
	/* Customer strategy, its four elements (fields added after the first files: all default). */
	/** Understanding: what is known about these customers, and where it comes from. */
	understanding: z.string().max(5000).default(''),
	sources: z.string().max(2000).default(''),
	/** Competition: the share of these customers to keep, and the share-of-wallet goal. */
	shareToKeep: rate.nullable().default(null),
	walletGoal: rate.nullable().default(null),
	/** Affinity: the cross-selling and up-selling offers the bond makes possible. */
	crossSell: z.string().max(2000).default(''),
	upSell: z.string().max(2000).default(''),
	/** Management: who owns these customers. */
	management: z.enum(MANAGEMENT_MODELS).nullable().default(null),
	managementNotes: z.string().max(2000).default(''),
	/** Relationship tactics picked from the library. */
	tactics: z.array(z.enum(TACTICS)).max(TACTICS.length).default([])
});

export const vpItemSchema = z.strictObject({
	id,
	kind: z.enum(VP_KINDS),
	/** The segment of a job, pain or gain; null for the company side. */
	segmentId: id.nullable(),
	text: z.string().max(1000),
	/** Relievers: the pains they relieve; creators: the gains they create (item ids). */
	addresses: z.array(id).max(200)
});

export const valuePropositionSchema = z.strictObject({
	/** Porter's generic strategy. */
	positioning: z.enum(POSITIONINGS).nullable(),
	positioningRationale: z.string().max(5000),
	brandPromise: z.string().max(2000),
	/** In ranked order: within a segment and kind, earlier means more important. */
	items: z.array(vpItemSchema).max(5_000)
});

const side = z.strictObject({ today: z.string().max(5000), target: z.string().max(5000) });

export const initiativeSchema = z.strictObject({
	id,
	support: z.enum(SUPPORTS),
	title: z.string().max(300),
	description: z.string().max(5000),
	owner: z.string().max(200),
	effort: z.enum(LEVELS).nullable(),
	impact: z.enum(LEVELS).nullable(),
	status: z.enum(INITIATIVE_STATUSES)
});

/** The five supports of the change plan, today and target, and the initiatives between them. */
export const changePlanSchema = z.strictObject({
	supports: z.strictObject({
		processes: side,
		organisation: side,
		locations: side,
		dataFlows: side,
		technology: side
	}),
	initiatives: z.array(initiativeSchema).max(2_000)
});

/** A 1–5 rating, or null when not rated. */
const rating = z.number().int().min(1).max(5).nullable();
const sElement = z.strictObject({
	today: z.string().max(5000),
	target: z.string().max(5000),
	alignment: rating
});

/** McKinsey 7-S: each element today and as targeted, and how well it is aligned (1–5). */
export const sevenSSchema = z.strictObject({
	strategy: sElement,
	structure: sElement,
	systems: sElement,
	style: sElement,
	staff: sElement,
	skills: sElement,
	sharedValues: sElement
});

const condition = z.strictObject({ rating, notes: z.string().max(2000) });

/** Porter's favourable conditions for the client's market, each rated 1–5 (5: most favourable). */
export const porterSchema = z.strictObject({
	entryBarriers: condition,
	rivals: condition,
	substitutes: condition,
	buyers: condition,
	suppliers: condition
});

export const channelSchema = z.strictObject({
	id,
	kind: z.enum(CHANNEL_KINDS),
	name: z.string().max(200),
	/** What one contact through this channel costs, in minor units. */
	costPerContact: money
});

export const channelConflictSchema = z.strictObject({
	id,
	description: z.string().max(2000),
	channelIds: z.array(id).max(100),
	resolution: z.string().max(2000)
});

/** Channels and products: the channel list, the matrices and the conflicts. */
export const channelsSchema = z.strictObject({
	list: z.array(channelSchema).max(500),
	/** `segmentId:channelId` → 1 (low), 2 (medium) or 3 (high); absent means not used. */
	preferences: z.record(z.string().max(140), z.number().int().min(1).max(3)),
	/** `offeringId:channelId:segmentId` for each product or service sold through a channel to a segment. */
	assignments: z.array(z.string().max(210)).max(100_000),
	conflicts: z.array(channelConflictSchema).max(500)
});

/** An experience rating, −2 (very poor) to +2 (excellent), or null when not rated. */
const experience = z.number().int().min(-2).max(2).nullable();

export const journeyStageSchema = z.strictObject({ id, name: z.string().max(200) });

export const touchpointSchema = z.strictObject({
	id,
	stageId: id,
	/** null: not tied to a channel yet. */
	channelId: id.nullable(),
	/** The segments that meet this touchpoint; null: every segment. */
	segmentIds: z.array(id).max(2_000).nullable(),
	name: z.string().max(200),
	/** The department that owns the touchpoint. */
	department: z.string().max(200),
	description: z.string().max(5000),
	pains: z.string().max(5000),
	/** A moment of truth: the contact that makes or breaks the relationship. */
	momentOfTruth: z.boolean(),
	ratingToday: experience,
	ratingTarget: experience,
	/** What happens today, and what should happen. */
	today: z.string().max(5000),
	target: z.string().max(5000),
	/** The change-plan initiative that moves it from today to target. */
	initiativeId: id.nullable()
});

/** The touchpoint map: journey stages in order, and the touchpoints (in order within a stage). */
export const journeySchema = z.strictObject({
	stages: z.array(journeyStageSchema).max(100),
	touchpoints: z.array(touchpointSchema).max(5_000)
});

export const workflowNodeSchema = z.strictObject({
	id,
	/** Today's workflow or the target one. */
	side: z.enum(SIDES),
	kind: z.enum(NODE_KINDS),
	label: z.string().max(200)
});

export const workflowEdgeSchema = z.strictObject({
	id,
	side: z.enum(SIDES),
	from: id,
	to: id,
	kind: z.enum(EDGE_KINDS),
	label: z.string().max(200)
});

/** The workflow and internal relationships, today and as targeted. */
export const workflowsSchema = z.strictObject({
	nodes: z.array(workflowNodeSchema).max(2_000),
	edges: z.array(workflowEdgeSchema).max(5_000)
});

/** A diagram written directly in Mermaid. */
export const freeDiagramSchema = z.strictObject({
	id,
	title: z.string().max(200),
	text: z.string().max(50_000)
});

/** Everything an engagement holds. Later areas add their parts here. */
export const engagementContentSchema = z
	.strictObject({
		profile: profileSchema,
		team: z.array(teamMemberSchema).max(10_000),
		/** Added after the first files were written; a file without it has no segments. */
		segments: z.array(segmentSchema).max(2_000).default([]),
		valueProposition: valuePropositionSchema.default({
			positioning: null,
			positioningRationale: '',
			brandPromise: '',
			items: []
		}),
		changePlan: changePlanSchema.default(() => structuredClone(BLANK_CHANGE_PLAN)),
		sevenS: sevenSSchema.default(() => structuredClone(BLANK_SEVEN_S)),
		porter: porterSchema.default(() => structuredClone(BLANK_PORTER)),
		channels: channelsSchema.default({ list: [], preferences: {}, assignments: [], conflicts: [] }),
		/** Workshop answers, by question id (see domain/strategy/questions.ts). */
		answers: z.record(z.string().regex(/^[a-z0-9-]{1,64}$/), z.string().max(10_000)).default({}),
		/* Touchpoint maps and diagrams (added after the first files: all default to empty). */
		journey: journeySchema.default({ stages: [], touchpoints: [] }),
		workflows: workflowsSchema.default({ nodes: [], edges: [] }),
		diagrams: z.array(freeDiagramSchema).max(200).default([])
	})
	.superRefine((content, ctx) => {
		// A touchpoint without its stage, or an edge without its nodes, would vanish on reading:
		// refuse the file instead, naming the place.
		const stages = new Set(content.journey.stages.map((s) => s.id));
		content.journey.touchpoints.forEach((t, i) => {
			if (!stages.has(t.stageId))
				ctx.addIssue({
					code: 'custom',
					path: ['journey', 'touchpoints', i, 'stageId'],
					params: { problem: 'unknownStage', ref: t.stageId }
				});
		});
		const sideOf = new Map(content.workflows.nodes.map((n) => [n.id, n.side]));
		content.workflows.edges.forEach((e, i) => {
			for (const end of ['from', 'to'] as const)
				if (sideOf.get(e[end]) !== e.side)
					ctx.addIssue({
						code: 'custom',
						path: ['workflows', 'edges', i, end],
						params: { problem: 'unknownNode', ref: e[end] }
					});
		});
	});
