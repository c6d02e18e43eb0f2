/**
 * `npm run sync-server`: the sync server for shared engagements and workshop voting.
 * Parses the command line and starts server.ts; Ctrl+C (or SIGTERM) stops it after every
 * pending write is on disk.
 */
import os from 'node:os';
import { DEFAULTS, startSyncServer, type SyncServerOptions } from './server.ts';

const USAGE = `Usage: npm run sync-server -- [options]
       node server/sync-server.ts [options]

The sync server for shared engagements and workshop voting.

Options:
  --port N             port to listen on (default ${DEFAULTS.port}; 0 picks a free one)
  --lan                listen on every interface (0.0.0.0), for devices on the local network
  --host H             listen on this interface (default ${DEFAULTS.host}, this machine only)
  --dir PATH           where rooms are stored (default ${DEFAULTS.dir})
  --max-message-mb N   close connections that send a message over N MiB (default ${DEFAULTS.maxMessageMb})
  --help               show this text
`;

class UsageError extends Error {}

function parseArgs(args: string[]): SyncServerOptions | 'help' {
	const options: SyncServerOptions = {};
	const rest = [...args];
	const value = (flag: string) => {
		const next = rest.shift();
		if (next === undefined || next.startsWith('--')) throw new UsageError(`${flag} needs a value`);
		return next;
	};
	while (rest.length > 0) {
		const arg = rest.shift()!;
		const eq = arg.indexOf('=');
		if (arg.startsWith('--') && eq > 0) {
			rest.unshift(arg.slice(eq + 1));
			rest.unshift(arg.slice(0, eq));
			continue;
		}
		switch (arg) {
			case '--help':
			case '-h':
				return 'help';
			case '--lan':
				options.host = '0.0.0.0';
				break;
			case '--host':
				options.host = value(arg);
				break;
			case '--port': {
				const text = value(arg);
				const port = Number(text);
				if (!/^\d+$/.test(text) || port > 65535)
					throw new UsageError(`--port must be a whole number from 0 to 65535, not "${text}"`);
				options.port = port;
				break;
			}
			case '--dir':
				options.dir = value(arg);
				break;
			case '--max-message-mb': {
				const text = value(arg);
				const mb = Number(text);
				if (!/^\d+(\.\d+)?$/.test(text) || !(mb > 0) || mb > 1024)
					throw new UsageError(
						`--max-message-mb must be a number above 0 and up to 1024, not "${text}"`
					);
				options.maxMessageMb = mb;
				break;
			}
			default:
				throw new UsageError(`unknown option "${arg}"`);
		}
	}
	return options;
}

function lanAddresses(): string[] {
	return Object.values(os.networkInterfaces())
		.flat()
		.filter((a) => a !== undefined && a.family === 'IPv4' && !a.internal)
		.map((a) => a!.address);
}

async function main() {
	let options: SyncServerOptions | 'help';
	try {
		options = parseArgs(process.argv.slice(2));
	} catch (error) {
		if (!(error instanceof UsageError)) throw error;
		console.error(`sync-server: ${error.message}\n\n${USAGE}`);
		process.exit(2);
	}
	if (options === 'help') {
		process.stdout.write(USAGE);
		return;
	}
	let server;
	try {
		server = await startSyncServer(options);
	} catch (error) {
		console.error(
			`sync-server: cannot start: ${error instanceof Error ? error.message : String(error)}`
		);
		process.exit(1);
	}
	console.log(`Sync server listening on ${server.url} (data in ${server.dir})`);
	if (server.host === '0.0.0.0')
		for (const address of lanAddresses())
			console.log(`  on the local network: ws://${address}:${server.port}`);

	let stopping = false;
	const stop = (signal: string) => {
		if (stopping) return;
		stopping = true;
		console.log(`Sync server: ${signal}, saving and stopping…`);
		server.close().then(
			() => process.exit(0),
			(error: unknown) => {
				console.error(`sync-server: error while stopping: ${String(error)}`);
				process.exit(1);
			}
		);
	};
	process.on('SIGINT', () => stop('SIGINT'));
	process.on('SIGTERM', () => stop('SIGTERM'));
}

await main();
