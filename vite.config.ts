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
			// holds: the browser enforces it (and every end-to-end test checks it, test/e2e/test.ts).
			// - Scripts: the app's own files and Kit's start-up script (by its hash), no eval.
			// - Styles must allow 'unsafe-inline': Mermaid's SVG carries a <style> element written
			//   for each drawing and style attributes set by d3, and Kit's page has a
			//   `style="display: contents"`; with `style-src 'self'` every diagram reports hundreds
			//   of violations and draws unstyled. A style can load nothing here (img-src, font-src).
			// - Images: PNG export and report logos are data: URLs. Downloads are blob: links, which
			//   need no directive. No frames, media or form submissions at all.
			// - Connections: the app's own origin, and WebSocket connections (ws:, wss:) to the sync
			//   server a user names when sharing an engagement or opening a workshop vote. Any
			//   host is allowed there because the user chooses it; fetch and XHR stay on 'self'.
			// - 'report-sample' puts the start of a refused script or style into the report.
			// A <meta> policy cannot carry frame-ancestors; a host that serves the app should send
			// `frame-ancestors 'none'` as a header.
			csp: {
				mode: 'hash',
				directives: {
					'default-src': ['self'],
					'script-src': ['self', 'report-sample'],
					'style-src': ['self', 'unsafe-inline', 'report-sample'],
					'img-src': ['self', 'data:'],
					'font-src': ['self'],
					'connect-src': ['self', 'ws:', 'wss:'],
					'worker-src': ['self'],
					'manifest-src': ['self'],
					'frame-src': ['none'],
					'media-src': ['none'],
					'object-src': ['none'],
					'base-uri': ['self'],
					'form-action': ['none']
				}
			}
		})
	],
	define: { __APP_VERSION__: JSON.stringify(pkg.version) },
	build: { target: 'es2023' },
	server: { port: 5173, strictPort: true },
	preview: { port: 4173, strictPort: true },
	test: {
		include: [
			'src/**/*.test.ts',
			'scripts/**/*.test.ts',
			'eslint/**/*.test.ts',
			'server/**/*.test.ts'
		],
		environment: 'node',
		setupFiles: ['./test/unit-setup.ts']
	}
});
