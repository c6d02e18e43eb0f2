import { afterEach, describe, expect, it } from 'vitest';
import { openDb, type WorkbenchDb } from './db.ts';
import {
	createEngagement,
	getEngagement,
	openDocument,
	purgeDeleted,
	restoreEngagement,
	softDeleteEngagement,
	whenWritten
} from './engagements.ts';
import { encodeContent, readContent, setProfileField } from '../documents/engagement-doc.ts';
import { blankContent } from '../domain/engagement/profile.ts';

let db: WorkbenchDb;
let n = 0;
afterEach(async () => {
	db?.close();
});
function freshDb() {
	db = openDb(`test-${n++}-${Math.random()}`);
	return db;
}

describe('engagement repository', () => {
	it('creates an engagement with its content and reopens it after edits', async () => {
		const db = freshDb();
		const content = blankContent('Retail CRM', 'en');
		const id = await createEngagement(
			db,
			{ name: 'Retail CRM', client: '', industry: '' },
			encodeContent(content)
		);
		const opened = await openDocument(db, id);
		expect(opened).toBeDefined();
		expect(readContent(opened!.doc)).toEqual(content);
		setProfileField(opened!.doc, 'client', 'Acme Bank');
		await whenWritten(db);
		opened!.close();
		// A second database connection sees the saved edit.
		const other = openDb(db.name);
		const again = await openDocument(other, id);
		expect(readContent(again!.doc).profile.client).toBe('Acme Bank');
		again!.close();
		other.close();
	});

	it('hides a deleted engagement, restores it, and purges it with its document', async () => {
		const db = freshDb();
		const id = await createEngagement(
			db,
			{ name: 'X', client: '', industry: '' },
			encodeContent(blankContent('X', 'en'))
		);
		await softDeleteEngagement(db, id, 1000);
		expect(await getEngagement(db, id)).toBeUndefined();
		expect(await openDocument(db, id)).toBeUndefined();
		await restoreEngagement(db, id);
		expect((await getEngagement(db, id))?.name).toBe('X');
		await softDeleteEngagement(db, id, 1000);
		expect(await purgeDeleted(db, 2000)).toBe(1);
		expect(await db.table('$engagements.doc_updates').where({ k: id }).count()).toBe(0);
	});

	it('writes the row and the document together or not at all', async () => {
		const db = freshDb();
		// Make the document write fail after the row was added in the same transaction.
		db.table('$engagements.doc_updates').hook('creating', () => {
			throw new Error('disk full');
		});
		await expect(
			createEngagement(
				db,
				{ name: 'B', client: '', industry: '' },
				encodeContent(blankContent('B', 'en')),
				{ id: 'x' }
			)
		).rejects.toThrow('disk full');
		expect(await db.engagements.count()).toBe(0);
	});
});
