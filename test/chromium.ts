import fs from 'node:fs';

/**
 * The Chromium that end-to-end tests and the bench drive: $CHROMIUM_PATH if set, else Debian's
 * /usr/bin/chromium, else (undefined) the one `npx playwright install chromium` downloaded.
 */
export const CHROMIUM_PATH: string | undefined =
	process.env.CHROMIUM_PATH ??
	(fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

/** Flags for a sandboxed, offline machine: no background traffic, no GPU. */
export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
	'--disable-quic'
];
