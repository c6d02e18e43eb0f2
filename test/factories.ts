import {
	blankContent,
	type EngagementContent,
	type TeamMember
} from '../src/lib/domain/engagement/profile.ts';
import { blankSegment, type Segment } from '../src/lib/domain/strategy/model.ts';
import { blankTouchpoint, type Touchpoint } from '../src/lib/domain/journey/model.ts';

/** Test data that reads like the domain. */
export function aTeamMember(overrides: Partial<TeamMember> = {}): TeamMember {
	return {
		id: 'm1',
		name: '王敏',
		role: '项目经理',
		side: 'client',
		email: 'wang.min@example.com',
		...overrides
	};
}

export function anEngagement(
	overrides: Partial<EngagementContent['profile']> = {},
	team: TeamMember[] = [],
	segments: Segment[] = []
): EngagementContent {
	const content = blankContent('零售银行 CRM 转型', 'zh-CN');
	return {
		profile: {
			...content.profile,
			client: '澄湖银行',
			industry: 'Banking',
			companySize: 'enterprise',
			region: '华东',
			currency: 'CNY',
			fiscalYearStartMonth: 1,
			sponsor: 'Deputy president, retail',
			consultant: 'Lin & Partners',
			notes: 'Strategy first.',
			...overrides
		},
		team,
		segments,
		valueProposition: { positioning: null, positioningRationale: '', brandPromise: '', items: [] },
		changePlan: content.changePlan,
		sevenS: content.sevenS,
		porter: content.porter,
		channels: content.channels,
		answers: {},
		journey: content.journey,
		workflows: content.workflows,
		diagrams: []
	};
}

/** A wealth-management segment with hand-checkable numbers (money in fen). */
export function aSegment(overrides: Partial<Segment> = {}): Segment {
	return {
		...blankSegment('s1', '财富客户'),
		description: 'Clients with more than ¥500,000 in assets',
		customers: 42_000,
		revenue: 1_260_000_000_00,
		grossMargin: 0.55,
		retention: 0.92,
		acquisitionCost: 3_500_00,
		costToServe: 1_200_00,
		growth: 0.08,
		needs: [{ id: 'n1', text: 'A named relationship manager', mode: 'pull' }],
		...overrides
	};
}

/** A touchpoint named after its id, at `stageId`, with no channel. */
export function aTouchpoint(
	id: string,
	stageId: string,
	overrides: Partial<Touchpoint> = {}
): Touchpoint {
	return { ...blankTouchpoint(id, stageId, null), name: id, ...overrides };
}
