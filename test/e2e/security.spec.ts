import fs from 'node:fs';
import { expect, test } from './test.ts';

/**
 * The built app's Content-Security-Policy, and proof that the guard every end-to-end test runs
 * under (test.ts) sees a violation and a request to another origin.
 */

/** The policy's directives, by name. */
function directives(policy: string): Map<string, string[]> {
	return new Map(
		policy
			.split(';')
			.map((d) => d.trim().split(/\s+/))
			.filter((d) => d[0])
			.map(([name, ...values]) => [name!, values])
	);
}

test('the built page carries a strict policy: scripts only from the app, no eval, nothing from elsewhere', async ({
	page
}) => {
	const html = fs.readFileSync('build/index.html', 'utf8');
	await page.goto('/');
	const policy = await page
		.locator('meta[http-equiv="content-security-policy"]')
		.getAttribute('content');
	expect(policy).not.toBeNull();
	// The meta is in the built file's head, before any script or style sheet it governs.
	expect(html.indexOf('http-equiv="content-security-policy"')).toBeLessThan(
		html.indexOf('<link href="/_app/')
	);
	const d = directives(policy!);
	// Only the app's own files run, plus Kit's start-up script, allowed by its hash alone.
	const scripts = d.get('script-src') ?? [];
	expect(scripts[0]).toBe("'self'");
	for (const source of scripts.slice(1))
		expect(source).toMatch(/^'sha256-[A-Za-z0-9+/=]+'$|^'report-sample'$/);
	for (const name of ['default-src', 'connect-src', 'worker-src', 'img-src', 'font-src'])
		expect(d.get(name)?.[0], name).toBe("'self'");
	// No directive allows another origin, a scheme-wide source or eval, except WebSocket
	// connections to the sync server the user names (connect-src ws: wss:, nothing else).
	expect(d.get('connect-src')).toEqual(["'self'", 'ws:', 'wss:']);
	for (const [name, values] of d)
		for (const v of values)
			expect(`${name} ${v}`).toMatch(
				name === 'connect-src'
					? / ('self'|ws:|wss:)$/
					: / ('self'|'none'|'sha256-[A-Za-z0-9+/=]+'|'unsafe-inline'|'report-sample'|data:|blob:)$/
			);
	expect(policy).not.toMatch(/unsafe-eval|\*|https?:/);
	for (const name of ['script-src', 'default-src', 'worker-src'])
		expect(d.get(name), name).not.toContain("'unsafe-inline'");
	for (const name of ['object-src', 'frame-src', 'form-action'])
		expect(d.get(name), name).toEqual(["'none'"]);
	expect(d.get('base-uri')).toEqual(["'self'"]);
});

test.describe('a script injected into the page', () => {
	// This test provokes these on purpose: the guard lets them pass here, and only here.
	test.use({
		expectedViolations: /^script-src(-elem)? (inline|eval) |inline script|'unsafe-eval'/
	});

	test('is refused, and the refusal is reported', async ({ page, securityGuard }) => {
		await page.goto('/');
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		const ran = await page.evaluate(() => {
			const w = window as unknown as { __xss?: number };
			const script = document.createElement('script');
			script.textContent = 'window.__xss = 1';
			document.body.append(script);
			// So is code in a string (eval; the evaluation of this function itself may eval).
			window.setTimeout('window.__xss = 2', 0);
			return w.__xss;
		});
		expect(ran).toBeUndefined();
		await expect
			.poll(() => securityGuard.violations.map((v) => `${v.directive} ${v.blocked}`))
			.toEqual(expect.arrayContaining(['script-src-elem inline', 'script-src eval']));
		expect(
			await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)
		).toBeUndefined();
		expect(securityGuard.violations.find((v) => v.blocked === 'inline')?.sample).toContain(
			'window.__xss = 1'
		);
	});
});

test.describe('a request to another origin', () => {
	test.use({ expectedRequests: /^http:\/\/127\.0\.0\.1:/ });

	test('is seen by the guard', async ({ page, baseURL, securityGuard }) => {
		// The policy stops the app from fetching elsewhere, so the test itself goes elsewhere: the
		// same server under another name is another origin.
		const elsewhere = baseURL!.replace('localhost', '127.0.0.1');
		await page.goto(elsewhere).catch(() => undefined);
		expect(securityGuard.foreignRequests).toContain(`${elsewhere}/`);
	});
});

test.describe('the guard fails a test', () => {
	// Each of these must fail, by the guard's check after the test: Playwright reports it as
	// passed only when it did.
	test.fail();

	test('that provokes a violation it did not declare', async ({ page }) => {
		await page.goto('/');
		await page.evaluate(() => {
			const script = document.createElement('script');
			script.textContent = 'window.__xss = 1';
			document.body.append(script);
		});
		await page.waitForTimeout(200);
	});

	test('that requests another origin it did not declare', async ({ page, baseURL }) => {
		await page.goto(baseURL!.replace('localhost', '127.0.0.1')).catch(() => undefined);
	});
});
