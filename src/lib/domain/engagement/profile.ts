import { z } from 'zod';
import { localeSchema } from '../locales.ts';

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
export type Profile = z.infer<typeof profileSchema>;
export type ProfileField = keyof Profile;

export const teamMemberSchema = z.strictObject({
	id: z.string().min(1).max(64),
	name: z.string().max(200),
	role: shortText,
	side: z.enum(TEAM_SIDES),
	email: z.union([z.literal(''), z.email().max(254)])
});
export type TeamMember = z.infer<typeof teamMemberSchema>;

/** The same check as the file format's, so that whatever the form accepts also imports. */
export function isValidEmail(value: string): boolean {
	return teamMemberSchema.shape.email.safeParse(value).success;
}

/** Everything an engagement holds. Later areas add their parts here. */
export const engagementContentSchema = z.strictObject({
	profile: profileSchema,
	team: z.array(teamMemberSchema).max(10_000)
});
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
	return { profile: blankProfile(name, reportLanguage), team: [] };
}

/** The fields that the engagement list shows, kept beside the document for fast listing. */
export function indexFields(profile: Profile): { name: string; client: string; industry: string } {
	return { name: profile.name, client: profile.client, industry: profile.industry };
}
