/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { sveltekit } from '@sveltejs/kit/vite';
import adapter from '@sveltejs/adapter-static';
import pkg from './package.json' with { type: 'json' };

export default defineConfig({
	plugins: [
		sveltekit({
			// SvelteKit 3 takes its options (and Svelte's compiler options) here; it refuses a
			// svelte.config.js file.
			compilerOptions: { runes: true },
			adapter: adapter({ pages: 'build', assets: 'build', strict: true }),
			// Hash routing: every URL is served by index.html, so the app works from any static
			// host, from `vite preview`, and offline from the service worker's cache.
			router: { type: 'hash' },
			// The app registers its service worker itself, once the first page is idle (see
			// features/app/app.svelte.ts): caching the whole shell, Mermaid included, competes with
			// the page's own start otherwise.
			serviceWorker: { register: false },
			version: { name: process.env.APP_VERSION ?? Date.now().toString(36) },
			// Nothing is fetched from another origin, whatever a diagram, a label or an imported file
			// holds: the browser enforces it. Styles are inline (Svelte's style attributes and the
			// <style> in Mermaid's SVG); PNG export draws a data: image; downloads use blob: URLs.
			csp: {
				mode: 'hash',
				directives: {
					'default-src': ['self'],
					'script-src': ['self'],
					'style-src': ['self', 'unsafe-inline'],
					'img-src': ['self', 'data:', 'blob:'],
					'font-src': ['self', 'data:'],
					'connect-src': ['self'],
					'worker-src': ['self'],
					'manifest-src': ['self'],
					'object-src': ['none'],
					'base-uri': ['self'],
					'form-action': ['self']
				}
			}
		})
	],
	define: { __APP_VERSION__: JSON.stringify(pkg.version) },
	build: { target: 'es2023' },
	server: { port: 5173, strictPort: true },
	preview: { port: 4173, strictPort: true },
	test: {
		include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'eslint/**/*.test.ts'],
		environment: 'node',
		setupFiles: ['./test/unit-setup.ts']
	}
});
