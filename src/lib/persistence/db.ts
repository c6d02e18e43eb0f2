import { Dexie, type EntityTable } from 'dexie';
import yDexie from 'y-dexie';
import type * as Y from 'yjs';

/** A row of the engagement index. The content itself is the Y.Doc in `doc`. */
export interface EngagementRow {
	id: string;
	name: string;
	client: string;
	industry: string;
	createdAt: number;
	updatedAt: number;
	/** 1 when archived (IndexedDB cannot index booleans). */
	archived: 0 | 1;
	/** Set when deleted; the row stays until purged so that the deletion can be undone. */
	deletedAt: number | null;
	readonly doc: Y.Doc;
}

export interface SettingRow {
	key: string;
	value: unknown;
}

/**
 * A template a user imported (an assessment model of their firm), one row per version; the
 * templates bundled with the app are files, not rows. `template` already passed its schema.
 */
export interface TemplateRow {
	/** `templateId@version`. */
	key: string;
	kind: 'assessment';
	templateId: string;
	version: string;
	template: unknown;
	importedAt: number;
}

export const DB_NAME = 'crm-strategy-workbench';

/**
 * Dexie schema versions, oldest first, append-only. Each later entry ships an upgrade function
 * and a test that opens a database saved by the version before it.
 */
export const SCHEMA_VERSIONS = [
	{
		version: 1,
		stores: {
			engagements: 'id, updatedAt, archived, deletedAt, doc: Y.Doc',
			settings: 'key'
		}
	},
	{
		// Adds the library of imported templates; nothing earlier changes, so no data moves.
		version: 2,
		stores: {
			engagements: 'id, updatedAt, archived, deletedAt, doc: Y.Doc',
			settings: 'key',
			templates: 'key, kind, templateId'
		}
	}
] as const;

export type WorkbenchDb = Dexie & {
	engagements: EntityTable<EngagementRow, 'id'>;
	settings: EntityTable<SettingRow, 'key'>;
	templates: EntityTable<TemplateRow, 'key'>;
};

export const ENGAGEMENT_UPDATES_TABLE = '$engagements.doc_updates';

export function openDb(name = DB_NAME): WorkbenchDb {
	const db = new Dexie(name, { addons: [yDexie] }) as WorkbenchDb;
	for (const { version, stores } of SCHEMA_VERSIONS) db.version(version).stores(stores);
	return db;
}
