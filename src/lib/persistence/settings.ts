import type { WorkbenchDb } from './db.ts';

export async function getSetting(db: WorkbenchDb, key: string): Promise<unknown> {
	return (await db.settings.get(key))?.value;
}

export async function setSetting(db: WorkbenchDb, key: string, value: unknown): Promise<void> {
	await db.settings.put({ key, value });
}
