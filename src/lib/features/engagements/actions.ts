import {
	encodeContent,
	readContent,
	replaceContent,
	setProfileField
} from '#lib/documents/engagement-doc.ts';
import { indexFields, type EngagementContent } from '#lib/domain/engagement/profile.ts';
import type { EngagementFile, EngagementFileResult } from '#lib/domain/formats/engagement-file.ts';
import { MAX_FILE_BYTES } from '#lib/domain/formats/safe-json.ts';
import type { Locale } from '#lib/domain/locales.ts';
import type { WorkbenchDb } from '#lib/persistence/db.ts';
import type { Doc } from 'yjs';
import {
	createEngagement,
	engagementExists,
	getEngagement,
	openDocument,
	touchEngagement,
	whenWritten
} from '#lib/persistence/engagements.ts';
import { addVersion, versionOf } from '#lib/persistence/versions.ts';

export const GENERATOR = `CRM Strategy Workbench ${__APP_VERSION__}`;

/** The file format (and zod with it) loads when a file is read or written, not with the app. */
const fileFormat = () => import('#lib/domain/formats/engagement-file.ts');

export async function createFromContent(
	db: WorkbenchDb,
	content: EngagementContent,
	options: { id?: string; createdAt?: number; archived?: boolean } = {}
): Promise<string> {
	return createEngagement(db, indexFields(content.profile), encodeContent(content), options);
}

export class EngagementMissingError extends Error {}

async function open(db: WorkbenchDb, id: string, options?: { deleted?: boolean }) {
	const opened = await openDocument(db, id, options);
	if (!opened) throw new EngagementMissingError(id);
	return opened;
}

/** Runs a command on an engagement's document that is not open in this view, then saves it. */
async function editEngagement(
	db: WorkbenchDb,
	id: string,
	command: (doc: Doc) => void
): Promise<void> {
	const opened = await open(db, id);
	try {
		command(opened.doc);
		await whenWritten(db);
		await touchEngagement(db, id, indexFields(readContent(opened.doc).profile));
	} finally {
		opened.close();
	}
}

/**
 * Reads an engagement without changing anything (its "last change" stays as it was); a deleted
 * one only when asked for.
 */
export async function readEngagementContent(
	db: WorkbenchDb,
	id: string,
	options?: { deleted?: boolean }
): Promise<EngagementContent> {
	const opened = await open(db, id, options);
	try {
		return readContent(opened.doc);
	} finally {
		opened.close();
	}
}

export async function renameEngagement(db: WorkbenchDb, id: string, name: string): Promise<void> {
	await editEngagement(db, id, (doc) => setProfileField(doc, 'name', name));
}

export async function duplicateEngagement(
	db: WorkbenchDb,
	id: string,
	copyName: string
): Promise<string> {
	const content = await readEngagementContent(db, id);
	const name = copyName.length > 200 ? `${copyName.slice(0, 199)}…` : copyName;
	return createFromContent(db, { ...content, profile: { ...content.profile, name } });
}

export async function buildExport(db: WorkbenchDb, id: string, now = new Date()) {
	const summary = await getEngagement(db, id);
	if (!summary) throw new Error(`Engagement ${id} not found`);
	const content = await readEngagementContent(db, id);
	const { makeEngagementFile, exportFileName } = await fileFormat();
	const file = makeEngagementFile(
		{
			id,
			createdAt: summary.createdAt,
			updatedAt: summary.updatedAt,
			archived: summary.archived === 1
		},
		content,
		GENERATOR,
		now
	);
	return {
		name: exportFileName(content.profile.name, now),
		text: JSON.stringify(file, null, '\t') + '\n'
	};
}

/** Reads and checks an import file; changes nothing. */
export async function checkImportFile(file: File, locale: Locale): Promise<EngagementFileResult> {
	if (file.size > MAX_FILE_BYTES) {
		return { ok: false, error: { code: 'tooLarge', bytes: file.size, limitBytes: MAX_FILE_BYTES } };
	}
	const { readEngagementFile } = await fileFormat();
	return readEngagementFile(await file.text(), locale, file.size);
}

/** Adds the file's engagement as a new one (keeping its id when this device does not have it). */
export async function importAsNew(db: WorkbenchDb, file: EngagementFile): Promise<string> {
	const e = file.engagement;
	const taken = await engagementExists(db, e.id);
	return createFromContent(db, e.content, {
		id: taken ? undefined : e.id,
		createdAt: Date.parse(e.createdAt),
		archived: e.archived
	});
}

/**
 * Replaces an engagement's content with the file's, as one edit of its document. The content
 * it replaces is kept first as a version, so a wrong file costs nothing.
 */
export async function importReplacing(
	db: WorkbenchDb,
	id: string,
	file: EngagementFile,
	now = Date.now()
): Promise<void> {
	const content = await readEngagementContent(db, id);
	await addVersion(db, versionOf(id, content, 'beforeImport', now));
	await editEngagement(db, id, (doc) => replaceContent(doc, file.engagement.content));
}
