/**
 * Hostile files for the importers' tests: arbitrary JSON, and mutations of a valid file (fields
 * dropped, replaced or given another type, prototype keys, deep nesting, enlarged and huge
 * lists, truncated text, another kind or version, links to records that do not exist); and
 * what the tests check around them (the database unchanged, no prototype reached).
 */
import fc from 'fast-check';
import * as Y from 'yjs';
import { readContent } from '../src/lib/documents/engagement-doc.ts';
import type { WorkbenchDb } from '../src/lib/persistence/db.ts';

export const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

const hostileKey = fc.constantFrom(...PROTOTYPE_KEYS, 'kind', 'id', 'x');

/** Any JSON value (keys hostile at times). */
export const anyJson: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
	value: fc.oneof(
		{ depthSize: 'small' },
		fc.constant(null),
		fc.boolean(),
		fc.double({ noNaN: true, noDefaultInfinity: true }),
		fc.integer(),
		fc.string(),
		fc.array(tie('value'), { maxLength: 4 }),
		fc.dictionary(fc.oneof(hostileKey, fc.string()), tie('value'), { maxKeys: 4 })
	)
})).value;

type Path = ReadonlyArray<string | number>;
type Json = unknown;

/** Every path to a value inside `value`, the root's (the empty path) first. */
export function pathsOf(value: Json, at: Path = [], out: Path[] = []): Path[] {
	out.push(at);
	if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...at, i], out));
	else if (value !== null && typeof value === 'object')
		for (const [k, v] of Object.entries(value)) pathsOf(v, [...at, k], out);
	return out;
}

function getAt(root: Json, path: Path): Json {
	let v = root;
	for (const part of path) {
		if (v === null || typeof v !== 'object') return undefined;
		v = (v as Record<string | number, Json>)[part];
	}
	return v;
}

/** Sets the value at `path` (an own property, even for a key like `__proto__`); the new root. */
function setAt(root: Json, path: Path, value: Json): Json {
	if (path.length === 0) return value;
	const parent = getAt(root, path.slice(0, -1));
	if (parent !== null && typeof parent === 'object')
		Object.defineProperty(parent, path.at(-1)!, {
			value,
			enumerable: true,
			writable: true,
			configurable: true
		});
	return root;
}

function dropAt(root: Json, path: Path): Json {
	if (path.length === 0) return undefined;
	const parent = getAt(root, path.slice(0, -1));
	const key = path.at(-1)!;
	if (Array.isArray(parent) && typeof key === 'number') parent.splice(key, 1);
	else if (parent !== null && typeof parent === 'object')
		delete (parent as Record<string, Json>)[key];
	return root;
}

/** The fields that hold a user's own words, in the engagement file and the templates. */
const TEXT_KEYS = new Set(
	(
		'name title description notes text label goal exitCriteria rationale today target pains ' +
		'department role resolution evidence naReason client industry region sponsor consultant ' +
		'brandPromise positioningRationale understanding sources crossSell upSell managementNotes ' +
		'tierOverrideReason metric unit owner generator source licence en zh-CN zh-TW'
	).split(' ')
);

/** Texts that have hurt applications before. */
export const HOSTILE_TEXTS = [
	'<img src=x onerror=alert(1)>',
	'</script><script>alert(1)</script>',
	'{{constructor.constructor("alert(1)")()}}',
	'__proto__',
	'constructor',
	'\u0000\u202e\ufeff',
	'😀👨‍👩‍👧',
	'x'.repeat(6000),
	'   '
];

/** One change to a parsed file (mutated in place); returns the new root. */
type Mutation = (root: Json) => Json;

export interface MutationOptions {
	/** A list longer than this is refused before parsing (see safe-json.ts). */
	listItemsLimit: number;
	/** The file's kind, and other kinds to swap it for. */
	kinds: readonly string[];
}

/**
 * Text of a valid file changed by one to three mutations, at times cut short. Every mutation
 * picks its place among the valid file's own paths; a place a previous mutation removed is left
 * alone.
 */
