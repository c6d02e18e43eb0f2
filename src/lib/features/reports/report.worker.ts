/// <reference lib="webworker" />
import type { Locale } from '#lib/domain/locales.ts';
import { diagramDocument } from '#lib/domain/reports/diagram-page.ts';
import { buildReport } from '#lib/domain/reports/document.ts';
import { REPORT_BUILDERS } from '#lib/domain/reports/registry.ts';
import { browserPdfMake } from '#lib/integrations/pdf/browser.ts';
import { FontUnavailableError, renderPdf, type FontFile } from '#lib/integrations/pdf/render.ts';
import type { Messages } from '#lib/i18n/messages/en.ts';
import type { FromWorker, ToWorker } from './protocol.ts';
import { reportText } from './text.ts';

/**
 * Builds and lays out a report off the main thread: the document definition from the
 * engagement, the options and the drawn pictures, then pdfmake. Fonts come from the app's own
 * `fonts/` folder, through a cache that keeps them for offline use.
 */

const FONT_CACHE = 'crm-workbench-fonts';
const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: FromWorker, transfer: Transferable[] = []) =>
	scope.postMessage(message, transfer);

const messages: Record<Locale, () => Promise<Messages>> = {
	en: () => import('#lib/i18n/messages/en.ts').then((m) => m.en),
	'zh-CN': () => import('#lib/i18n/messages/zh-CN.ts').then((m) => m.zhCN),
	'zh-TW': () => import('#lib/i18n/messages/zh-TW.ts').then((m) => m.zhTW)
};

async function readFont(base: string, file: FontFile): Promise<ArrayBuffer> {
	const url = new URL(file, base);
	if (url.origin !== scope.location.origin) throw new Error('Fonts come only from the app itself.');
	const cache = 'caches' in scope ? await caches.open(FONT_CACHE) : null;
	const cached = await cache?.match(url.href);
	if (cached) return cached.arrayBuffer();
	const response = await fetch(url.href);
	if (!response.ok) throw new Error(`The font ${file} could not be loaded (${response.status}).`);
	await cache?.put(url.href, response.clone());
	return response.arrayBuffer();
}

scope.onmessage = async (event: MessageEvent<ToWorker>) => {
	const job = event.data;
	const start = performance.now();
	try {
		let definition: Record<string, unknown> & { content: unknown };
		let sections: string[] = [];
		let lang: Locale;
		if (job.type === 'build') {
			lang = job.input.options.lang;
			const built = buildReport(
				job.input,
				reportText(lang, await messages[lang]()),
				REPORT_BUILDERS
			);
			definition = built.definition;
			sections = built.sections;
		} else {
			lang = job.lang;
			definition = diagramDocument(job.title, {
				type: 'svg',
				svg: job.svg,
				width: job.width,
				height: job.height
			});
		}
		// At most five font files (three regular, two bold); the layout reports as it draws, so
		// only a visible step (a percent) goes to the page.
		let fontsRead = 0;
		let shown = -1;
		const result = await renderPdf(
			browserPdfMake,
			definition,
			lang,
			async (file) => {
				post({ type: 'progress', stage: 'fonts', share: Math.min(1, fontsRead++ / 5) });
				return readFont(job.fontBase, file);
			},
			(share) => {
				const step = Math.floor(share * 100);
				if (step === shown) return;
				shown = step;
				post({ type: 'progress', stage: 'layout', share });
			}
		);
		const bytes = result.bytes.buffer.slice(
			result.bytes.byteOffset,
			result.bytes.byteOffset + result.bytes.byteLength
		) as ArrayBuffer;
		const timings = { workerMs: performance.now() - start, layoutMs: result.layoutMs };
		post({ type: 'done', bytes, missing: result.missing, sections, timings }, [bytes]);
	} catch (error) {
		post({
			type: 'error',
			code: error instanceof FontUnavailableError ? 'fontUnavailable' : 'failed',
			message: error instanceof Error ? error.message : String(error)
		});
	}
};
