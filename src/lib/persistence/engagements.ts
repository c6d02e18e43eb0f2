import { liveQuery, type Observable } from 'dexie';
import { DexieYProvider } from 'y-dexie';
import type * as Y from 'yjs';
import { ENGAGEMENT_UPDATES_TABLE, type EngagementRow, type WorkbenchDb } from './db.ts';

export interface IndexFields {
	name: string;
	client: string;
	industry: string;
}

export type EngagementSummary = Omit<EngagementRow, 'doc'>;

function summary(row: EngagementRow): EngagementSummary {
	return {
		id: row.id,
		name: row.name,
		client: row.client,
		industry: row.industry,
		createdAt: row.createdAt,
		updatedAt: row.updatedAt,
		archived: row.archived,
		deletedAt: row.deletedAt,
		incarnation: row.incarnation
	};
}

export function newId(): string {
	return crypto.randomUUID();
}

/** How long a deleted engagement can be restored before `purgeDeleted` removes it for good. */
export const KEEP_DELETED_MS = 10 * 60 * 1000;

/** Every engagement, deleted ones included (see `deletedAt`), most recently changed first. */
export function watchEngagements(db: WorkbenchDb): Observable<EngagementSummary[]> {
	return liveQuery(async () => {
		const rows = await db.engagements.orderBy('updatedAt').reverse().toArray();
		return rows.map(summary);
	});
}

/** One engagement's row as it changes (undefined once it is purged), for an open view of it. */
export function watchEngagement(
	db: WorkbenchDb,
	id: string
): Observable<EngagementSummary | undefined> {
	return liveQuery(async () => {
		const row = await db.engagements.get(id);
		return row && summary(row);
	});
}

/** Whether this browser holds an engagement with this id, deleted ones included. */
export async function engagementExists(db: WorkbenchDb, id: string): Promise<boolean> {
	return (await db.engagements.where('id').equals(id).count()) > 0;
}

export async function getEngagement(
	db: WorkbenchDb,
	id: string
): Promise<EngagementSummary | undefined> {
	const row = await db.engagements.get(id);
	return row && row.deletedAt === null ? summary(row) : undefined;
}

/**
 * Creates an engagement and its document in one transaction: either both exist afterwards or
 * neither does. `update` is a Yjs (v2) update holding the initial content.
 */
export async function createEngagement(
	db: WorkbenchDb,
	fields: IndexFields,
	update: Uint8Array,
	options: { id?: string; now?: number; createdAt?: number; archived?: boolean } = {}
): Promise<string> {
	const id = options.id ?? newId();
	const now = options.now ?? Date.now();
	await db.transaction('rw', db.engagements, db.table(ENGAGEMENT_UPDATES_TABLE), async () => {
		await db.engagements.add({
			id,
			...fields,
			createdAt: options.createdAt ?? now,
			updatedAt: now,
			archived: options.archived ? 1 : 0,
			deletedAt: null,
			incarnation: newId()
		} as EngagementRow);
		await db.table(ENGAGEMENT_UPDATES_TABLE).add({ k: id, u: update, f: 1 });
	});
	return id;
}

export async function touchEngagement(
	db: WorkbenchDb,
	id: string,
	fields: IndexFields,
	now = Date.now()
) {
	await db.engagements.update(id, { ...fields, updatedAt: now });
}

/** Archives or brings back an engagement; false when it is not there any more. */
export async function setArchived(
	db: WorkbenchDb,
	id: string,
	archived: boolean
): Promise<boolean> {
	return (await db.engagements.update(id, { archived: archived ? 1 : 0 })) > 0;
}

/** Hides an engagement; `restoreEngagement` brings it back until `purgeDeleted` runs. */
export async function softDeleteEngagement(
	db: WorkbenchDb,
	id: string,
	now = Date.now()
): Promise<boolean> {
	return (await db.engagements.update(id, { deletedAt: now })) > 0;
}

/** Brings back a deleted engagement; false when it is already gone for good. */
export async function restoreEngagement(db: WorkbenchDb, id: string): Promise<boolean> {
	return (await db.engagements.update(id, { deletedAt: null })) > 0;
}

/**
 * Removes for good the engagements deleted before `before`, with their documents, versions, shares and votes, in one
 * transaction: a restore made meanwhile in another tab either happens first (and is kept) or
 * finds the engagement gone.
 */
export async function purgeDeleted(db: WorkbenchDb, before = Date.now()): Promise<number> {
	const tables = [
		db.engagements,
		db.table(ENGAGEMENT_UPDATES_TABLE),
		db.versions,
		db.shares,
		db.voteSessions
	];
	return db.transaction('rw', tables, async () => {
		const ids = await db.engagements.where('deletedAt').belowOrEqual(before).primaryKeys();
		if (ids.length > 0) {
			await db.engagements.bulkDelete(ids);
			await db.versions.where('engagementId').anyOf(ids).delete();
			await db.shares.bulkDelete(ids);
			await db.voteSessions.where('engagementId').anyOf(ids).delete();
		}
		return ids.length;
	});
}

export interface OpenDocument {
	doc: Y.Doc;
	provider: DexieYProvider;
	/** The row's incarnation when it was opened (see EngagementRow.incarnation). */
	incarnation: string | undefined;
	close(): void;
}

/**
 * Loads an engagement's document; edits to it are written to the database as they happen.
 * A deleted engagement is opened only when asked for (to keep it as a version before a
 * restore removes it for good).
 */
export async function openDocument(
	db: WorkbenchDb,
	id: string,
	options: { deleted?: boolean } = {}
): Promise<OpenDocument | undefined> {
	const row = await db.engagements.get(id);
	if (!row || (row.deletedAt !== null && !options.deleted)) return undefined;
	const doc = row.doc;
	const provider = DexieYProvider.load(doc);
	await whenLoadedQuietly(doc, provider);
	let closed = false;
	return {
		doc,
		provider,
		incarnation: row.incarnation,
		close() {
			if (closed) return;
			closed = true;
			DexieYProvider.release(doc);
		}
	};
}

/**
 * Waits for y-dexie to apply the stored updates. y-dexie registers its update writer before it
 * applies them, and any `updateV2` listener makes Yjs encode the whole loaded state once more,
 * only for the writer to ignore it (the updates come from the provider itself). Holding the
 * listeners back until the load is done makes opening a large engagement about a third faster
 * (see `npm run bench`). Nothing is missed: no one else holds the document before it is returned.
 * This reaches into lib0's Observable (`_observers`); versions are pinned, and the persistence
 * tests fail if edits after opening stop being saved.
 */
async function whenLoadedQuietly(doc: Y.Doc, provider: DexieYProvider): Promise<void> {
	const observers = (doc as unknown as { _observers?: Map<string, Set<unknown>> })._observers;
	const writers = doc.isLoaded ? undefined : observers?.get('updateV2');
	if (writers) observers!.delete('updateV2');
	try {
		await provider.whenLoaded;
	} finally {
		if (writers) {
			const added = observers!.get('updateV2');
			observers!.set('updateV2', added ? new Set([...writers, ...added]) : writers);
		}
	}
}

/**
 * Resolves once every document update queued so far has been written: a read transaction on
 * the updates table starts only after the write transactions queued before it have finished.
 */
export async function whenWritten(db: WorkbenchDb): Promise<void> {
	await db.table(ENGAGEMENT_UPDATES_TABLE).limit(1).count();
}