export function mutatedFiles(valid: Json, options: MutationOptions): fc.Arbitrary<string> {
	const paths = pathsOf(valid);
	const of = (test: (v: Json) => boolean) => paths.filter((p) => test(getAt(valid, p)));
	const objects = of((v) => v !== null && typeof v === 'object' && !Array.isArray(v));
	const arrays = of(Array.isArray);
	const strings = of((v) => typeof v === 'string');
	// Texts a user writes (not ids, dates or choices from a list).
	const texts = strings.filter((p) => TEXT_KEYS.has(String(p.at(-1))));
	const children = paths.filter((p) => p.length > 0);
	// The file's own ids (and one that names nothing): as a link, each may name the wrong
	// record, a record of another list, or none; as an id, it may be a duplicate.
	const ids = [
		...new Set(
			paths
				.filter((p) => p.at(-1) === 'id' || String(p.at(-1)).endsWith('Id'))
				.map((p) => getAt(valid, p))
				.filter((v): v is string => typeof v === 'string')
		),
		'gone'
	];
	const anyOther = fc.constantFrom<Json>(null, true, 0, -1, 1.5, 1e21, '', 'x', [], {}, [null], {
		a: 1
	});
	const mutation: fc.Arbitrary<Mutation> = fc.oneof(
		// drop a field or a list item
		fc.constantFrom(...children).map(
			(p): Mutation =>
				(r) =>
					dropAt(r, p)
		),
		// replace a value with any JSON
		fc.tuple(fc.constantFrom(...paths), anyJson).map(
			([p, v]): Mutation =>
				(r) =>
					setAt(r, p, v)
		),
		// give a value another type
		fc.tuple(fc.constantFrom(...paths), anyOther).map(
			([p, v]): Mutation =>
				(r) =>
					setAt(r, p, v)
		),
		// a prototype key, with the classic payload, in any object
		fc.tuple(fc.constantFrom(...objects), fc.constantFrom(...PROTOTYPE_KEYS), fc.boolean()).map(
			([p, key, nested]): Mutation =>
				(r) =>
					setAt(r, [...p, key], nested ? { prototype: { polluted: true } } : { polluted: true })
		),
		// nest a value deeply
		fc
			.tuple(fc.constantFrom(...paths), fc.integer({ min: 1, max: 90 }), fc.boolean())
			.map(([p, depth, inArrays]): Mutation => (r) => {
				let v = getAt(r, p);
				for (let i = 0; i < depth; i++) v = inArrays ? [v] : { x: v };
				return setAt(r, p, v);
			}),
		// enlarge a list (its items repeated: duplicate ids, and more than a list may hold)
		fc
			.tuple(fc.constantFrom(...arrays), fc.integer({ min: 1, max: 250 }))
			.map(([p, more]): Mutation => (r) => {
				const list = getAt(r, p);
				if (!Array.isArray(list)) return r;
				const items = list.length > 0 ? [...list] : [0];
				for (let i = 0; i < more; i++) list.push(structuredClone(items[i % items.length]));
				return r;
			}),
		// truncate a text (oftener: most texts may be cut, so this keeps files that pass coming)
		{
			weight: 4,
			arbitrary: fc.tuple(fc.constantFrom(...strings), fc.nat()).map(([p, n]): Mutation => (r) => {
				const s = getAt(r, p);
				return typeof s === 'string' ? setAt(r, p, s.slice(0, n % (s.length + 1))) : r;
			})
		},
		// rewrite a text with any text (markup, control and astral characters, prototype words)
		{
			weight: 4,
			arbitrary: fc
				.tuple(
					fc.constantFrom(...texts),
					fc.oneof(fc.string({ maxLength: 30, unit: 'binary' }), fc.constantFrom(...HOSTILE_TEXTS))
				)
				.map(
					([p, text]): Mutation =>
						(r) =>
							typeof getAt(r, p) === 'string' ? setAt(r, p, text) : r
				)
		},
		// another kind, or another version
		fc.oneof(fc.constantFrom<Json>(...options.kinds, '', 42, null), fc.string()).map(
			(kind): Mutation =>
				(r) =>
					setAt(r, ['kind'], kind)
		),
		fc.constantFrom<Json>(0, -1, 2, 99, 1.5, '1', null, 1e308).map(
			(version): Mutation =>
				(r) =>
					setAt(r, ['formatVersion'], version)
		),
		// a link (or an id) that names another record, or nothing
		fc.tuple(fc.constantFrom(...strings), fc.constantFrom(...ids)).map(
			([p, id]): Mutation =>
				(r) =>
					typeof getAt(r, p) === 'string' ? setAt(r, p, id) : r
		)
	);
	// A huge list is rarer: each takes a few milliseconds to write out.
	const huge = fc.constantFrom(...arrays).map(
		(p): Mutation =>
			(r) =>
				setAt(r, p, new Array(options.listItemsLimit + 1).fill(0))
	);
	return fc
		.tuple(
			fc.oneof(
				{ weight: 45, arbitrary: mutation.map((m) => [m]) },
				{ weight: 24, arbitrary: fc.array(mutation, { minLength: 2, maxLength: 3 }) },
				{ weight: 1, arbitrary: fc.tuple(huge) }
			),
			// Cut short at times.
			fc.oneof({ weight: 19, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.nat() })
		)
		.map(([changes, cut]) => {
			let root = structuredClone(valid);
			for (const change of changes) root = change(root);
			const text = JSON.stringify(root) ?? '';
			return cut === null ? text : text.slice(0, cut % (text.length + 1));
		});
}

