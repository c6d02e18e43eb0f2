import type { AssessmentTemplate } from '#lib/domain/assessment/model.ts';
import type { Problem } from '#lib/domain/formats/problems.ts';
import type { Locale } from '#lib/domain/locales.ts';
import type { BusinessCaseTemplate } from '#lib/domain/formats/business-case-template.ts';
import type { RoadmapTemplate } from '#lib/domain/formats/roadmap-template.ts';

const files = import.meta.glob<unknown>('/templates/assessments/*.json', { import: 'default' });

export interface BundledTemplates {
	templates: AssessmentTemplate[];
	broken: Array<{ file: string; problems: Problem[] }>;
}

/** The models bundled from templates/assessments/, each checked; a broken file is listed, not offered. */
export async function loadBundledTemplates(locale: Locale): Promise<BundledTemplates> {
	const { checkAssessmentTemplate } = await import('#lib/domain/formats/assessment-template.ts');
	const templates: AssessmentTemplate[] = [];
	const broken: BundledTemplates['broken'] = [];
	for (const [path, load] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
		const file = path.replace(/^\//, '');
		const result = checkAssessmentTemplate(await load(), locale);
		if (result.ok) templates.push(result.template);
		else
			broken.push({ file, problems: result.error.code === 'invalid' ? result.error.problems : [] });
	}
	return { templates, broken };
}

const caseFiles = import.meta.glob<unknown>('/templates/business-cases/*.json', {
	import: 'default'
});

export interface BundledCaseTemplates {
	templates: BusinessCaseTemplate[];
	broken: Array<{ file: string; problems: Problem[] }>;
}

/** The business-case templates bundled from templates/business-cases/, each checked. */
export async function loadBusinessCaseTemplates(locale: Locale): Promise<BundledCaseTemplates> {
	const { checkBusinessCaseTemplate } =
		await import('#lib/domain/formats/business-case-template.ts');
	const templates: BusinessCaseTemplate[] = [];
	const broken: BundledCaseTemplates['broken'] = [];
	for (const [path, load] of Object.entries(caseFiles).sort(([a], [b]) => a.localeCompare(b))) {
		const result = checkBusinessCaseTemplate(await load(), locale);
		if (result.ok) templates.push(result.template);
		else broken.push({ file: path.replace(/^\//, ''), problems: result.problems });
	}
	return { templates, broken };
}

const roadmapFiles = import.meta.glob<unknown>('/templates/roadmaps/*.json', { import: 'default' });

export interface BundledRoadmapTemplates {
	templates: RoadmapTemplate[];
	broken: Array<{ file: string; problems: Problem[] }>;
}

/** The roadmap templates bundled from templates/roadmaps/, each checked. */
export async function loadRoadmapTemplates(locale: Locale): Promise<BundledRoadmapTemplates> {
	const { checkRoadmapTemplate } = await import('#lib/domain/formats/roadmap-template.ts');
	const templates: RoadmapTemplate[] = [];
	const broken: BundledRoadmapTemplates['broken'] = [];
	for (const [path, load] of Object.entries(roadmapFiles).sort(([a], [b]) => a.localeCompare(b))) {
		const result = checkRoadmapTemplate(await load(), locale);
		if (result.ok) templates.push(result.template);
		else broken.push({ file: path.replace(/^\//, ''), problems: result.problems });
	}
	return { templates, broken };
}
