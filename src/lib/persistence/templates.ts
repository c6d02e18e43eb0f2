import type { WorkbenchDb } from './db.ts';

/** The rows of imported assessment templates, each version kept. */
export async function listImportedTemplates(db: WorkbenchDb): Promise<unknown[]> {
	const rows = await db.templates.where('kind').equals('assessment').sortBy('key');
	return rows.map((r) => r.template);
}

export type SaveTemplateResult = 'added' | 'unchanged' | 'conflict';

/**
 * Keeps an imported template version. A version is never overwritten: the same content again
 * changes nothing, different content under a version already kept is refused.
 */
export async function saveImportedTemplate<T extends { id: string; version: string }>(
	db: WorkbenchDb,
	template: T,
	now: number
): Promise<SaveTemplateResult> {
	const key = `${template.id}@${template.version}`;
	return db.transaction('rw', db.templates, async () => {
		const old = await db.templates.get(key);
		if (old)
			return JSON.stringify(old.template) === JSON.stringify(template) ? 'unchanged' : 'conflict';
		await db.templates.add({
			key,
			kind: 'assessment',
			templateId: template.id,
			version: template.version,
			template,
			importedAt: now
		});
		return 'added';
	});
}

export async function removeImportedTemplate(db: WorkbenchDb, key: string): Promise<void> {
	await db.templates.delete(key);
}
