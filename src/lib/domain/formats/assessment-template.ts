import type { Locale } from '../locales.ts';
import {
	ASSESSMENT_TEMPLATE_FORMAT_VERSION,
	ASSESSMENT_TEMPLATE_KIND,
	type AssessmentTemplate
} from '../assessment/model.ts';
import { assessmentTemplateSchema } from '../schemas.ts';
import { parseJsonSafely, type SafeJsonError } from './safe-json.ts';
import { problemsFromZod, type Problem } from './problems.ts';
import { errorMap } from './references.ts';

/**
 * Assessment template files (templates/assessments/*.json, or a firm's own file imported in
 * the app): checked whole before anything is kept, so a bad file changes nothing. The format is
 * documented in templates/README.md and published as JSON Schema (static/schemas/).
 */

/** A template is text, not data: 2 MB is far more than the largest model needs. */
export const MAX_TEMPLATE_BYTES = 2 * 1024 * 1024;
/** List items a template file may hold; the bundled models hold about 130 each. */
export const MAX_TEMPLATE_ITEMS = 50_000;

export type TemplateFileError =
	| SafeJsonError
	| { code: 'wrongKind' }
	| { code: 'newerVersion'; found: number; supported: number }
	| { code: 'invalid'; problems: Problem[] };

export type TemplateResult =
	{ ok: true; template: AssessmentTemplate } | { ok: false; error: TemplateFileError };

/** Checks data already parsed (a bundled file). */
export function checkAssessmentTemplate(data: unknown, locale: Locale): TemplateResult {
	if (data === null || typeof data !== 'object' || Array.isArray(data))
		return { ok: false, error: { code: 'wrongKind' } };
	const raw = data as Record<string, unknown>;
	if (raw.kind !== ASSESSMENT_TEMPLATE_KIND) return { ok: false, error: { code: 'wrongKind' } };
	if (
		typeof raw.formatVersion === 'number' &&
		raw.formatVersion > ASSESSMENT_TEMPLATE_FORMAT_VERSION
	)
		return {
			ok: false,
			error: {
				code: 'newerVersion',
				found: raw.formatVersion,
				supported: ASSESSMENT_TEMPLATE_FORMAT_VERSION
			}
		};
	const result = assessmentTemplateSchema.safeParse(data, { error: errorMap(locale) });
	if (!result.success)
		return { ok: false, error: { code: 'invalid', problems: problemsFromZod(result.error) } };
	return { ok: true, template: result.data };
}

/** Reads a template file's text (a user's import): size, nesting, list items and hostile keys first. */
export function readAssessmentTemplate(
	text: string,
	locale: Locale,
	byteLength = text.length * 2
): TemplateResult {
	const parsed = parseJsonSafely(text, byteLength, MAX_TEMPLATE_BYTES, MAX_TEMPLATE_ITEMS);
	if (!parsed.ok) return parsed;
	return checkAssessmentTemplate(parsed.value, locale);
}
