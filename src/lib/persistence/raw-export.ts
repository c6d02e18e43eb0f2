/**
 * A copy of everything in the database, read with IndexedDB itself (not Dexie, not the
 * schema): for when the app cannot open its data (an upgrade failed, or a newer version wrote
 * it), so that nothing is held hostage. Binary values (document updates) become base64.
 */

export const RAW_EXPORT_KIND = 'crm-strategy-workbench/raw-database';

export interface RawExport {
	kind: typeof RAW_EXPORT_KIND;
	database: string;
	version: number;
	exportedAt: string;
	stores: Record<string, Array<{ key: unknown; value: unknown }>>;
}

function plain(value: unknown): unknown {
	if (value instanceof ArrayBuffer) return plain(new Uint8Array(value));
	if (ArrayBuffer.isView(value)) {
		const bytes = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
		let text = '';
		for (let i = 0; i < bytes.length; i += 0x8000)
			text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
		return { $base64: btoa(text) };
	}
	if (value instanceof Date) return value.toISOString();
	if (Array.isArray(value)) return value.map(plain);
	if (typeof value === 'object' && value !== null)
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
	return value;
}

function request<T>(req: IDBRequest<T>): Promise<T> {
	return new Promise((resolve, reject) => {
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error);
	});
}

export async function rawExport(name: string, now = new Date()): Promise<RawExport> {
	// Opening without a version opens the database as it is, whatever version wrote it.
	const open = indexedDB.open(name);
	open.onupgradeneeded = () => open.transaction?.abort(); // nothing there: create nothing
	const db = await request(open);
	try {
		const stores: RawExport['stores'] = {};
		const names = [...db.objectStoreNames];
		if (names.length) {
			const tx = db.transaction(names, 'readonly');
			for (const store of names) {
				const s = tx.objectStore(store);
				const [keys, values] = await Promise.all([request(s.getAllKeys()), request(s.getAll())]);
				stores[store] = keys.map((key, i) => ({ key: plain(key), value: plain(values[i]) }));
			}
		}
		return {
			kind: RAW_EXPORT_KIND,
			database: name,
			version: db.version,
			exportedAt: now.toISOString(),
			stores
		};
	} finally {
		db.close();
	}
}

/**
 * The schema version (as db.ts numbers them) of the stored database, read without opening it
 * through Dexie (which would adapt it); undefined when there is none. Dexie stores version n
 * as n × 10 in IndexedDB.
 */
export async function storedSchemaVersion(name: string): Promise<number | undefined> {
	const list = await indexedDB.databases?.();
	if (list) {
		const found = list.find((d) => d.name === name)?.version;
		return found === undefined ? undefined : Math.floor(found / 10);
	}
	const open = indexedDB.open(name);
	let created = false;
	open.onupgradeneeded = () => {
		created = true;
		open.transaction?.abort();
	};
	try {
		const db = await request(open);
		const version = db.version;
		db.close();
		return Math.floor(version / 10);
	} catch (e) {
		if (created) return undefined;
		throw e;
	}
}