/** Files for a property: mostly mutations of a valid file, the rest any JSON at all. */
export function hostileFiles(valid: Json, options: MutationOptions) {
	return fc.oneof(
		{
			arbitrary: mutatedFiles(valid, options).map((text) => ({ text, origin: 'mutated' as const })),
			weight: 4
		},
		{
			arbitrary: anyJson.map((v) => ({
				text: JSON.stringify(v) ?? 'null',
				origin: 'any' as const
			})),
			weight: 1
		}
	);
}

/**
 * Every record of every store of the database, as stored (read through IndexedDB itself, not
 * Dexie's hooks), each serialised: two dumps are equal only if nothing was written. A store of
 * document updates is compared by what each document holds (its state vector and content):
 * y-dexie rewrites those rows in the background (it merges a document's updates into one,
 * ten seconds after the database opens and every five minutes), which changes no document.
 */
export async function dumpDb(db: WorkbenchDb): Promise<Record<string, string[]>> {
	await db.open();
	const idb = db.backendDB();
	const names = [...idb.objectStoreNames];
	const tx = idb.transaction(names, 'readonly');
	const bytes = (_: string, v: unknown) => (v instanceof Uint8Array ? { bytes: Array.from(v) } : v);
	const all = (name: string) =>
		new Promise<string[]>((resolve, reject) => {
			const store = tx.objectStore(name);
			const keys = store.getAllKeys();
			const values = store.getAll();
			values.onsuccess = () =>
				resolve(
					name.endsWith('_updates')
						? documentStates(values.result)
						: values.result.map((v, i) => JSON.stringify({ key: keys.result[i], value: v }, bytes))
				);
			values.onerror = () => reject(values.error);
		});
	return Object.fromEntries(await Promise.all(names.map(async (n) => [n, await all(n)])));
}

/** Each document of an updates store: its id, state vector and content. */
function documentStates(rows: unknown[]): string[] {
	const updates = new Map<string, Array<{ i?: unknown; u: Uint8Array }>>();
	for (const row of rows as Array<{ i?: unknown; k?: unknown; u?: unknown }>) {
		if (typeof row.k !== 'string' || !(row.u instanceof Uint8Array)) continue;
		updates.set(row.k, [...(updates.get(row.k) ?? []), { i: row.i, u: row.u }]);
	}
	return [...updates].map(([k, list]) => {
		const key = `${k} ${list.map((r) => `${String(r.i)}:${fnv(r.u)}`).join(' ')}`;
		let state = stateOf.get(key);
		if (state === undefined) {
			const doc = new Y.Doc();
			for (const { u } of list) Y.applyUpdateV2(doc, u);
			state = JSON.stringify({
				k,
				stateVector: Array.from(Y.encodeStateVector(doc)),
				content: readContent(doc)
			});
			doc.destroy();
			stateOf.set(key, state);
		}
		return state;
	});
}
/** Documents already read, by their rows (the same rows hold the same document). */
const stateOf = new Map<string, string>();
/** FNV-1a over bytes: a cheap fingerprint of a stored update. */
function fnv(bytes: Uint8Array): string {
	let h = 0x811c9dc5;
	for (const b of bytes) h = Math.imul(h ^ b, 0x01000193);
	return `${bytes.length}.${(h >>> 0).toString(36)}`;
}

/** The stores' records that were there before are all still there, unchanged. */
export function keptAll(
	before: Record<string, string[]>,
	after: Record<string, string[]>
): string[] {
	const lost: string[] = [];
	for (const [store, rows] of Object.entries(before)) {
		const now = new Set(after[store] ?? []);
		for (const row of rows) if (!now.has(row)) lost.push(`${store}: ${row.slice(0, 200)}`);
	}
	return lost;
}

const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype).sort().join();

/** Nothing reached Object.prototype: no `polluted`, no new key. */
export function prototypeIntact(): boolean {
	return (
		({} as Record<string, unknown>).polluted === undefined &&
		Object.getOwnPropertyNames(Object.prototype).sort().join() === PROTOTYPE_NAMES
	);
}

/** A line of a message in Chinese holds Chinese (the user's language, not English). */
export const HAS_CJK = /[\u3400-\u9fff\uff01-\uff5e「」“”]/;
