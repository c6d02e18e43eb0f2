import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { blankContent } from '#lib/domain/engagement/profile.ts';
import { readEngagementFile } from '#lib/domain/formats/engagement-file.ts';
import {
	buildExport,
	createFromContent,
	importAsNew,
	readEngagementContent
} from '#lib/features/engagements/actions.ts';
import { openDb, type WorkbenchDb } from '#lib/persistence/db.ts';
import {
	purgeDeleted,
	softDeleteEngagement,
	watchEngagement,
	whenWritten
} from '#lib/persistence/engagements.ts';
import { readBackupFile } from '#lib/domain/formats/backup-file.ts';
import { buildBackup, restoreBackup } from '#lib/features/engagements/backup.ts';
import { startSharing, stopSharing } from '#lib/persistence/shares.ts';
import { SyncConnection } from '#lib/features/sharing/index.ts';
import { EngagementSession } from './session.svelte.ts';

const dbs: WorkbenchDb[] = [];
const sessions: EngagementSession[] = [];
beforeEach(() => {
	// y-dexie says so on the console each time a document is destroyed.
	vi.spyOn(console, 'debug').mockImplementation(() => {});
});
afterEach(async () => {
	for (const s of sessions.splice(0)) s.close();
	// The documents are destroyed a moment after they are released.
	await new Promise((resolve) => setTimeout(resolve, 0));
	for (const db of dbs.splice(0)) db.close();
	vi.restoreAllMocks();
	vi.unstubAllGlobals();
});
function fresh(name = `session-${Math.random()}`) {
	const db = openDb(name);
	dbs.push(db);
	return db;
}

async function until(what: string, ready: () => boolean) {
	for (let i = 0; !ready(); i++) {
		if (i > 5000) throw new Error(`Never happened: ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 0));
	}
}

/** Resolves once a query started now sees the engagement: the list has caught up with it. */
function seen(db: WorkbenchDb, id: string): Promise<void> {
	return new Promise((resolve) => {
		const subscription = watchEngagement(db, id).subscribe((summary) => {
			if (!summary) return;
			resolve();
			queueMicrotask(() => subscription.unsubscribe());
		});
	});
}

describe('an open engagement session', () => {
	it('stays closed to edits once its engagement is purged, even when its file is imported again', async () => {
		const db = fresh();
		const id = await createFromContent(db, blankContent('Retail CRM', 'en'));
		const exported = await buildExport(db, id);
		// Another tab still shows the engagement when it is deleted and then purged.
		const session = new EngagementSession(db, id);
		sessions.push(session);
		await session.open();
		await softDeleteEngagement(db, id, 1000);
		await purgeDeleted(db, 2000);
		await until('the session sees the purge', () => session.removed === 'purged');

		// The user brings the engagement back from its file: it keeps its id.
		const file = readEngagementFile(exported.text, 'en');
		if (!file.ok) throw new Error('the export does not read');
		expect(await importAsNew(db, file.file)).toBe(id);
		await seen(db, id);
		await whenWritten(db);

		// The old session's document is gone: it must not take edits (nor say they are saved).
		expect(session.removed).toBe('purged');
		session.setProfile('client', 'typed into the stale tab');
		expect(session.content?.profile.client).toBe('');
		await whenWritten(db);
		expect(session.save).toBe('saved');
		const other = fresh(db.name);
		expect((await readEngagementContent(other, id)).profile.client).toBe('');

		// Opening it again shows the imported engagement, and takes edits.
		const again = new EngagementSession(db, id);
		sessions.push(again);
		await again.open();
		expect(again.status).toBe('open');
		expect(again.removed).toBe(null);
		again.setProfile('client', 'Acme Bank');
		await until('saved', () => again.save === 'saved');
		await whenWritten(db);
		expect((await readEngagementContent(other, id)).profile.client).toBe('Acme Bank');
	});

	it('stops taking edits when a restore in another tab replaces its engagement', async () => {
		const source = fresh();
		await createFromContent(source, blankContent('From the backup', 'en'), { id: 'same-id' });
		const backup = readBackupFile((await buildBackup(source)).text, 'en');
		if (!backup.ok) throw new Error('the backup does not read');

		const db = fresh();
		await createFromContent(db, blankContent('On this device', 'en'), { id: 'same-id' });
		const session = new EngagementSession(db, 'same-id');
		sessions.push(session);
		await session.open();
		expect(session.removed).toBe(null);

		// Another tab restores the backup, replacing everything: same id, other content.
		const otherTab = fresh(db.name);
		await restoreBackup(otherTab, backup.file, 'replace', (n) => n);
		await until('the session sees the replacement', () => session.removed === 'replaced');
		session.setProfile('client', 'typed into the stale tab');
		expect(session.content?.profile.client).toBe('');
		const restored = await readEngagementContent(fresh(db.name), 'same-id');
		expect(restored.profile).toMatchObject({ name: 'From the backup', client: '' });
	});
});

describe('an open engagement session that is shared', () => {
	it('connects while the share row is there and disconnects when it goes', async () => {
		// No sync server here: the socket to this port is refused, and the connection waits to
		// retry. The connection listens for the browser's online/offline events.
		vi.stubGlobal('window', new EventTarget());
		vi.spyOn(console, 'warn').mockImplementation(() => {});
		const db = fresh();
		const id = await createFromContent(db, blankContent('Retail CRM', 'en'));
		const session = new EngagementSession(db, id);
		sessions.push(session);
		await session.open();
		await whenWritten(db);
		expect(session.share).toBeUndefined();
		expect(session.sharing).toBe(null);

		const share = {
			engagementId: id,
			server: 'ws://127.0.0.1:9',
			room: 'room-1',
			secret: 'secret-1',
			since: 1000,
			origin: 'started' as const
		};
		expect(await startSharing(db, share)).toBe(true);
		await until('the session follows the share', () => session.sharing !== null);
		await until('the share is read', () => session.share !== undefined);
		expect(session.share).toEqual(share);
		const connection = session.sharing!;
		expect(connection).toBeInstanceOf(SyncConnection);
		expect(connection.access).toEqual(share);
		// It starts: the provider exists (and is the origin of what comes from the room).
		await until('the connection starts', () => connection.origin !== undefined);

		await stopSharing(db, id);
		await until('the session stops sharing', () => session.sharing === null);
		expect(session.share).toBeUndefined();
		expect(connection.origin).toBeUndefined();

		// Sharing again, then deleting the engagement: the session lets go of the room too.
		expect(await startSharing(db, share)).toBe(true);
		await until('the session follows the share again', () => session.sharing !== null);
		await softDeleteEngagement(db, id);
		await until('the session sees the deletion', () => session.removed === 'deleted');
		expect(session.sharing).toBe(null);
	});
});
