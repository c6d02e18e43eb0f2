import { encodeContent } from '#lib/documents/engagement-doc.ts';
import { indexFields } from '#lib/domain/engagement/profile.ts';
import type {
	BackupFile,
	BackupFileResult,
	RestoreMode,
	RestorePlan
} from '#lib/domain/formats/backup-file.ts';
import type { Locale } from '#lib/domain/locales.ts';
import { readDeviceRows, writeRestore } from '#lib/persistence/backup.ts';
import type { VersionRow, WorkbenchDb } from '#lib/persistence/db.ts';
import { newId } from '#lib/persistence/engagements.ts';
import { versionOf } from '#lib/persistence/versions.ts';
import { setSetting } from '#lib/persistence/settings.ts';
import { GENERATOR, readEngagementContent } from './actions.ts';

/** The format (and zod with it) loads when a backup is made or read, not with the app. */
const backupFormat = () => import('#lib/domain/formats/backup-file.ts');

/** When the last full backup was made on this device (ms), for the reminder. */
export const LAST_BACKUP_KEY = 'lastBackupAt';

/** Everything on this device as one backup file's name and text; notes when it was made. */
export async function buildBackup(db: WorkbenchDb, now = new Date()) {
	const rows = await readDeviceRows(db);
	const engagements = [];
	for (const e of rows.engagements)
		engagements.push({ ...e, content: await readEngagementContent(db, e.id) });
	const { makeBackupFile, backupFileName } = await backupFormat();
	const file = makeBackupFile(
		{
			engagements,
			settings: rows.settings.filter((s) => s.key !== LAST_BACKUP_KEY),
			templates: rows.templates.map((t) => ({
				kind: t.kind,
				importedAt: t.importedAt,
				template: t.template
			}))
		},
		GENERATOR,
		now
	);
	return {
		name: backupFileName(now),
		text: JSON.stringify(file, null, '\t') + '\n',
		/** Call once the file is saved. */
		done: () => setSetting(db, LAST_BACKUP_KEY, now.getTime())
	};
}

/** Reads and checks a backup file; changes nothing. */
export async function checkBackupFile(file: File, locale: Locale): Promise<BackupFileResult> {
	const { readBackupFile, MAX_BACKUP_BYTES } = await backupFormat();
	if (file.size > MAX_BACKUP_BYTES)
		return {
			ok: false,
			error: { code: 'tooLarge', bytes: file.size, limitBytes: MAX_BACKUP_BYTES }
		};
	return readBackupFile(await file.text(), locale, file.size);
}

/** What restoring `backup` in `mode` would do on this device now. */
export async function previewRestore(
	db: WorkbenchDb,
	backup: BackupFile,
	mode: RestoreMode
): Promise<RestorePlan> {
	const rows = await readDeviceRows(db);
	const { planRestore } = await backupFormat();
	return planRestore(
		backup,
		{
			engagements: rows.engagements,
			settingKeys: rows.settings.map((s) => s.key),
			templates: new Map(rows.templates.map((t) => [t.key, JSON.stringify(t.template)]))
		},
		mode
	);
}

/**
 * Restores `backup`: a replace leaves the device holding exactly the backup; a merge adds what
 * the device lacks and never overwrites (an engagement changed on both sides comes back as a
 * copy named by `copyName`). All in one transaction. Returns the plan it carried out.
 */
export async function restoreBackup(
	db: WorkbenchDb,
	backup: BackupFile,
	mode: RestoreMode,
	copyName: (name: string) => string,
	now = Date.now()
): Promise<RestorePlan> {
	const plan = await previewRestore(db, backup, mode);
	const engagements = plan.engagements
		.filter((p) => p.action !== 'skip')
		.map(({ index, action }) => {
			const e = backup.engagements[index]!;
			const content =
				action === 'copy'
					? {
							...e.content,
							profile: { ...e.content.profile, name: copyName(e.content.profile.name) }
						}
					: e.content;
			return {
				id: action === 'copy' ? newId() : e.id,
				fields: indexFields(content.profile),
				createdAt: Date.parse(e.createdAt),
				updatedAt: Date.parse(e.updatedAt),
				archived: e.archived,
				update: encodeContent(content)
			};
		});
	const write = new Set(plan.settings.write);
	// A replace keeps every engagement it removes as a version (listed under "Versions of
	// engagements no longer here"), written in the restore's own transaction.
	const keep = mode === 'replace' ? await keepAsVersions(db, now) : [];
	await writeRestore(db, {
		replace: mode === 'replace',
		keep,
		engagements,
		settings: backup.settings.filter((s) => write.has(s.key)),
		templates: plan.templates.add.map((i) => {
			const t = backup.templates[i]!;
			return {
				key: `${t.template.id}@${t.template.version}`,
				kind: t.kind,
				templateId: t.template.id,
				version: t.template.version,
				template: t.template,
				importedAt: Date.parse(t.importedAt)
			};
		})
	});
	return plan;
}

/**
 * Every engagement on the device as it is now, deleted ones too (a replace removes them as
 * well, and with them the chance to undo their deletion), as versions to keep.
 */
async function keepAsVersions(
	db: WorkbenchDb,
	now: number
): Promise<Array<Omit<VersionRow, 'id'>>> {
	const kept: Array<Omit<VersionRow, 'id'>> = [];
	for (const id of await db.engagements.toCollection().primaryKeys()) {
		const content = await readEngagementContent(db, id, { deleted: true });
		kept.push(versionOf(id, content, 'beforeRestore', now));
	}
	return kept;
}
