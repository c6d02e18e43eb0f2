import { z } from 'zod';
import type { EngagementContent } from '../engagement/profile.ts';
import type { Locale } from '../locales.ts';
import { assessmentTemplateSchema, engagementContentSchema } from '../schemas.ts';
import { ENGAGEMENT_FILE_KIND } from './engagement-file.ts';
import { readFileHeader, type FileHeaderError } from './file-header.ts';
import { problemsFromZod, type Problem } from './problems.ts';
import { errorMap } from './references.ts';
import { parseJsonSafely, type SafeJsonError } from './safe-json.ts';

/**
 * The full backup: every engagement on the device (as plain JSON, like the engagement export),
 * the settings and the imported templates, in one file, documented in README.md and published
 * as JSON Schema. Restoring it gives back what was backed up; `planRestore` says beforehand
 * what a restore would do.
 */
export const BACKUP_FILE_KIND = 'crm-strategy-workbench/backup';
export const BACKUP_FILE_VERSION = 1;
/** A backup holds many engagements: a larger limit than one engagement file's. */
export const MAX_BACKUP_BYTES = 200 * 1024 * 1024;
/** List items a backup may hold: four times one engagement file's limit, as for its size. */
export const MAX_BACKUP_ITEMS = 4_000_000;
export const BACKUP_LIMITS = { engagements: 2000, settings: 200, templates: 1000 } as const;

const isoTime = z.iso.datetime({ offset: true });

/** A setting's value: plain JSON (the app checks each setting again when it reads it). */
const jsonValue: z.ZodType<unknown> = z.json();

export const backupFileSchema = z
	.strictObject({
		kind: z.literal(BACKUP_FILE_KIND),
		formatVersion: z.literal(BACKUP_FILE_VERSION),
		exportedAt: isoTime,
		generator: z.string().max(200),
		engagements: z
			.array(
				z.strictObject({
					id: z.string().min(1).max(64),
					createdAt: isoTime,
					updatedAt: isoTime,
					archived: z.boolean(),
					content: engagementContentSchema
				})
			)
			.max(BACKUP_LIMITS.engagements),
		settings: z
			.array(z.strictObject({ key: z.string().min(1).max(100), value: jsonValue }))
			.max(BACKUP_LIMITS.settings),
		templates: z
			.array(
				z.strictObject({
					kind: z.literal('assessment'),
					importedAt: isoTime,
					template: assessmentTemplateSchema
				})
			)
			.max(BACKUP_LIMITS.templates)
	})
	.superRefine((file, ctx) => {
		const seen = new Set<string>();
		file.engagements.forEach((e, i) => {
			if (seen.has(e.id))
				ctx.addIssue({
					code: 'custom',
					path: ['engagements', i, 'id'],
					message: `duplicate engagement id ${e.id}`
				});
			seen.add(e.id);
		});
	})
	.meta({
		title: 'CRM Strategy Workbench backup',
		description:
			'Everything the CRM Strategy Workbench keeps on one device: engagements, settings and imported templates.'
	});
export type BackupFile = z.infer<typeof backupFileSchema>;
export type BackupEngagement = BackupFile['engagements'][number];

export type BackupFileError =
	| SafeJsonError
	| FileHeaderError
	| { code: 'engagementFile' }
	| { code: 'invalid'; problems: Problem[] };

export type BackupFileResult =
	{ ok: true; file: BackupFile } | { ok: false; error: BackupFileError };

/** Reads and checks a backup file's text; refuses anything that is not a whole, valid backup. */
export function readBackupFile(
	text: string,
	locale: Locale,
	byteLength = text.length * 2
): BackupFileResult {
	const parsed = parseJsonSafely(text, byteLength, MAX_BACKUP_BYTES, MAX_BACKUP_ITEMS);
	if (!parsed.ok) return parsed;
	const header = readFileHeader(parsed.value, BACKUP_FILE_KIND, BACKUP_FILE_VERSION);
	if (!header.ok)
		// One engagement's export chosen by mistake is named as such.
		return header.error.code === 'wrongKind' && header.error.found === ENGAGEMENT_FILE_KIND
			? { ok: false, error: { code: 'engagementFile' } }
			: header;
	const result = backupFileSchema.safeParse(header.data, { error: errorMap(locale) });
	if (!result.success)
		return { ok: false, error: { code: 'invalid', problems: problemsFromZod(result.error) } };
	return { ok: true, file: result.data };
}

