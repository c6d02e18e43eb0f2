import type { z } from 'zod';
import type {
	freeDiagramSchema,
	journeySchema,
	journeyStageSchema,
	touchpointSchema,
	workflowEdgeSchema,
	workflowNodeSchema,
	workflowsSchema
} from '../schemas.ts';

/**
 * Touchpoint maps and workflow diagrams: journey stages × channels × segments, each touchpoint
 * rated today and as targeted; the internal workflow as nodes and labelled edges, today and as
 * targeted; and free diagrams written in Mermaid. The zod schemas in schemas.ts define the types.
 */

/** An experience rating: −2 (very poor) to +2 (excellent). */
export const RATINGS = [-2, -1, 0, 1, 2] as const;
export type Rating = (typeof RATINGS)[number];

/** The message key of each experience rating's words (a sign, a number and a word). */
export const RATING_KEYS = {
	[-2]: 'rating.neg2',
	[-1]: 'rating.neg1',
	0: 'rating.zero',
	1: 'rating.pos1',
	2: 'rating.pos2'
} as const satisfies Record<Rating, string>;

export const isRating = (v: unknown): v is Rating =>
	typeof v === 'number' && (RATINGS as readonly number[]).includes(v);

/** The two states a map or a workflow is drawn in. */
export const SIDES = ['today', 'target'] as const;
export type Side = (typeof SIDES)[number];

export const NODE_KINDS = ['customer', 'department', 'role', 'system', 'dataStore'] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

/** A hand-off of work between people, or a flow of data between systems. */
export const EDGE_KINDS = ['handoff', 'dataFlow'] as const;
export type EdgeKind = (typeof EDGE_KINDS)[number];

/** Starting sets of journey stages (their names are translated when they are added). */
export const STAGE_STARTERS = {
	lifecycle: ['awareness', 'consideration', 'purchase', 'onboarding', 'service', 'loyalty'],
	functions: ['marketing', 'sales', 'service', 'support']
} as const;
export type StageStarter = keyof typeof STAGE_STARTERS;
export const STAGE_STARTER_NAMES = Object.keys(STAGE_STARTERS) as StageStarter[];

export type JourneyStage = z.infer<typeof journeyStageSchema>;
export type Touchpoint = z.infer<typeof touchpointSchema>;
export type Journey = z.infer<typeof journeySchema>;
export type WorkflowNode = z.infer<typeof workflowNodeSchema>;
export type WorkflowEdge = z.infer<typeof workflowEdgeSchema>;
export type Workflows = z.infer<typeof workflowsSchema>;
export type FreeDiagram = z.infer<typeof freeDiagramSchema>;

export function blankTouchpoint(id: string, stageId: string, channelId: string | null): Touchpoint {
	return {
		id,
		stageId,
		channelId,
		segmentIds: null,
		name: '',
		department: '',
		description: '',
		pains: '',
		momentOfTruth: false,
		ratingToday: null,
		ratingTarget: null,
		today: '',
		target: '',
		initiativeId: null
	};
}

/** Whether a touchpoint serves a segment (null: every segment). */
export const serves = (t: Pick<Touchpoint, 'segmentIds'>, segmentId: string | null): boolean =>
	segmentId === null || t.segmentIds === null || t.segmentIds.includes(segmentId);

/** A touchpoint's rating today or as targeted, or null when not rated. */
export function ratingOf(t: Touchpoint, side: Side): Rating | null {
	const r = side === 'today' ? t.ratingToday : t.ratingTarget;
	return isRating(r) ? r : null;
}
