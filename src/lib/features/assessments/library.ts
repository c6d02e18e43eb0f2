import {
	compareVersions,
	templateKey,
	type AssessmentTemplate
} from '#lib/domain/assessment/model.ts';
import type { TemplateFileError } from '#lib/domain/formats/assessment-template.ts';
import type { Problem } from '#lib/domain/formats/problems.ts';
import type { Locale } from '#lib/domain/locales.ts';
import type { WorkbenchDb } from '#lib/persistence/db.ts';
import {
	listImportedTemplates,
	saveImportedTemplate,
	type SaveTemplateResult
} from '#lib/persistence/templates.ts';

import { loadBundledTemplates } from '#lib/features/templates/index.ts';

const format = () => import('#lib/domain/formats/assessment-template.ts');

export interface LibraryEntry {
	template: AssessmentTemplate;
	/** Bundled with the app (a file under templates/assessments/) or imported by the user. */
	origin: 'bundled' | 'imported';
}

export interface TemplateLibrary {
	/** Every version of every model, by model id, the latest version first. */
	models: Map<string, LibraryEntry[]>;
	/** Bundled files or imported rows that no longer pass the format (never offered). */
	broken: Array<{ file: string; problems: Problem[] }>;
}

/** Loads the bundled templates and the user's imported ones, checking each. */
export async function loadLibrary(db: WorkbenchDb, locale: Locale): Promise<TemplateLibrary> {
	const { checkAssessmentTemplate } = await format();
	const entries: LibraryEntry[] = [];
	const broken: TemplateLibrary['broken'] = [];
	const take = (file: string, data: unknown, origin: LibraryEntry['origin']) => {
		const result = checkAssessmentTemplate(data, locale);
		if (result.ok) entries.push({ template: result.template, origin });
		else
			broken.push({
				file,
				problems: result.error.code === 'invalid' ? result.error.problems : []
			});
	};
	const bundled = await loadBundledTemplates(locale);
	entries.push(...bundled.templates.map((template) => ({ template, origin: 'bundled' as const })));
	broken.push(...bundled.broken);
	for (const data of await listImportedTemplates(db)) {
		const t = data as { id?: unknown; version?: unknown };
		take(`${String(t.id)}@${String(t.version)}`, data, 'imported');
	}
	const models = new Map<string, LibraryEntry[]>();
	const seen = new Set<string>();
	for (const entry of entries) {
		const key = templateKey(entry.template.id, entry.template.version);
		if (seen.has(key)) continue; // a bundled version wins over an import of the same one
		seen.add(key);
		const list = models.get(entry.template.id) ?? [];
		list.push(entry);
		models.set(entry.template.id, list);
	}
	for (const list of models.values())
		list.sort((a, b) => compareVersions(b.template.version, a.template.version));
	return { models, broken };
}

export type ImportOutcome =
	| { ok: true; template: AssessmentTemplate; result: SaveTemplateResult | 'bundled' }
	| { ok: false; error: TemplateFileError };

/** Reads a user's template file and keeps it in the library; a bad file changes nothing. */
export async function importTemplate(
	db: WorkbenchDb,
	library: TemplateLibrary,
	file: File,
	locale: Locale
): Promise<ImportOutcome> {
	const { readAssessmentTemplate, MAX_TEMPLATE_BYTES } = await format();
	if (file.size > MAX_TEMPLATE_BYTES)
		return {
			ok: false,
			error: { code: 'tooLarge', bytes: file.size, limitBytes: MAX_TEMPLATE_BYTES }
		};
	const read = readAssessmentTemplate(await file.text(), locale, file.size);
	if (!read.ok) return read;
	const same = library.models
		.get(read.template.id)
		?.find((e) => e.template.version === read.template.version);
	if (same?.origin === 'bundled') {
		const identical = JSON.stringify(same.template) === JSON.stringify(read.template);
		return { ok: true, template: read.template, result: identical ? 'unchanged' : 'bundled' };
	}
	return {
		ok: true,
		template: read.template,
		result: await saveImportedTemplate(db, read.template, Date.now())
	};
}

/** Zod's full check of a template copy kept in an engagement, once per copy. */
const checked = new WeakMap<object, AssessmentTemplate | null>();
export async function pinnedChecker(locale: Locale) {
	const { checkAssessmentTemplate } = await format();
	return (template: AssessmentTemplate): AssessmentTemplate | null => {
		let result = checked.get(template);
		if (result === undefined) {
			const r = checkAssessmentTemplate(template, locale);
			result = r.ok ? r.template : null;
			checked.set(template, result);
		}
		return result;
	};
}
