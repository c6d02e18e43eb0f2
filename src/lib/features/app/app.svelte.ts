import { isLocale, negotiateLocale, type Locale } from '#lib/domain/locales.ts';
import { i18n } from '#lib/i18n/i18n.svelte.ts';
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
			this.#applyLocale(
				isLocale(saved) ? saved : negotiateLocale(navigator.languages ?? [navigator.language])
			);
			await purgeDeleted(this.db, Date.now() - KEEP_DELETED_MS);
			this.status = 'ready';
		} catch (e) {
			this.error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
			this.status = 'failed';
		}
	}

	async setLocale(locale: Locale): Promise<void> {
		this.#applyLocale(locale);
		await setSetting(this.db, 'locale', locale);
	}

	#applyLocale(locale: Locale) {
		i18n.locale = locale;
		document.documentElement.lang =
			locale === 'zh-CN' ? 'zh-Hans' : locale === 'zh-TW' ? 'zh-Hant' : 'en';
	}
}

export const app = new App();
