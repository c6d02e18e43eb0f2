import { liveQuery, type Observable } from 'dexie';
import type { EngagementContent } from '../domain/engagement/profile.ts';
import type { VersionRow, WorkbenchDb } from './db.ts';
import { newId } from './engagements.ts';

/** A version without its content, for lists. */
export type VersionSummary = Omit<VersionRow, 'content'>;

/** A version of an engagement's `content` as it is at `createdAt`. */
export function versionOf(
	engagementId: string,
	content: EngagementContent,
	kind: VersionRow['kind'],
	createdAt: number,
	name = ''
): Omit<VersionRow, 'id'> {
	return { engagementId, engagementName: content.profile.name, createdAt, kind, name, content };
}

/** An engagement left alone this long gets a version when it is opened again. */
export const PAUSE_MS = 60 * 60 * 1000;

/** How many versions taken on their own (not named ones) each engagement keeps, newest first. */
export const KEEP_AUTOMATIC_VERSIONS = 20;

function summary({ content: _content, ...rest }: VersionRow): VersionSummary {
	return rest;
}

/**
 * Saves a version and, for one taken on its own, drops that engagement's oldest automatic
 * versions beyond KEEP_AUTOMATIC_VERSIONS, in one transaction. Named versions stay until the
 * user deletes them.
 */
export async function addVersion(
	db: WorkbenchDb,
	version: Omit<VersionRow, 'id'>,
	keep = KEEP_AUTOMATIC_VERSIONS
): Promise<string> {
	const id = newId();
	await db.transaction('rw', db.versions, async () => {
		await db.versions.add({ id, ...version });
		if (version.kind === 'named') return;
		const automatic = (
			await db.versions.where('engagementId').equals(version.engagementId).toArray()
		)
			.filter((v) => v.kind !== 'named')
			.sort((a, b) => b.createdAt - a.createdAt);
		const old = automatic.slice(keep).map((v) => v.id);
		if (old.length) await db.versions.bulkDelete(old);
	});
	return id;
}

/** Adds several versions at once (before a restore replaces everything), in one transaction. */
export async function addVersions(
	db: WorkbenchDb,
	versions: Array<Omit<VersionRow, 'id'>>
): Promise<void> {
	if (versions.length === 0) return;
	await db.versions.bulkAdd(versions.map((v) => ({ id: newId(), ...v })));
}

/** An engagement's versions, newest first, as they change. */
export function watchVersions(db: WorkbenchDb, engagementId: string): Observable<VersionSummary[]> {
	return liveQuery(async () => {
		const rows = await db.versions.where('engagementId').equals(engagementId).toArray();
		return rows.sort((a, b) => b.createdAt - a.createdAt).map(summary);
	});
}

/**
 * Versions whose engagement is no longer on this device (a restore that replaced everything
 * took them before it ran), newest first, as they change.
 */
export function watchOrphanVersions(db: WorkbenchDb): Observable<VersionSummary[]> {
	return liveQuery(async () => {
		const [rows, ids] = await Promise.all([
			db.versions.orderBy('createdAt').reverse().toArray(),
			db.engagements.toCollection().primaryKeys()
		]);
		const here = new Set(ids);
		return rows.filter((v) => !here.has(v.engagementId)).map(summary);
	});
}

export async function getVersion(db: WorkbenchDb, id: string): Promise<VersionRow | undefined> {
	return db.versions.get(id);
}

/** When the newest version of an engagement was taken, if it has any. */
export async function latestVersionAt(
	db: WorkbenchDb,
	engagementId: string
): Promise<number | undefined> {
	const rows = await db.versions.where('engagementId').equals(engagementId).toArray();
	return rows.length ? Math.max(...rows.map((v) => v.createdAt)) : undefined;
}

export async function deleteVersion(db: WorkbenchDb, id: string): Promise<void> {
	await db.versions.delete(id);
}

/** Puts a version back as it was (after a deletion the user undid). */
export async function putVersion(db: WorkbenchDb, version: VersionRow): Promise<void> {
	await db.versions.put(version);
}

/**
 * Keeps the state an engagement is opened in, when it was last changed at least PAUSE_MS ago
 * and no version holds that state yet: whatever happens in this sitting can be undone later,
 * even once undo's history is gone. Returns whether a version was taken.
 */
export async function keepVersionOnOpen(
	db: WorkbenchDb,
	engagementId: string,
	content: EngagementContent,
	updatedAt: number,
	now = Date.now()
): Promise<boolean> {
	if (now - updatedAt < PAUSE_MS) return false;
	// Checked and written in one transaction: two tabs opening it at once keep one version.
	return db.transaction('rw', db.versions, async () => {
		const latest = await latestVersionAt(db, engagementId);
		if (latest !== undefined && latest >= updatedAt) return false;
		await addVersion(db, versionOf(engagementId, content, 'opened', now));
		return true;
	});
}
