import { i18n } from '#lib/i18n/i18n.svelte.ts';
import { toasts } from '#lib/ui/toasts.svelte.ts';

/** Names of errors that mean "this engagement is gone", whichever layer noticed. */
const MISSING = new Set(['EngagementMissingError', 'DatabaseClosedError']);

/** Says what went wrong in the user's language; technical detail only where nothing better fits. */
export function describeError(error: unknown): string {
	const e = error instanceof Error ? error : new Error(String(error));
	const name = e.constructor?.name ?? e.name;
	if (MISSING.has(name)) return i18n.t('error.missing');
	if (e.name === 'QuotaExceededError' || e.name === 'QuotaExceeded')
		return i18n.t('error.storageFull');
	if (
		/dynamically imported module|Importing a module script failed|error loading dynamically imported module/i.test(
			e.message
		)
	) {
		return i18n.t('error.newVersion');
	}
	return i18n.t('error.generic', { detail: e.message });
}

/** Runs a user action; if it fails, the user is told (the toast stays until dismissed). */
export async function attempt<T>(action: () => Promise<T>): Promise<T | undefined> {
	try {
		return await action();
	} catch (error) {
		console.error(error);
		toasts.show(describeError(error), { kind: 'error' });
		return undefined;
	}
}
