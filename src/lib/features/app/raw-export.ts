import { rawExport } from '#lib/persistence/raw-export.ts';
import { downloadFile } from '#lib/ui/download.ts';
import { app } from './app.svelte.ts';

/** Downloads everything in the database as it is, for when the app cannot open it. */
export async function rawExportFile(now = new Date()): Promise<string> {
	const data = await rawExport(app.dbName, now);
	const name = `crm-workbench-raw-data-${now.toISOString().slice(0, 10)}.json`;
	downloadFile(name, JSON.stringify(data), 'application/json');
	return name;
}
