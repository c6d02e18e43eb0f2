import fs from 'node:fs';
import { defineConfig } from '@playwright/test';

/**
 * The browser: $CHROMIUM_PATH if set, else Debian's /usr/bin/chromium, else the Chromium that
 * `npx playwright install chromium` downloaded.
 */
function chromiumPath(): string | undefined {
	if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
	if (fs.existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
	return undefined;
}

export default defineConfig({
	testDir: 'test/e2e',
	timeout: 30_000,
	expect: { timeout: 7_000 },
	workers: 2,
	retries: process.env.CI ? 1 : 0,
	reporter: [['list'], ['json', { outputFile: 'reports/e2e.json' }]],
	use: {
		baseURL: 'http://localhost:4173',
		locale: 'en-US',
		timezoneId: 'UTC',
		acceptDownloads: true,
		launchOptions: {
			executablePath: chromiumPath(),
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run',
				'--disable-quic'
			]
		}
	},
	projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
	webServer: {
		command: 'npx vite preview --port 4173 --strictPort',
		url: 'http://localhost:4173',
		reuseExistingServer: !process.env.CI,
		timeout: 60_000
	}
});
