import {
	ENGAGEMENT_UPDATES_TABLE,
	type SettingRow,
	type TemplateRow,
	type VersionRow,
	type WorkbenchDb
} from './db.ts';
import { newId, type IndexFields } from './engagements.ts';
import { addVersions } from './versions.ts';

/**
 * What a full backup reads and what a restore writes. A restore is one transaction over every
 * table it touches: it happens whole or not at all (a closed tab or a full disk leaves the
 * device as it was).
 */

export interface DeviceRows {
	engagements: Array<{
		id: string;
		name: string;
		createdAt: number;
		updatedAt: number;
		archived: boolean;
	}>;
	settings: SettingRow[];
	templates: TemplateRow[];
}

/** The engagements (not those deleted), settings and imported templates on this device. */
export async function readDeviceRows(db: WorkbenchDb): Promise<DeviceRows> {
	return db.transaction('r', db.engagements, db.settings, db.templates, async () => {
		const rows = await db.engagements.orderBy('updatedAt').reverse().toArray();
		return {
			engagements: rows
				.filter((r) => r.deletedAt === null)
				.map((r) => ({
					id: r.id,
					name: r.name,
					createdAt: r.createdAt,
					updatedAt: r.updatedAt,
					archived: r.archived === 1
				})),
			settings: await db.settings.toArray(),
			templates: await db.templates.toArray()
		};
	});
}

export interface RestoreRows {
	/** Everything on the device goes first (engagements, deleted ones too, settings, templates). */
	replace: boolean;
	engagements: Array<{
		id: string;
		fields: IndexFields;
		createdAt: number;
		updatedAt: number;
		archived: boolean;
		/** The engagement's content as one Yjs update. */
		update: Uint8Array;
	}>;
	settings: SettingRow[];
	templates: TemplateRow[];
	/** Versions to add with the restore (of what a replace removes); versions are never removed. */
	keep?: Array<Omit<VersionRow, 'id'>>;
}

export async function writeRestore(db: WorkbenchDb, rows: RestoreRows): Promise<void> {
	const updates = db.table(ENGAGEMENT_UPDATES_TABLE);
	const tables = [
		db.engagements,
		updates,
		db.settings,
		db.templates,
		db.versions,
		db.shares,
		db.voteSessions
	];
	await db.transaction('rw', tables, async () => {
		if (rows.replace) {
			// Restored engagements are new document histories: merged into the rooms the old
			// ones were shared in, they would double every list. Sharing starts again by hand.
			await db.shares.clear();
			await db.voteSessions.clear();
			await db.engagements.bulkDelete(await db.engagements.toCollection().primaryKeys());
			await updates.clear();
			await db.settings.clear();
			await db.templates.clear();
		}
		for (const e of rows.engagements) {
			await db.engagements.add({
				id: e.id,
				...e.fields,
				createdAt: e.createdAt,
				updatedAt: e.updatedAt,
				archived: e.archived ? 1 : 0,
				deletedAt: null,
				incarnation: newId()
			} as never);
			await updates.add({ k: e.id, u: e.update, f: 1 });
		}
		if (rows.settings.length) await db.settings.bulkPut(rows.settings);
		if (rows.templates.length) await db.templates.bulkAdd(rows.templates);
		if (rows.keep?.length) await addVersions(db, rows.keep);
	});
}
