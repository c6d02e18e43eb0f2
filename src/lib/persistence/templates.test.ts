import { afterEach, describe, expect, it } from 'vitest';
import { openDb, type WorkbenchDb } from './db.ts';
import {
	listImportedTemplates,
	removeImportedTemplate,
	saveImportedTemplate
} from './templates.ts';

let db: WorkbenchDb | undefined;
afterEach(() => db?.close());

describe('imported template library', () => {
	it('keeps each version once and refuses other content under a kept version', async () => {
		db = openDb(`templates-${Math.random()}`);
		const v1 = { id: 'firm-model', version: '1.0.0', title: 'A' };
		expect(await saveImportedTemplate(db, v1, 1)).toBe('added');
		expect(await saveImportedTemplate(db, { ...v1 }, 2)).toBe('unchanged');
		expect(await saveImportedTemplate(db, { ...v1, title: 'B' }, 3)).toBe('conflict');
		expect(await saveImportedTemplate(db, { ...v1, version: '1.1.0' }, 4)).toBe('added');
		expect(await listImportedTemplates(db)).toEqual([v1, { ...v1, version: '1.1.0' }]);
		await removeImportedTemplate(db, 'firm-model@1.0.0');
		expect(await listImportedTemplates(db)).toHaveLength(1);
	});
});
