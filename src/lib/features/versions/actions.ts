import { goto } from '$app/navigation';
import { resolve } from '$app/paths';
import { app, attempt } from '#lib/features/app/index.ts';
import { formatDateTime } from '#lib/i18n/format.ts';
import { i18n } from '#lib/i18n/i18n.svelte.ts';
import {
	deleteVersion,
	getVersion,
	putVersion,
	type VersionSummary
} from '#lib/persistence/versions.ts';
import { toasts } from '#lib/ui/toasts.svelte.ts';
import { readVersion, restoreAsCopy } from './versions.ts';

/** Reads a version, telling the user when it is gone or cannot be read. */
export async function openVersion(v: VersionSummary) {
	const read = await attempt(() => readVersion(app.db, v.id));
	if (read && !read.ok) toasts.show(i18n.t(`versions.error.${read.reason}`), { kind: 'error' });
	return read?.ok ? read : undefined;
}

/** Makes a new engagement from a version and opens it. */
export async function restoreAndOpen(v: VersionSummary): Promise<void> {
	const read = await openVersion(v);
	if (!read) return;
	const name = i18n.t('versions.copyName', {
		name: read.content.profile.name,
		date: formatDateTime(v.createdAt, i18n.locale)
	});
	const id = await attempt(() => restoreAsCopy(app.db, read.content, name));
	if (!id) return;
	toasts.show(i18n.t('versions.restored', { name }));
	await goto(resolve('/e/[id]', { id }));
}

/** Deletes a version; the notice offers to undo it. Resolves true once it is deleted. */
export async function removeVersion(v: VersionSummary): Promise<boolean> {
	const row = await attempt(() => getVersion(app.db, v.id));
	if ((await attempt(() => deleteVersion(app.db, v.id))) === undefined) return false;
	toasts.show(i18n.t('versions.deleted'), {
		action: row
			? { label: i18n.t('common.undo'), run: () => void attempt(() => putVersion(app.db, row)) }
			: undefined
	});
	return true;
}
