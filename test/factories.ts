import {
	blankContent,
	type EngagementContent,
	type TeamMember
} from '../src/lib/domain/engagement/profile.ts';

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
	team: TeamMember[] = []
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
		team
	};
}
