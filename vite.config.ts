/// <reference types="vitest/config" />
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { defineConfig, type Plugin } from 'vite';
import { sveltekit } from '@sveltejs/kit/vite';
import adapter from '@sveltejs/adapter-static';
import pkg from './package.json' with { type: 'json' };
import { FONT_SOURCES } from './src/lib/integrations/pdf/font-files.ts';

/**
 * The report fonts come from the npm registry's packages (not from Git): the build copies them to
 * `fonts/`, and the dev server serves them from node_modules. They are fetched only by the first
 * PDF export that needs them (the service worker does not precache them: 40 MB).
 */
function reportFonts(): Plugin {
	const require = createRequire(import.meta.url);
	const files = new Map(
		Object.entries(FONT_SOURCES).map(([name, source]) => [name, require.resolve(source)])
	);
	return {
		name: 'report-fonts',
		configureServer(server) {
			server.middlewares.use('/fonts', (req, res, next) => {
				const file = files.get((req.url ?? '').replace(/^\//, '').split('?')[0] ?? '');
				if (!file) return next();
				res.setHeader('Content-Type', 'font/ttf');
				fs.createReadStream(file).pipe(res);
			});
		},
		generateBundle() {
			if (this.environment.name !== 'client') return;
			for (const [name, file] of files)
				this.emitFile({ type: 'asset', fileName: `fonts/${name}`, source: fs.readFileSync(file) });
		}
	};
}

export default defineConfig({
	plugins: [
		reportFonts(),
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
