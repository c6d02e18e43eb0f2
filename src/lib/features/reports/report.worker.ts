/// <reference lib="webworker" />
import type { Locale } from '#lib/domain/locales.ts';
import { diagramDocument } from '#lib/domain/reports/diagram-page.ts';
import { buildReport } from '#lib/domain/reports/document.ts';
import { REPORT_BUILDERS } from '#lib/domain/reports/registry.ts';
import { browserPdfMake } from '#lib/integrations/pdf/browser.ts';
import {
	FONT_CHAINS,
	FONT_FAMILIES,
	FontUnavailableError,
	renderPdf,
	type FontFile
} from '#lib/integrations/pdf/render.ts';
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

/** Font files read in this worker's life (at most five; pdfmake keeps them anyway). */
const fontFiles = new Map<string, Promise<ArrayBuffer | null>>();
const fontCache = () => ('caches' in scope ? caches.open(FONT_CACHE) : Promise.resolve(null));

function fromCache(href: string): Promise<ArrayBuffer | null> {
	let reading = fontFiles.get(href);
	if (!reading) {
		reading = fontCache()
			.then((cache) => cache?.match(href))
			.then((hit) => hit?.arrayBuffer() ?? null);
		fontFiles.set(href, reading);
		const forget = () => fontFiles.delete(href);
		reading.then((bytes) => bytes || forget(), forget);
	}
	return reading;
}

async function readFont(
	base: string,
	file: FontFile,
	cachedOnly = false
): Promise<ArrayBuffer | null> {
	const url = new URL(file, base);
	if (url.origin !== scope.location.origin) throw new Error('Fonts come only from the app itself.');
	const cached = await fromCache(url.href).catch(() => null);
	if (cached || cachedOnly) return cached;
	const response = await fetch(url.href);
	if (!response.ok) throw new Error(`The font ${file} could not be loaded (${response.status}).`);
	await (await fontCache())?.put(url.href, response.clone());
	const bytes = await response.arrayBuffer();
	fontFiles.set(url.href, Promise.resolve(bytes));
	return bytes;
}

/** Reads the report language's first font ahead of time, if this device already has it. */
async function warm(lang: Locale, base: string): Promise<void> {
	const { regular, bold } = FONT_FAMILIES[FONT_CHAINS[lang][0]!];
	for (const file of [regular, bold ?? regular]) await readFont(base, file, true).catch(() => null);
}

scope.onmessage = async (event: MessageEvent<ToWorker>) => {
	const job = event.data;
	if (job.type === 'warm') return warm(job.lang, job.fontBase);
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
				return (await readFont(job.fontBase, file))!;
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
