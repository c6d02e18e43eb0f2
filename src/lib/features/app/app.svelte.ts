import { isLocale, negotiateLocale, type Locale } from '#lib/domain/locales.ts';
import { i18n, loadMessages } from '#lib/i18n/i18n.svelte.ts';
import {
	DB_NAME,
	makeReadOnly,
	openDb,
	SCHEMA_VERSIONS,
	type ReadOnlyReason,
	type WorkbenchDb
} from '#lib/persistence/db.ts';
import { KEEP_DELETED_MS, purgeDeleted } from '#lib/persistence/engagements.ts';
import { storedSchemaVersion } from '#lib/persistence/raw-export.ts';
import { getSetting, setSetting } from '#lib/persistence/settings.ts';
import { answerTabQueries, askOpenTabs, describeThisTab, type TabInfo } from './tabs.ts';

/** Why the app could not open its data. */
export type StartFailure = 'tooNew' | 'upgrade' | 'other';

class App {
	status = $state<'starting' | 'blocked' | 'ready' | 'failed'>('starting');
	failure = $state<StartFailure | null>(null);
	error = $state<string | null>(null);
	/** Set when nothing more can be saved in this tab (see `enterReadOnly`); a reload lifts it. */
	readOnly = $state<ReadOnlyReason | null>(null);
	/** While an upgrade waits: the other tabs that hold the database open, as they say. */
	blockedBy = $state<TabInfo[]>([]);
	readonly dbName: string = DB_NAME;
	#db: WorkbenchDb | undefined;

	get db(): WorkbenchDb {
		this.#db ??= openDb(this.dbName);
		return this.#db;
	}

	async start(): Promise<void> {
		const db = this.db;
		answerTabQueries(() => describeThisTab(openedAt));
		// Another tab opened a newer version of the app, which upgrades the database: this tab
		// lets it (Dexie closes the connection) and stops saving, asking for a reload.
		db.on('versionchange', () => {
			this.enterReadOnly('outdated');
		});
		// This tab upgrades the database, and another tab still holds it open.
		db.on('blocked', () => {
			this.status = 'blocked';
			void this.#applyLocale(browserLocale());
			void askOpenTabs().then((tabs) => (this.blockedBy = tabs));
		});
		const latest = SCHEMA_VERSIONS.at(-1)!.version;
		let stored: number | undefined;
		try {
			stored = await storedSchemaVersion(this.dbName);
			// Dexie would open (and adapt) a database of a newer schema; this release must not.
			if (stored !== undefined && stored > latest) throw new NewerDatabaseError(stored);
			await db.open();
		} catch (e) {
			db.close();
			await this.#applyLocale(browserLocale());
			this.failure = classifyStartError(e, stored, latest);
			this.error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
			this.status = 'failed';
			return;
		}
		try {
			const saved = await getSetting(db, 'locale');
			await this.#applyLocale(isLocale(saved) ? saved : browserLocale());
			await purgeDeleted(db, Date.now() - KEEP_DELETED_MS);
			this.status = 'ready';
			registerServiceWorkerWhenIdle();
		} catch (e) {
			this.failure = 'other';
			this.error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
			this.status = 'failed';
		}
	}

	/**
	 * Stops every write from this tab: storage is full (what was saved stays safe; export and
	 * backup still work), or a newer version of the app took over the database.
	 */
	enterReadOnly(reason: ReadOnlyReason): void {
		if (this.readOnly) return;
		makeReadOnly(this.db, reason);
		this.readOnly = reason;
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

const openedAt = Date.now();

function browserLocale(): Locale {
	return negotiateLocale(navigator.languages ?? [navigator.language]);
}

class NewerDatabaseError extends Error {
	override name = 'NewerDatabaseError';
	constructor(stored: number) {
		super(`The stored database has schema version ${stored}, newer than this release's.`);
	}
}

/**
 * Why opening failed: a newer release wrote the data; or this release's upgrade of older data
 * failed (IndexedDB then keeps the data as it was); or something else.
 */
export function classifyStartError(
	e: unknown,
	stored: number | undefined,
	latest: number
): StartFailure {
	const name = e instanceof Error ? e.name : '';
	if (name === 'NewerDatabaseError' || name === 'VersionError') return 'tooNew';
	if (stored !== undefined && stored < latest) return 'upgrade';
	return 'other';
}

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
