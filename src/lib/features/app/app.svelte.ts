import { isLocale, negotiateLocale, type Locale } from '#lib/domain/locales.ts';
import { i18n, loadMessages } from '#lib/i18n/i18n.svelte.ts';
import { openDb, type WorkbenchDb } from '#lib/persistence/db.ts';
import { KEEP_DELETED_MS, purgeDeleted } from '#lib/persistence/engagements.ts';
import { getSetting, setSetting } from '#lib/persistence/settings.ts';

class App {
	status = $state<'starting' | 'ready' | 'failed'>('starting');
	error = $state<string | null>(null);
	#db: WorkbenchDb | undefined;

	get db(): WorkbenchDb {
		this.#db ??= openDb();
		return this.#db;
	}

	async start(): Promise<void> {
		try {
			await this.db.open();
			const saved = await getSetting(this.db, 'locale');
			await this.#applyLocale(
				isLocale(saved) ? saved : negotiateLocale(navigator.languages ?? [navigator.language])
			);
			await purgeDeleted(this.db, Date.now() - KEEP_DELETED_MS);
			this.status = 'ready';
			registerServiceWorkerWhenIdle();
		} catch (e) {
			this.error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
			this.status = 'failed';
		}
	}

	async setLocale(locale: Locale): Promise<void> {
		await this.#applyLocale(locale);
		await setSetting(this.db, 'locale', locale);
	}

	async #applyLocale(wanted: Locale) {
		// A language whose messages cannot be loaded (say, an update replaced the files while
		// offline) leaves the app in English rather than not starting at all.
		const locale = await loadMessages(wanted).then(
			() => wanted,
			(): Locale => 'en'
		);
		i18n.locale = locale;
		document.documentElement.lang =
			locale === 'zh-CN' ? 'zh-Hans' : locale === 'zh-TW' ? 'zh-Hant' : 'en';
	}
}

export const app = new App();

/** How long after the start the offline cache begins to fill, so that it never slows the start. */
const SERVICE_WORKER_DELAY_MS = 3000;

/**
 * Registers the service worker that makes the app work offline, a few seconds after the start
 * and when the page is idle. (Its install caches several megabytes; at once, it would compete
 * with the first page.) Not in development, where nothing is cached.
 */
function registerServiceWorkerWhenIdle() {
	if (import.meta.env.DEV || !('serviceWorker' in navigator)) return;
	const register = () => {
		navigator.serviceWorker
			.register(new URL('service-worker.js', document.baseURI), { type: 'module' })
			.catch((e: unknown) => console.warn('The offline cache could not be set up:', e));
	};
	setTimeout(() => {
		if ('requestIdleCallback' in window) requestIdleCallback(register, { timeout: 5000 });
		else register();
	}, SERVICE_WORKER_DELAY_MS);
}
