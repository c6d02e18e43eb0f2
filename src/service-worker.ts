/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
import { immutable, assets, prerendered } from '$app/manifest';
import { version } from '$app/env';
import { self } from '$app/service-worker';

/**
 * Offline support: the app shell (index.html, the built JS and CSS, static files) is cached at
 * install; every later request for those is answered from the cache first, so the app starts
 * with the network off. The app fetches nothing else: its data lives in IndexedDB.
 */
const CACHE = `crm-workbench-${version}`;
const SHELL = [
	...immutable.map((f) => f.path),
	...assets.map((f) => f.path),
	...prerendered.map((f) => f.path)
];
const scope = new URL(self.registration.scope);
const toUrl = (path: string) => new URL(path, scope).href;
const PRECACHE = [...new Set(['', ...SHELL].map(toUrl))];
const INDEX = toUrl('');

self.addEventListener('install', (event) => {
	event.waitUntil(
		caches
			.open(CACHE)
			.then((cache) => cache.addAll(PRECACHE))
			.then(() => self.skipWaiting())
	);
});

self.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
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
	event.respondWith(
		(async () => {
			const cache = await caches.open(CACHE);
			// Every page is index.html: routes live in the URL's hash.
			const key = request.mode === 'navigate' ? INDEX : url.href;
			const cached = await cache.match(key, { ignoreSearch: request.mode === 'navigate' });
			if (cached) return cached;
			try {
				const response = await fetch(request);
				if (response.ok && response.type === 'basic') cache.put(request, response.clone());
				return response;
			} catch (error) {
				const fallback = request.mode === 'navigate' ? await cache.match(INDEX) : undefined;
				if (fallback) return fallback;
				throw error;
			}
		})()
	);
});
