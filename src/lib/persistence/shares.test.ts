import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { encodeContent, encodeEmpty, readContent } from '../documents/engagement-doc.ts';
import { blankContent } from '../domain/engagement/profile.ts';
import { buildBackup } from '../features/engagements/backup.ts';
import { readDeviceRows, writeRestore } from './backup.ts';
import { ENGAGEMENT_UPDATES_TABLE, openDb, type ShareRow, type WorkbenchDb } from './db.ts';
import {
	createEngagement,
	openDocument,
	purgeDeleted,
	softDeleteEngagement
} from './engagements.ts';
import { createJoined, engagementInRoom, getShare, startSharing, stopSharing } from './shares.ts';
import { addVoteSession, type VoteSessionRow } from './vote-sessions.ts';

const dbs: WorkbenchDb[] = [];
beforeEach(() => {
	// y-dexie says so on the console each time a document is destroyed.
	vi.spyOn(console, 'debug').mockImplementation(() => {});
});
afterEach(() => {
	for (const db of dbs.splice(0)) db.close();
	vi.restoreAllMocks();
});
function fresh() {
	const db = openDb(`shares-${Math.random()}`);
	dbs.push(db);
	return db;
}

const SECRET = 'room-secret-6f1c2a9e';
const access = { server: 'wss://sync.example.com', room: 'room-1', secret: SECRET };

const share = (engagementId: string, overrides: Partial<ShareRow> = {}): ShareRow => ({
	engagementId,
	...access,
	since: 1000,
	origin: 'started',
	...overrides
});

const voteSession = (id: string, engagementId: string): VoteSessionRow => ({
	id,
	engagementId,
	assessmentId: 'a1',
	server: access.server,
	room: `vote-${id}`,
	secret: `vote-secret-${id}`,
	createdAt: 1000,
	state: new Uint8Array([0, 0]),
	closedAt: null
});

async function anEngagementIn(db: WorkbenchDb, name: string, id?: string) {
	return createEngagement(
		db,
		{ name, client: 'Acme Bank', industry: 'Banking' },
		encodeContent(blankContent(name, 'en')),
		{ id }
	);
}

describe('joining a shared room', () => {
	it('creates an empty engagement, an empty document and its share together', async () => {
		const db = fresh();
		const id = await createJoined(db, access, encodeEmpty(), 5000);

		const row = await db.engagements.get(id);
		expect(row).toMatchObject({
			name: '',
			client: '',
			industry: '',
			createdAt: 5000,
			updatedAt: 5000,
			archived: 0,
			deletedAt: null
		});
		const opened = await openDocument(db, id);
		expect(readContent(opened!.doc)).toEqual(readContent(new Y.Doc()));
		// Nothing at all in the document: no defaults that could overwrite the room's content.
		expect(Y.encodeStateVector(opened!.doc)).toEqual(Y.encodeStateVector(new Y.Doc()));
		opened!.close();

		expect(await getShare(db, id)).toEqual({
			engagementId: id,
			...access,
			since: 5000,
			origin: 'joined'
		});
		expect(await engagementInRoom(db, 'room-1')).toBe(id);
	});

	it('writes nothing when the share cannot be written', async () => {
		const db = fresh();
		db.shares.hook('creating', () => {
			throw new Error('disk full');
		});
		await expect(createJoined(db, access, encodeEmpty())).rejects.toThrow('disk full');
		expect(await db.engagements.count()).toBe(0);
		expect(await db.table(ENGAGEMENT_UPDATES_TABLE).count()).toBe(0);
		expect(await db.shares.count()).toBe(0);
	});

	it('finds the engagement joined to a room, but not a deleted one', async () => {
		const db = fresh();
		const id = await createJoined(db, access, encodeEmpty());
		const other = await createJoined(db, { ...access, room: 'room-2' }, encodeEmpty());
		expect(await engagementInRoom(db, 'room-1')).toBe(id);
		expect(await engagementInRoom(db, 'room-2')).toBe(other);
		expect(await engagementInRoom(db, 'room-3')).toBeUndefined();
		await softDeleteEngagement(db, id);
		expect(await engagementInRoom(db, 'room-1')).toBeUndefined();
		expect(await engagementInRoom(db, 'room-2')).toBe(other);
	});
});

