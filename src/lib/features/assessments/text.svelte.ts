import type {
	AssessmentTemplate,
	Participant,
	TemplateQuestion
} from '#lib/domain/assessment/model.ts';
import type { TemplateFileError } from '#lib/domain/formats/assessment-template.ts';
import { i18n } from '#lib/i18n/i18n.svelte.ts';

/** A template's text in the UI language (templates are written in all three). */
export const tx = (text: { en: string; 'zh-CN': string; 'zh-TW': string }) => text[i18n.locale];

/** A participant's name, or "Anonymous 2" for one who gave none. */
export function participantName(p: Participant, index: number): string {
	return p.name.trim() || i18n.t('assess.anonymous', { n: index + 1 });
}

/** A score on the level scale, for display (one decimal), or a dash. */
export const level = (v: number | null | undefined) =>
	v === null || v === undefined
		? '—'
		: i18n.number(v, { maximumFractionDigits: 1, minimumFractionDigits: 1 });

/** What is wrong with a template file, and how to fix it, in the user's language. */
export function describeTemplateError(error: TemplateFileError, file: string): string[] {
	const t = i18n.t;
	switch (error.code) {
		case 'tooLarge':
			return [
				t('tpl.error.tooLarge', {
					file,
					size: Math.ceil(error.bytes / 1048576),
					limit: error.limitBytes / 1048576
				})
			];
		case 'notJson':
			return [t('tpl.error.notJson', { file })];
		case 'tooDeep':
			return [t('tpl.error.tooDeep', { file, limit: error.limit })];
		case 'tooManyItems':
			return [t('tpl.error.tooManyItems', { file, limit: i18n.number(error.limit) })];
		case 'forbiddenKey':
			return [t('tpl.error.forbiddenKey', { file, key: error.key, path: error.path })];
		case 'wrongKind':
			return [t('tpl.error.wrongKind', { file })];
		case 'newerVersion':
			return [
				t('tpl.error.newerVersion', { file, found: error.found, supported: error.supported })
			];
		case 'invalid':
			return [
				t('tpl.error.invalid', { file }),
				...error.problems.map((p) =>
					t('import.error.problem', { path: p.path, message: p.message })
				)
			];
	}
}

/** What a level means for a question: its own descriptor if it has one, else the scale's. */
export function descriptorOf(
	template: AssessmentTemplate,
	question: TemplateQuestion,
	value: number
): string {
	const own = question.levels?.find((l) => l.value === value);
	const general = template.scale.find((l) => l.value === value);
	return own ? tx(own.descriptor) : general ? tx(general.descriptor) : '';
}

export function labelOf(template: AssessmentTemplate, value: number): string {
	const l = template.scale.find((x) => x.value === value);
	return l ? tx(l.label) : String(value);
}

/** The levels a question is scored on: today and the target, and the plan in a dual-scored model. */
export function levelFields(template: AssessmentTemplate | null | undefined) {
	return template?.dualScoring
		? (['current', 'intention', 'target'] as const)
		: (['current', 'target'] as const);
}
