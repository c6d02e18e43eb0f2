import fs from 'node:fs';
import { Dexie } from 'dexie';
import yDexie from 'y-dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { readContent } from '../documents/engagement-doc.ts';
import { ENGAGEMENT_UPDATES_TABLE, openDb, SCHEMA_VERSIONS, type WorkbenchDb } from './db.ts';
import { getEngagement, openDocument } from './engagements.ts';
import { rawExport, RAW_EXPORT_KIND, storedSchemaVersion } from './raw-export.ts';
import { listImportedTemplates } from './templates.ts';

/**
 * Every earlier version of the database, opened by this one. Each fixture under
 * test/fixtures/db holds the rows that schema version stored (engagement index, document
 * updates, settings, templates); the test writes them with that version's schema, then opens
 * the database with the current code and checks that everything reads back.
 */

interface Fixture {
	schemaVersion: number;
	engagements: Array<{
		row: Record<string, unknown> & { id: string; name: string; archived: 0 | 1 };
		update: string;
		expected: unknown;
	}>;
	settings: Array<{ key: string; value: unknown }>;
	templates: Array<Record<string, unknown>>;
}

const fixture = (version: number): Fixture =>
	JSON.parse(fs.readFileSync(`test/fixtures/db/v${version}.json`, 'utf8'));

const opened: Dexie[] = [];
afterEach(() => {
	for (const db of opened.splice(0)) db.close();
});

/** A database as the app at schema `version` left it. */
async function savedBy(version: number, name: string, data: Fixture) {
	const old = new Dexie(name, { addons: [yDexie] });
	for (const v of SCHEMA_VERSIONS.filter((v) => v.version <= version))
		old.version(v.version).stores(v.stores);
	await old.open();
	await old.transaction('rw', old.tables, async () => {
		for (const e of data.engagements) {
			await old.table('engagements').add(e.row);
			await old
				.table(ENGAGEMENT_UPDATES_TABLE)
				.add({ k: e.row.id, u: new Uint8Array(Buffer.from(e.update, 'base64')), f: 1 });
		}
		await old.table('settings').bulkAdd(data.settings);
		if (data.templates.length) await old.table('templates').bulkAdd(data.templates);
	});
	old.close();
}

const earlier = SCHEMA_VERSIONS.slice(0, -1).map((v) => v.version);

describe('database upgrades', () => {
	it('has a fixture for every earlier schema version', () => {
		for (const v of earlier) expect(fixture(v).schemaVersion).toBe(v);
	});

	it.each(earlier)(
		'opens a database saved by schema version %i with everything in it',
		async (v) => {
			const data = fixture(v);
			const name = `upgrade-v${v}-${Math.random()}`;
			await savedBy(v, name, data);

			const db: WorkbenchDb = openDb(name);
			opened.push(db);
			await db.open();
			expect(db.verno).toBe(SCHEMA_VERSIONS.at(-1)!.version);
			for (const e of data.engagements) {
				const summary = await getEngagement(db, e.row.id);
				expect(summary).toMatchObject({ name: e.row.name, archived: e.row.archived });
				const doc = await openDocument(db, e.row.id);
				expect(readContent(doc!.doc)).toEqual(e.expected);
				doc!.close();
			}
			expect(await db.settings.toArray()).toEqual(
				[...data.settings].sort((a, b) => a.key.localeCompare(b.key))
			);
			expect(await listImportedTemplates(db)).toEqual(
				data.templates.map((t) => t.template as unknown)
			);
			expect(await db.versions.count()).toBe(0);
			// Schema 4's tables: nothing is shared and no vote runs after an upgrade.
			expect(db.tables.map((t) => t.name)).toEqual(
				expect.arrayContaining(['shares', 'voteSessions'])
			);
			expect(await db.shares.count()).toBe(0);
			expect(await db.voteSessions.count()).toBe(0);
			expect(await db.shares.where('room').equals('any').count()).toBe(0);
			expect(
				await db.voteSessions.where('[engagementId+assessmentId]').equals(['e', 'a']).count()
			).toBe(0);
		}
	);

	it('leaves the data as it was when an upgrade fails, and exports it raw', async () => {
		const data = fixture(earlier.at(-1)!);
		const name = `upgrade-fails-${Math.random()}`;
		await savedBy(earlier.at(-1)!, name, data);

		// A later release whose upgrade step throws half-way.
		const broken = new Dexie(name, { addons: [yDexie] });
		for (const v of SCHEMA_VERSIONS) broken.version(v.version).stores(v.stores);
		broken
			.version(99)
			.stores({ engagements: 'id, updatedAt, archived, deletedAt, doc: Y.Doc, client' })
			.upgrade(async (tx) => {
				await tx.table('engagements').toCollection().modify({ name: 'half-way' });
				throw new Error('upgrade step failed');
			});
		const error = await broken.open().then(
			() => null,
			(e: unknown) => e as Error
		);
		expect(error?.message).toMatch(/upgrade step failed/);
		broken.close();
		expect(await storedSchemaVersion(name)).toBe(earlier.at(-1));

		const raw = await rawExport(name, new Date('2026-11-23T10:00:00Z'));
		expect(raw).toMatchObject({
			kind: RAW_EXPORT_KIND,
			database: name,
			version: earlier.at(-1)! * 10
		});
		expect(raw.stores.engagements!.map((r) => (r.value as { name: string }).name)).toEqual(
			data.engagements.map((e) => e.row.name)
		);
		const updates = raw.stores[ENGAGEMENT_UPDATES_TABLE]!;
		expect(updates.map((r) => (r.value as { u: { $base64: string } }).u.$base64)).toEqual(
			data.engagements.map((e) => e.update)
		);

		// The current release still opens it, unchanged.
		const db = openDb(name);
		opened.push(db);
		for (const e of data.engagements)
			expect((await getEngagement(db, e.row.id))?.name).toBe(e.row.name);
	});

	it('tells a database written by a newer release apart without opening it', async () => {
		const name = `too-new-${Math.random()}`;
		expect(await storedSchemaVersion(name)).toBeUndefined();
		const newer = new Dexie(name);
		for (const v of SCHEMA_VERSIONS) newer.version(v.version).stores(v.stores);
		newer.version(50).stores({ later: 'id' });
		await newer.open();
		await newer.table('settings').put({ key: 'locale', value: 'en' });
		newer.close();

		expect(await storedSchemaVersion(name)).toBe(50);
		const raw = await rawExport(name);
		expect(raw.version).toBe(500);
		expect(raw.stores.settings).toEqual([{ key: 'locale', value: { key: 'locale', value: 'en' } }]);
	});
});