describe('sharing an engagement', () => {
	it('refuses an engagement that is missing or deleted, and stores the share otherwise', async () => {
		const db = fresh();
		expect(await startSharing(db, share('nowhere'))).toBe(false);
		const gone = await anEngagementIn(db, 'Gone');
		await softDeleteEngagement(db, gone);
		expect(await startSharing(db, share(gone))).toBe(false);
		expect(await db.shares.count()).toBe(0);

		const id = await anEngagementIn(db, 'Retail CRM');
		expect(await startSharing(db, share(id))).toBe(true);
		expect(await getShare(db, id)).toEqual(share(id));
		expect(await engagementInRoom(db, 'room-1')).toBe(id);
	});

	it('stops sharing and keeps the engagement and its content as they were', async () => {
		const db = fresh();
		const id = await anEngagementIn(db, 'Retail CRM');
		await startSharing(db, share(id));
		await stopSharing(db, id);
		expect(await getShare(db, id)).toBeUndefined();
		expect(await db.shares.count()).toBe(0);
		expect(await db.engagements.get(id)).toMatchObject({ name: 'Retail CRM', deletedAt: null });
		const opened = await openDocument(db, id);
		expect(readContent(opened!.doc)).toEqual(blankContent('Retail CRM', 'en'));
		opened!.close();
	});
});

describe('shares and votes with the rest of the device', () => {
	it('purges the shares and votes of purged engagements only', async () => {
		const db = fresh();
		const kept = await anEngagementIn(db, 'Kept');
		const purged = await anEngagementIn(db, 'Purged');
		await startSharing(db, share(kept, { room: 'kept' }));
		await startSharing(db, share(purged, { room: 'purged' }));
		await addVoteSession(db, voteSession('v-kept', kept));
		await addVoteSession(db, voteSession('v-purged', purged));
		await softDeleteEngagement(db, purged, 1000);

		expect(await purgeDeleted(db, 2000)).toBe(1);
		expect(await db.shares.toCollection().primaryKeys()).toEqual([kept]);
		expect(await db.voteSessions.toCollection().primaryKeys()).toEqual(['v-kept']);
	});

	it('a replacing restore clears shares and votes; a merging one leaves them', async () => {
		const db = fresh();
		const id = await anEngagementIn(db, 'Shared', 'e1');
		await startSharing(db, share(id));
		await addVoteSession(db, voteSession('v1', id));
		const restored = {
			id: 'e2',
			fields: { name: 'Restored', client: '', industry: '' },
			createdAt: 1000,
			updatedAt: 1000,
			archived: false,
			update: encodeContent(blankContent('Restored', 'en'))
		};

		await writeRestore(db, {
			replace: false,
			engagements: [restored],
			settings: [],
			templates: []
		});
		expect(await db.shares.count()).toBe(1);
		expect(await db.voteSessions.count()).toBe(1);

		await writeRestore(db, {
			replace: true,
			engagements: [{ ...restored, id: 'e1' }],
			settings: [],
			templates: []
		});
		expect(await db.shares.count()).toBe(0);
		expect(await db.voteSessions.count()).toBe(0);
		expect(await db.engagements.toCollection().primaryKeys()).toEqual(['e1']);
	});

	it('never puts a share or a vote (nor their secrets) into a backup', async () => {
		const db = fresh();
		const started = await anEngagementIn(db, 'Started');
		await startSharing(db, share(started));
		const joined = await createJoined(db, { ...access, room: 'room-2' }, encodeEmpty());
		await addVoteSession(db, voteSession('v1', started));

		const rows = await readDeviceRows(db);
		expect(Object.keys(rows).sort()).toEqual(['engagements', 'settings', 'templates']);
		expect(rows.engagements.map((e) => e.id).sort()).toEqual([started, joined].sort());
		expect(JSON.stringify(rows)).not.toContain(SECRET);
		expect(JSON.stringify(rows)).not.toContain('vote-secret');

		const backup = await buildBackup(db, new Date('2026-11-23T10:00:00Z'));
		expect(backup.text).toContain('Started');
		expect(backup.text).not.toContain(SECRET);
		expect(backup.text).not.toContain('vote-secret');
		expect(backup.text).not.toContain('room-1');
		expect(backup.text).not.toContain('sync.example.com');
	});
});
