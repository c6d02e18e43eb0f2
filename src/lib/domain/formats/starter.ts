import { z } from 'zod';
import { COMPANY_SIZES, TEAM_SIDES, type EngagementContent } from '../engagement/profile.ts';
import type { Locale } from '../locales.ts';
import { localizedTextSchema, segmentSchema } from '../schemas.ts';
import { NEED_MODES } from '../strategy/model.ts';
import { problemsFromZod, type Problem } from './problems.ts';
import { zodErrorMap } from './zod-locale.ts';

/**
 * A starter: a hand-editable file under templates/engagements/ from which a new engagement is
 * made. Its texts are written in all three languages; the engagement takes the language the
 * user picks when creating it. See templates/README.md.
 */
export const STARTER_KIND = 'crm-strategy-workbench/engagement-starter';
export const STARTER_FORMAT_VERSION = 1;

const lt = localizedTextSchema;

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
					.omit({ id: true, name: true, description: true, tierOverrideReason: true, needs: true })
					.extend({
						name: lt,
						description: lt,
						tierOverrideReason: lt,
						needs: z.array(z.strictObject({ text: lt, mode: z.enum(NEED_MODES) })).max(100)
					})
			)
			.max(200)
			.default([])
	})
	.meta({
		title: 'CRM Strategy Workbench engagement starter',
		description:
			'A template from which a new engagement is created, with texts in zh-CN, zh-TW and en.'
	});
export type Starter = z.infer<typeof starterSchema>;

export type StarterResult =
	{ ok: true; starter: Starter } | { ok: false; file: string; problems: Problem[] };

export function readStarter(file: string, data: unknown, locale: Locale): StarterResult {
	const result = starterSchema.safeParse(data, { error: zodErrorMap(locale) });
	if (!result.success) return { ok: false, file, problems: problemsFromZod(result.error) };
	return { ok: true, starter: result.data };
}

/** The engagement content a starter gives, in one language. */
export function instantiateStarter(
	starter: Starter,
	locale: Locale,
	newId: () => string
): EngagementContent {
	const p = starter.profile;
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
		team: starter.team.map((m) => ({
			id: newId(),
			name: m.name[locale],
			role: m.role[locale],
			side: m.side,
			email: m.email
		})),
		segments: starter.segments.map((seg) => ({
			...seg,
			id: newId(),
			name: seg.name[locale],
			description: seg.description[locale],
			tierOverrideReason: seg.tierOverrideReason[locale],
			needs: seg.needs.map((n) => ({ id: newId(), text: n.text[locale], mode: n.mode }))
		}))
	};
}
