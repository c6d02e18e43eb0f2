import type { z } from 'zod';
import type {
	channelConflictSchema,
	channelSchema,
	channelsSchema,
	changePlanSchema,
	initiativeSchema,
	porterSchema,
	sevenSSchema,
	segmentNeedSchema,
	segmentSchema,
	valuePropositionSchema,
	vpItemSchema
} from '../schemas.ts';

/** The types of the strategy studio's data; the zod schemas in schemas.ts define them. */

export const NEED_MODES = ['push', 'pull'] as const;
export type NeedMode = (typeof NEED_MODES)[number];

export type Segment = z.infer<typeof segmentSchema>;
export type SegmentNeed = z.infer<typeof segmentNeedSchema>;
export type ValueProposition = z.infer<typeof valuePropositionSchema>;
export type VpItem = z.infer<typeof vpItemSchema>;
export type Channel = z.infer<typeof channelSchema>;
export type ChannelConflict = z.infer<typeof channelConflictSchema>;
export type Channels = z.infer<typeof channelsSchema>;
export type ChangePlan = z.infer<typeof changePlanSchema>;
export type Initiative = z.infer<typeof initiativeSchema>;
export type SevenSView = z.infer<typeof sevenSSchema>;
export type PorterView = z.infer<typeof porterSchema>;

export function blankValueProposition(): ValueProposition {
	return { positioning: null, positioningRationale: '', brandPromise: '', items: [] };
}

export function blankSegment(id: string, name: string): Segment {
	return {
		id,
		name,
		description: '',
		customers: 0,
		revenue: 0,
		grossMargin: 0,
		retention: 0,
		acquisitionCost: 0,
		costToServe: 0,
		growth: 0,
		tierOverride: null,
		tierOverrideReason: '',
		needs: [],
		understanding: '',
		sources: '',
		shareToKeep: null,
		walletGoal: null,
		crossSell: '',
		upSell: '',
		management: null,
		managementNotes: '',
		tactics: []
	};
}
