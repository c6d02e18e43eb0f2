import { afterEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import yDexie from 'y-dexie';
import { openDb, SCHEMA_VERSIONS, type WorkbenchDb } from './db.ts';
import {
	listImportedTemplates,
	removeImportedTemplate,
	saveImportedTemplate
} from './templates.ts';
import { createEngagement, getEngagement } from './engagements.ts';
import { encodeContent } from '../documents/engagement-doc.ts';
import { blankContent } from '../domain/engagement/profile.ts';

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

describe('database upgrades', () => {
	it('opens a database saved by schema version 1 with everything in it', async () => {
		const name = `upgrade-${Math.random()}`;
		const old = new Dexie(name, { addons: [yDexie] }) as unknown as WorkbenchDb;
		old.version(1).stores(SCHEMA_VERSIONS[0].stores);
		await old.open();
		const id = await createEngagement(
			old,
			{ name: 'Saved by version 1', client: 'Acme', industry: '' },
			encodeContent(blankContent('Saved by version 1', 'en'))
		);
		await old.settings.put({ key: 'locale', value: 'zh-TW' });
		old.close();

		db = openDb(name);
		expect((await getEngagement(db, id))?.name).toBe('Saved by version 1');
		expect((await db.settings.get('locale'))?.value).toBe('zh-TW');
		expect(await listImportedTemplates(db)).toEqual([]);
		expect(db.verno).toBe(SCHEMA_VERSIONS.at(-1)!.version);
	});
});
