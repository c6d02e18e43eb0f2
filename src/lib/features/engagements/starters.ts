import type { Starter, TemplateLookup } from '#lib/domain/formats/starter.ts';
import { templateKey, type AssessmentTemplate } from '#lib/domain/assessment/model.ts';
import type { Problem } from '#lib/domain/formats/problems.ts';
import type { Locale } from '#lib/domain/locales.ts';

const files = import.meta.glob<unknown>('/templates/engagements/*.json', { import: 'default' });

export interface StarterLoad {
	starters: Starter[];
	broken: Array<{ file: string; problems: Problem[] }>;
	/** The bundled assessment models that starters' assessment runs use. */
	templates: TemplateLookup;
}

/** Loads the starter files bundled from templates/engagements/, checking each one. */
export async function loadStarters(locale: Locale): Promise<StarterLoad> {
	const [{ readStarter, checkStarterAssessments }, { loadBundledTemplates }] = await Promise.all([
		import('#lib/domain/formats/starter.ts'),
		import('#lib/features/templates/index.ts')
	]);
	const { templates } = await loadBundledTemplates(locale);
	const lookup = templateLookup(templates);
	const starters: Starter[] = [];
	const broken: StarterLoad['broken'] = [];
	for (const [path, load] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
		const file = path.replace(/^\//, '');
		const result = readStarter(file, await load(), locale);
		const problems = result.ok
			? checkStarterAssessments(result.starter, lookup, locale)
			: result.problems;
		if (result.ok && problems.length === 0) starters.push(result.starter);
		else broken.push({ file, problems });
	}
	starters.sort((a, b) => Number(b.sample) - Number(a.sample));
	return { starters, broken, templates: lookup };
}

export function templateLookup(templates: readonly AssessmentTemplate[]): TemplateLookup {
	const byKey = new Map(templates.map((t) => [templateKey(t.id, t.version), t]));
	return (id, version) => byKey.get(templateKey(id, version));
}
