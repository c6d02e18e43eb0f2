import {
	test as base,
	expect,
	type Browser,
	type BrowserContext,
	type Page
} from '@playwright/test';

/**
 * Playwright's `test`, guarded: every end-to-end test imports it from here. For every page of
 * every browser context the test uses (its own `context` and any it makes with
 * `browser.newContext()`), in every frame, the guard records
 *
 * - each Content-Security-Policy violation (the document's `securitypolicyviolation` event, and
 *   any console message that names the policy), and
 * - each request to another origin than the app's (`data:` and `blob:` URLs are the page's own),
 *   and each WebSocket opened to anything but a sync server on this machine (loopback),
 *
 * and fails the test after it ran when either list holds anything the test did not declare with
 * `test.use({ expectedViolations: /…/, expectedRequests: /…/ })`. The app must work under its policy and must never
 * reach out to the network beyond its own origin, whatever the data holds.
 */

export interface Violation {
	/** The directive that refused it (`script-src-elem`, `img-src`…). */
	directive: string;
	/** What was refused: a URL, `inline` or `eval`. */
	blocked: string;
	/** The start of the refused inline code, when Chromium reports it. */
	sample: string;
	/** The page's URL. */
	page: string;
	/** The script (file:line:column) that caused it, when Chromium says. */
	source: string;
}

export interface SecurityGuard {
	/** CSP violations, as the documents reported them. */
	readonly violations: Violation[];
	/** Console messages about the policy (Chromium writes one per refusal). */
	readonly consoleMessages: string[];
	/** URLs requested from another origin. */
	readonly foreignRequests: string[];
}

interface GuardOptions {
	/**
	 * Violations this test provokes on purpose: a violation (its directive, blocked URL and sample,
	 * joined by spaces) or a console message that this matches does not fail it. (One pattern, not
	 * a list: `test.use` would read a list as a fixture's value and options.)
	 */
	expectedViolations: RegExp | null;
	/** Requests to another origin this test makes on purpose (matched against the URL). */
	expectedRequests: RegExp | null;
}

const BINDING = '__reportCspViolation';

/** Runs in every frame before its own scripts: hands each violation to the test runner. */
function listen(binding: string) {
	const report = (window as unknown as Record<string, (v: unknown) => Promise<void>>)[binding];
	document.addEventListener('securitypolicyviolation', (event) => {
		void report?.({
			directive: event.effectiveDirective || event.violatedDirective,
			blocked: event.blockedURI,
			sample: event.sample,
			page: event.documentURI,
			source: event.sourceFile
				? `${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`
				: ''
		})?.catch(() => undefined);
	});
}

function describe(v: Violation): string {
	return `${v.directive} refused ${v.blocked || '(nothing named)'}${v.sample ? ` «${v.sample}»` : ''} on ${v.page}${v.source ? ` (from ${v.source})` : ''}`;
}

export const test = base.extend<GuardOptions & { securityGuard: SecurityGuard }>({
	expectedViolations: [null, { option: true }],
	expectedRequests: [null, { option: true }],
	securityGuard: [
		async ({ context, browser, baseURL, expectedViolations, expectedRequests }, use) => {
			const origin = new URL(baseURL ?? 'http://localhost').origin;
			const guard: SecurityGuard = { violations: [], consoleMessages: [], foreignRequests: [] };
			const guarded = new WeakSet<BrowserContext>();

			const watchPage = (page: Page) => {
				page.on('console', (message) => {
					if (/Content[- ]Security[- ]Policy/i.test(message.text()))
						guard.consoleMessages.push(`${message.text()} (on ${page.url()})`);
				});
				// WebSockets are not requests to Playwright. The app opens them only to the sync
				// server a test runs on this machine (loopback, never the app's origin).
				page.on('websocket', (socket) => {
					const url = socket.url();
					if (!/^ws:\/\/(127\.0\.0\.1|localhost):\d+\//.test(url)) guard.foreignRequests.push(url);
				});
			};
			const watch = async (ctx: BrowserContext) => {
				if (guarded.has(ctx)) return;
				guarded.add(ctx);
				await ctx.exposeBinding(BINDING, (_source, v: Violation) => {
					guard.violations.push(v);
				});
				await ctx.addInitScript(listen, BINDING);
				ctx.on('page', watchPage);
				ctx.pages().forEach(watchPage);
				ctx.on('request', (request) => {
					const url = request.url();
					if (url.startsWith('data:') || url.startsWith('blob:')) return;
					let other = true;
					try {
						other = new URL(url).origin !== origin;
					} catch {
						// An URL that does not parse is reported as it is.
					}
					if (other) guard.foreignRequests.push(url);
				});
			};

			await watch(context);
			// Contexts the test makes itself (a "second device") are guarded the same way.
			const newContext = browser.newContext;
			browser.newContext = async function (this: Browser, ...args) {
				const ctx = await newContext.apply(this, args);
				await watch(ctx);
				return ctx;
			};
			try {
				await use(guard);
			} finally {
				browser.newContext = newContext;
			}

			const expected = (text: string) => expectedViolations?.test(text) ?? false;
			const violations = guard.violations
				.filter((v) => !expected(`${v.directive} ${v.blocked} ${v.sample}`))
				.map(describe);
			const messages = guard.consoleMessages.filter((m) => !expected(m));
			expect(violations, 'Content-Security-Policy violations').toEqual([]);
			expect(messages, 'console messages about the Content-Security-Policy').toEqual([]);
			const requests = guard.foreignRequests.filter((url) => !expectedRequests?.test(url));
			expect(requests, `requests to another origin than ${origin}`).toEqual([]);
		},
		{ auto: true }
	]
});

export { expect };
