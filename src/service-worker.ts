/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
import { immutable, assets, prerendered } from '$app/manifest';
import { version } from '$app/env';
import { self } from '$app/service-worker';

/**
 * Offline support: the app shell (index.html, the built JS and CSS, static files) is cached at
 * install, and requests for those are answered from the cache, so the app starts with the
 * network off. The app fetches nothing else: its data lives in IndexedDB.
 *
 * A new version does not take over open tabs (no skipWaiting): it waits until every tab of the
 * old version is closed, so a tab never loses the chunks it was built with halfway through.
 */
const CACHE = `crm-workbench-${version}`;
/**
 * The report fonts (40 MB) are not part of the shell: the PDF export fetches the one it needs and
 * keeps it in this cache, which outlives app versions (the font files do not change with them).
 */
const FONT_CACHE = 'crm-workbench-fonts';
const SHELL = [
	...immutable.map((f) => f.path),
	...assets.map((f) => f.path),
	...prerendered.map((f) => f.path)
].filter((path) => !/(^|\/)fonts\/[^/]+\.ttf$/.test(path));
const scope = new URL(self.registration.scope);
const toUrl = (path: string) => new URL(path, scope).href;
const INDEX = toUrl('');
const PRECACHE = new Set([INDEX, ...SHELL.map(toUrl)]);

self.addEventListener('install', (event) => {
	event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll([...PRECACHE])));
});

self.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const key of await caches.keys())
				if (key !== CACHE && key !== FONT_CACHE) await caches.delete(key);
			// The first install takes control of the page that installed it, so that it works
			// offline from then on; a later version only activates once the old tabs are gone.
			await self.clients.claim();
		})()
	);
});

self.addEventListener('fetch', (event) => {
	const request = event.request;
	// In development the manifest is empty and nothing is cached: the dev server stays live.
	if (request.method !== 'GET' || SHELL.length === 0) return;
	const url = new URL(request.url);
	if (url.origin !== scope.origin) return;
	// Every page is index.html (routes live in the URL's hash); other files only if precached.
	const key = request.mode === 'navigate' ? INDEX : url.origin + url.pathname;
	if (!PRECACHE.has(key)) return;
	event.respondWith(
		(async () => {
			const cached = await caches.match(key, { cacheName: CACHE });
			if (cached) return cached;
			return fetch(request);
		})()
	);
});
