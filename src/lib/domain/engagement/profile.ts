import type { z } from 'zod';
import type { engagementContentSchema, profileSchema, teamMemberSchema } from '../schemas.ts';
import { BLANK_CHANGE_PLAN, BLANK_PORTER, BLANK_SEVEN_S } from '../strategy/change-plan.ts';
import { blankBusinessCase } from '../business-case/model.ts';
import { blankRoadmap } from '../roadmap/model.ts';

export const COMPANY_SIZES = ['sme', 'enterprise'] as const;
export type CompanySize = (typeof COMPANY_SIZES)[number];

export const TEAM_SIDES = ['client', 'consultancy', 'vendor'] as const;
export type TeamSide = (typeof TEAM_SIDES)[number];

/** ISO 4217 codes offered first in the currency picker; any other valid code is accepted too. */
export const COMMON_CURRENCIES = [
	'CNY',
	'HKD',
	'TWD',
	'MOP',
	'SGD',
	'USD',
	'EUR',
	'GBP',
	'JPY',
	'KRW',
	'AUD'
] as const;

// The types come from the zod schemas in schemas.ts (one definition for validation and types);
// a type-only import keeps zod out of the code that merely uses the data.
export type Profile = z.infer<typeof profileSchema>;
export type ProfileField = keyof Profile;
export type TeamMember = z.infer<typeof teamMemberSchema>;
export type EngagementContent = z.infer<typeof engagementContentSchema>;

export function blankProfile(name: string, reportLanguage: Profile['reportLanguage']): Profile {
	return {
		name,
		client: '',
		industry: '',
		companySize: null,
		region: '',
		currency: reportLanguage === 'zh-TW' ? 'TWD' : reportLanguage === 'zh-CN' ? 'CNY' : 'USD',
		reportLanguage,
		fiscalYearStartMonth: 1,
		sponsor: '',
		consultant: '',
		notes: ''
	};
}

export function blankContent(
	name: string,
	reportLanguage: Profile['reportLanguage']
): EngagementContent {
	const profile = blankProfile(name, reportLanguage);
	return {
		profile,
		team: [],
		segments: [],
		valueProposition: { positioning: null, positioningRationale: '', brandPromise: '', items: [] },
		changePlan: structuredClone(BLANK_CHANGE_PLAN),
		sevenS: structuredClone(BLANK_SEVEN_S),
		porter: structuredClone(BLANK_PORTER),
		channels: { list: [], preferences: {}, assignments: [], conflicts: [] },
		answers: {},
		journey: { stages: [], touchpoints: [] },
		workflows: { nodes: [], edges: [] },
		diagrams: [],
		assessmentTemplates: [],
		assessments: [],
		businessCase: blankBusinessCase(profile.currency),
		roadmap: blankRoadmap()
	};
}

/** The fields that the engagement list shows, kept beside the document for fast listing. */
export function indexFields(profile: Profile): { name: string; client: string; industry: string } {
	return { name: profile.name, client: profile.client, industry: profile.industry };
}
