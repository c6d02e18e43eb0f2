/**
 * The part of `ws` (8.x) the sync server and its tests use. The package ships no types and
 * `@types/ws` is not a dependency; this covers only what is called here.
 */
declare module 'ws' {
	import type { IncomingMessage } from 'node:http';
	import type { Duplex } from 'node:stream';
	import { EventEmitter } from 'node:events';

	export interface ClientOptions {
		maxPayload?: number;
	}

	export class WebSocket extends EventEmitter {
		static readonly CONNECTING: 0;
		static readonly OPEN: 1;
		static readonly CLOSING: 2;
		static readonly CLOSED: 3;
		constructor(address: string | URL, protocols?: string | string[], options?: ClientOptions);
		readonly readyState: 0 | 1 | 2 | 3;
		readonly protocol: string;
		binaryType: 'nodebuffer' | 'arraybuffer' | 'fragments';
		close(code?: number, reason?: string): void;
		terminate(): void;
		send(data: Uint8Array | ArrayBuffer | string, cb?: (err?: Error) => void): void;
	}

	export interface ServerOptions {
		noServer?: boolean;
		maxPayload?: number;
		handleProtocols?: (protocols: Set<string>, request: IncomingMessage) => string | false;
	}

	export class WebSocketServer extends EventEmitter {
		constructor(options: ServerOptions);
		readonly clients: Set<WebSocket>;
		handleUpgrade(
			request: IncomingMessage,
			socket: Duplex,
			head: Buffer,
			callback: (ws: WebSocket, request: IncomingMessage) => void
		): void;
		close(callback?: (err?: Error) => void): void;
	}

	export default WebSocket;
}
