/**
 * y-leveldb 0.2 ships declarations (dist/src/y-leveldb.d.ts) but its package `exports` do not
 * name them, so TypeScript cannot find them. This covers what server.ts calls.
 */
declare module 'y-leveldb' {
	import type * as Y from 'yjs';

	export class LeveldbPersistence {
		constructor(location: string);
		/** The document as stored: every update merged. */
		getYDoc(docName: string): Promise<Y.Doc>;
		/** Appends an update; transactions run one after another, in call order. */
		storeUpdate(docName: string, update: Uint8Array): Promise<number>;
		/**
		 * Runs `f` after every queued transaction; resolves with null when it throws (the error is
		 * only logged). Not in y-leveldb's own declarations, but what each of its methods uses.
		 */
		_transact<T>(f: (db: { open(): Promise<void> }) => Promise<T>): Promise<T | null>;
		/** Closes the database after every queued transaction. */
		destroy(): Promise<void>;
	}
}
