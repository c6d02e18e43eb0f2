import { blankRoadmap } from '../src/lib/domain/roadmap/model.ts';
import {
	blankContent,
	type EngagementContent,
	type TeamMember
} from '../src/lib/domain/engagement/profile.ts';
import { blankSegment, type Segment } from '../src/lib/domain/strategy/model.ts';
import { blankBusinessCase } from '../src/lib/domain/business-case/model.ts';
import { blankTouchpoint, type Touchpoint } from '../src/lib/domain/journey/model.ts';
import {
	blankAnswer,
	type Answer,
	type AssessmentTemplate
} from '../src/lib/domain/assessment/model.ts';

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
		diagrams: [],
		assessmentTemplates: [],
		assessments: [],
		businessCase: blankBusinessCase('CNY'),
		roadmap: blankRoadmap()
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

const text = (en: string) => ({ 'zh-CN': en, 'zh-TW': en, en });

/**
 * A small assessment template with hand-checkable weights: dimension "a" (weight 2) holds q1
 * (weight 1) and q2 (weight 3); dimension "b" (weight 1) holds q3. Scale 1–5; stages start at
 * 1, 2 and 3.5.
 */
export function aTemplate(overrides: Partial<AssessmentTemplate> = {}): AssessmentTemplate {
	return {
		kind: 'crm-strategy-workbench/assessment-template',
		formatVersion: 1,
		id: 'test-model',
		version: '1.0.0',
		title: text('Test model'),
		description: text('A model for tests'),
		source: 'Tests',
		licence: 'CC0',
		dualScoring: false,
		scale: [1, 2, 3, 4, 5].map((value) => ({
			value,
			label: text(`Level ${value}`),
			descriptor: text(`What level ${value} looks like`)
		})),
		dimensions: [
			{
				id: 'a',
				title: text('Dimension A'),
				weight: 2,
				questions: [
					{ id: 'q1', text: text('Question 1'), weight: 1 },
					{ id: 'q2', text: text('Question 2'), weight: 3 }
				]
			},
			{
				id: 'b',
				title: text('Dimension B'),
				weight: 1,
				questions: [{ id: 'q3', text: text('Question 3'), weight: 1 }]
			}
		],
		stages: [
			{ id: 'initial', from: 1, name: text('Initial'), description: text('Starting') },
			{ id: 'developing', from: 2, name: text('Developing'), description: text('Growing') },
			{ id: 'defined', from: 3.5, name: text('Defined'), description: text('Defined') }
		],
		recommendations: [],
		...overrides
	};
}

export function anAnswer(
	participantId: string,
	questionId: string,
	current: number | null,
	target: number | null = null,
	overrides: Partial<Answer> = {}
): Answer {
	return { ...blankAnswer(participantId, questionId), current, target, ...overrides };
}