export interface BackupSource {
	engagements: Array<{
		id: string;
		createdAt: number;
		updatedAt: number;
		archived: boolean;
		content: EngagementContent;
	}>;
	settings: Array<{ key: string; value: unknown }>;
	templates: Array<{ kind: 'assessment'; importedAt: number; template: unknown }>;
}

export function makeBackupFile(source: BackupSource, generator: string, now: Date): BackupFile {
	const iso = (ms: number) => new Date(ms).toISOString();
	return {
		kind: BACKUP_FILE_KIND,
		formatVersion: BACKUP_FILE_VERSION,
		exportedAt: now.toISOString(),
		generator,
		engagements: source.engagements.map((e) => ({
			id: e.id,
			createdAt: iso(e.createdAt),
			updatedAt: iso(e.updatedAt),
			archived: e.archived,
			content: e.content
		})),
		settings: source.settings.map(({ key, value }) => ({ key, value })),
		templates: source.templates.map((t) => ({
			kind: t.kind,
			importedAt: iso(t.importedAt),
			template: t.template as BackupFile['templates'][number]['template']
		}))
	};
}

export function backupFileName(now: Date): string {
	return `crm-workbench-backup-${now.toISOString().slice(0, 10)}.crmbackup.json`;
}

/* ---------- what a restore would do ---------- */

export type RestoreMode = 'merge' | 'replace';

/** What the device holds now, as far as a restore needs to know. */
export interface DeviceState {
	engagements: Array<{ id: string; name: string; updatedAt: number }>;
	settingKeys: string[];
	/** Imported template versions by `id@version`, each with its content as JSON text. */
	templates: Map<string, string>;
}

export interface RestorePlan {
	mode: RestoreMode;
	/** Each engagement of the backup: added as it is, added as a copy beside the device's own
	 * (merge, same engagement changed on both), or left out (merge, the device has it as is). */
	engagements: Array<{ index: number; name: string; action: 'add' | 'copy' | 'skip' }>;
	/** Engagements on the device that a replace removes. */
	removed: Array<{ id: string; name: string }>;
	/** Settings of the backup written; a merge keeps the device's own where both have one. */
	settings: { write: string[]; keep: string[] };
	/** Template versions added; versions the device has with other content stay as they are. */
	templates: { add: number[]; same: number; conflicting: string[] };
}

const templateKeyOf = (t: { id: string; version: string }) => `${t.id}@${t.version}`;

export function planRestore(
	backup: BackupFile,
	device: DeviceState,
	mode: RestoreMode
): RestorePlan {
	const onDevice = new Map(device.engagements.map((e) => [e.id, e]));
	const engagements = backup.engagements.map((e, index) => {
		const name = e.content.profile.name;
		if (mode === 'replace') return { index, name, action: 'add' as const };
		const here = onDevice.get(e.id);
		if (!here) return { index, name, action: 'add' as const };
		return {
			index,
			name,
			action: here.updatedAt === Date.parse(e.updatedAt) ? ('skip' as const) : ('copy' as const)
		};
	});
	const removed =
		mode === 'replace' ? device.engagements.map(({ id, name }) => ({ id, name })) : [];
	const keys = new Set(device.settingKeys);
	const settings =
		mode === 'replace'
			? { write: backup.settings.map((s) => s.key), keep: [] }
			: {
					write: backup.settings.filter((s) => !keys.has(s.key)).map((s) => s.key),
					keep: backup.settings.filter((s) => keys.has(s.key)).map((s) => s.key)
				};
	const add: number[] = [];
	const conflicting: string[] = [];
	let same = 0;
	backup.templates.forEach((t, i) => {
		const key = templateKeyOf(t.template);
		const here = mode === 'replace' ? undefined : device.templates.get(key);
		if (here === undefined) add.push(i);
		else if (here === JSON.stringify(t.template)) same++;
		else conflicting.push(key);
	});
	return { mode, engagements, removed, settings, templates: { add, same, conflicting } };
}
