import { z } from 'zod';
import type { Locale } from '../locales.ts';
import {
	benefitLineSchema,
	costLineSchema,
	localizedTextSchema,
	semver,
	templateRef
} from '../schemas.ts';
import type { BusinessCase } from '../business-case/model.ts';
import { LIMITS } from '../business-case/model.ts';
import { problemsFromZod, type Problem } from './problems.ts';
import { errorMap, type RefProblem } from './references.ts';

/**
 * Business-case templates (templates/business-cases/*.json): options with their typical cost
 * and benefit lines, written in the three languages, with amounts in minor units of the
 * template's `currency`. Benefit lines that count a segment's customers or move contacts
 * between channels leave the segment and channels to the user (the template cannot know them).
 */
export const BUSINESS_CASE_TEMPLATE_KIND = 'crm-strategy-workbench/business-case-template';
export const BUSINESS_CASE_TEMPLATE_FORMAT_VERSION = 1;

const lt = localizedTextSchema;

/** The case itself: settings, options and lines (shared with engagement starters). */
export const businessCaseBodySchema = z.strictObject({
	horizon: z.number().int().min(LIMITS.horizon.min).max(LIMITS.horizon.max),
	discountRate: z.number().min(LIMITS.discountRate.min).max(LIMITS.discountRate.max),
	options: z
		.array(
			z.strictObject({
				ref: templateRef,
				name: lt,
				description: lt,
				baseline: z.boolean().default(false)
			})
		)
		.min(1)
		.max(20),
	preferred: templateRef.nullable().default(null),
	costs: z
		.array(
			costLineSchema.omit({ id: true, optionId: true, label: true }).extend({
				option: templateRef,
				label: lt
			})
		)
		.max(500),
	benefits: z
		.array(
			benefitLineSchema
				.omit({
					id: true,
					optionId: true,
					label: true,
					rationale: true,
					segmentId: true,
					fromChannelId: true,
					toChannelId: true
				})
				.extend({ option: templateRef, label: lt, rationale: lt })
		)
		.max(500)
});

/** Options have distinct refs, one baseline at most, and lines name options that exist. */
export function checkCaseRefs(
	t: {
		options: { ref: string; baseline: boolean }[];
		preferred: string | null;
		costs: { option: string }[];
		benefits: { option: string }[];
	},
	ctx: z.RefinementCtx,
	at: (string | number)[] = []
) {
	const options = new Set(t.options.map((o) => o.ref));
	const issue = (path: (string | number)[], problem: RefProblem, ref: string) =>
		ctx.addIssue({ code: 'custom', path: [...at, ...path], params: { problem, ref } });
	if (options.size !== t.options.length) issue(['options'], 'duplicateId', '');
	if (t.options.filter((o) => o.baseline).length > 1) issue(['options'], 'oneBaseline', '');
	if (t.preferred !== null && !options.has(t.preferred))
		issue(['preferred'], 'unknownOption', t.preferred);
	t.costs.forEach((l, i) => {
		if (!options.has(l.option)) issue(['costs', i, 'option'], 'unknownOption', l.option);
	});
	t.benefits.forEach((l, i) => {
		if (!options.has(l.option)) issue(['benefits', i, 'option'], 'unknownOption', l.option);
	});
}

export const businessCaseTemplateSchema = businessCaseBodySchema
	.extend({
		kind: z.literal(BUSINESS_CASE_TEMPLATE_KIND),
		formatVersion: z.literal(BUSINESS_CASE_TEMPLATE_FORMAT_VERSION),
		id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/),
		version: semver,
		title: lt,
		description: lt,
		source: z.string().trim().min(1).max(1000),
		licence: z.string().trim().min(1).max(300),
		currency: z.string().regex(/^[A-Z]{3}$/)
	})
	.superRefine((t, ctx) => checkCaseRefs(t, ctx))
	.meta({
		title: 'CRM Strategy Workbench business-case template',
		description:
			'Options of a CRM programme with their typical cost and benefit lines, texts in zh-CN, zh-TW and en.'
	});
export type BusinessCaseTemplate = z.infer<typeof businessCaseTemplateSchema>;

export type BusinessCaseTemplateResult =
	{ ok: true; template: BusinessCaseTemplate } | { ok: false; problems: Problem[] };

export function checkBusinessCaseTemplate(
	data: unknown,
	locale: Locale
): BusinessCaseTemplateResult {
	const result = businessCaseTemplateSchema.safeParse(data, { error: errorMap(locale) });
	if (!result.success) return { ok: false, problems: problemsFromZod(result.error) };
	return { ok: true, template: result.data };
}

/** The business case a template gives, in one language, with new ids. */
export function instantiateBusinessCase(
	t: BusinessCaseTemplate,
	locale: Locale,
	newId: () => string
): BusinessCase {
	const ids = new Map(t.options.map((o) => [o.ref, newId()]));
	return {
		settings: { horizon: t.horizon, discountRate: t.discountRate, currency: t.currency },
		options: t.options.map((o) => ({
			id: ids.get(o.ref)!,
			name: o.name[locale],
			description: o.description[locale],
			baseline: o.baseline
		})),
		costs: t.costs.map(({ option, label, ...line }) => ({
			...line,
			id: newId(),
			optionId: ids.get(option)!,
			label: label[locale]
		})),
		benefits: t.benefits.map(({ option, label, rationale, ...line }) => ({
			...line,
			id: newId(),
			optionId: ids.get(option)!,
			label: label[locale],
			rationale: rationale[locale],
			segmentId: null,
			fromChannelId: null,
			toChannelId: null
		})),
		preferredOptionId: t.preferred === null ? null : (ids.get(t.preferred) ?? null)
	};
}
