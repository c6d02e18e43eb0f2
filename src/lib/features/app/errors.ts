import { i18n } from '#lib/i18n/i18n.svelte.ts';
import { READ_ONLY_ERROR } from '#lib/persistence/db.ts';
import { toasts } from '#lib/ui/toasts.svelte.ts';
import { app } from './app.svelte.ts';

/** Names of errors that mean "this engagement is gone", whichever layer noticed. */
const MISSING = new Set(['EngagementMissingError', 'DatabaseClosedError']);

/** Says what went wrong in the user's language; technical detail only where nothing better fits. */
export function describeError(error: unknown): string {
	const e = error instanceof Error ? error : new Error(String(error));
	const name = e.constructor?.name ?? e.name;
	if (MISSING.has(name)) return i18n.t('error.missing');
	// Dexie passes the refusal on as a DexieError of the same name.
	if (e.name === READ_ONLY_ERROR) return i18n.t(`error.readOnly.${app.readOnly ?? 'storageFull'}`);
	if (isStorageFull(e)) return i18n.t('error.storageFull');
	if (
		/dynamically imported module|Importing a module script failed|error loading dynamically imported module/i.test(
			e.message
		)
	) {
		return i18n.t('error.newVersion');
	}
	return i18n.t('error.generic', { detail: e.message });
}

/**
 * Whether an error (or one it wraps: Dexie keeps the browser's error as `inner`, a bulk write
 * its `failures`) says that storage is full.
 */
export function isStorageFull(error: unknown, depth = 0): boolean {
	if (typeof error !== 'object' || error === null || depth > 4) return false;
	const e = error as { name?: unknown; inner?: unknown; failures?: unknown };
	if (e.name === 'QuotaExceededError' || e.name === 'QuotaExceeded') return true;
	if (isStorageFull(e.inner, depth + 1)) return true;
	const failures = Array.isArray(e.failures) ? e.failures : Object.values(e.failures ?? {});
	return failures.some((f) => isStorageFull(f, depth + 1));
}

/** A failed write because storage is full turns the app read-only (see App.enterReadOnly). */
export function noticeWriteFailure(error: unknown): void {
	if (isStorageFull(error)) app.enterReadOnly('storageFull');
}

/** Runs a user action; if it fails, the user is told (the toast stays until dismissed). */
export async function attempt<T>(action: () => Promise<T>): Promise<T | undefined> {
	try {
		return await action();
	} catch (error) {
		console.error(error);
		noticeWriteFailure(error);
		toasts.show(describeError(error), { kind: 'error' });
		return undefined;
	}
}
