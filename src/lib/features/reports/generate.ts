import type { EngagementContent } from '#lib/domain/engagement/profile.ts';
import type { Locale } from '#lib/domain/locales.ts';
import type { ReportAssets, ReportOptions } from '#lib/domain/reports/model.ts';
import { chosenSections } from '#lib/domain/reports/model.ts';
import type { ReportText } from '#lib/domain/reports/context.ts';
import type { AssetRequest, PlanInput } from './assets/types.ts';
import { assessmentAssets } from './assets/assessment.ts';
import { businessCaseAssets } from './assets/business-case.ts';
import { journeyAssets } from './assets/journey.ts';
import { strategyAssets } from './assets/strategy.ts';
import type { FromWorker, ToWorker } from './protocol.ts';

/**
 * Makes a report: draws the diagrams (Mermaid, on this thread: it needs the page) and the charts
 * one at a time, letting the page breathe between them, then hands everything to the worker,
 * which lays the PDF out. Progress is reported throughout; the signal cancels at any point.
 */

export type Stage = 'diagrams' | 'charts' | 'fonts' | 'layout';
export interface Progress {
	stage: Stage;
	/** 0–1 for the whole job. */
	share: number;
}

export interface Generated {
	blob: Blob;
	/** Characters no font could print (drawn as □). */
	missing: string[];
	/** The sections printed. */
	sections: string[];
	/** Pictures that could not be drawn (their place holds a note). */
	failed: string[];
}

/** Which section each asset key prefix belongs to, so that only needed pictures are drawn. */
const PLANNERS: Array<[(input: PlanInput) => AssetRequest[], (key: string) => string]> = [
	[strategyAssets, (key) => key.split('.')[0]!],
	[journeyAssets, (key) => (key.startsWith('journey.workflows.') ? 'workflows' : 'touchpoints')],
	[assessmentAssets, (key) => (key.startsWith('assessment.runs.') ? 'reassessment' : 'assessment')],
	[businessCaseAssets, () => 'businessCase']
];

export function planAssets(
	content: EngagementContent,
	options: ReportOptions,
	text: ReportText
): AssetRequest[] {
	const sections = new Set<string>(chosenSections(options.kind, options.sections));
	const input: PlanInput = { content, lang: options.lang, text };
	return PLANNERS.flatMap(([plan, sectionOf]) =>
		plan(input).filter((request) => sections.has(sectionOf(request.key)))
	);
}

const pause = () => new Promise((resolve) => setTimeout(resolve, 0));

function aborted(signal: AbortSignal): void {
	if (signal.aborted) throw new DOMException('The report was cancelled.', 'AbortError');
}

/**
 * Pictures drawn or being drawn, by what they are drawn from: a report made again (the usual
 * way of working: fix a word, print again) draws only what changed, and a report asked for while
 * the page is still preparing its pictures waits for them instead of drawing them twice. Kept
 * for the session, at most 64; a picture that could not be drawn is not kept.
 */
const drawnPictures = new Map<string, Promise<ReportAssets[string] | null>>();
/** One drawing at a time on this thread, whoever asked for it. */
let drawing: Promise<unknown> = Promise.resolve();

function pictureId(request: AssetRequest, lang: Locale): string {
	// The chart's configuration holds no functions that change its drawing: its JSON names it.
	return request.type === 'mermaid'
		? `mermaid:${lang}:${request.text}`
		: `chart:${request.width}x${request.height}:${JSON.stringify(request.config)}`;
}

function picture(request: AssetRequest, lang: Locale): Promise<ReportAssets[string] | null> {
	const id = pictureId(request, lang);
	const known = drawnPictures.get(id);
	if (known) {
		// The most recently used is kept longest.
		drawnPictures.delete(id);
		drawnPictures.set(id, known);
		return known;
	}
	const drawn = drawing.then(() => drawOne(request, lang));
	drawing = drawn.catch(() => undefined);
	drawnPictures.set(id, drawn);
	if (drawnPictures.size > 64) drawnPictures.delete(drawnPictures.keys().next().value!);
	void drawn.then(
		(asset) => asset || drawnPictures.delete(id),
		() => drawnPictures.delete(id)
	);
	return drawn;
}

async function drawAssets(
	requests: AssetRequest[],
	lang: Locale,
	signal: AbortSignal,
	onProgress: (p: Progress) => void
): Promise<{ assets: ReportAssets; failed: string[] }> {
	const assets: Record<string, ReportAssets[string]> = {};
	const failed: string[] = [];
	const total = requests.length || 1;
	let done = 0;
	for (const request of requests) {
		aborted(signal);
		onProgress({
			stage: request.type === 'mermaid' ? 'diagrams' : 'charts',
			share: (0.5 * done++) / total
		});
		const asset = await picture(request, lang).catch(() => null);
		if (asset) assets[request.key] = asset;
		else failed.push(request.key);
	}
	return { assets, failed };
}

/**
 * Gets a report ready while the user chooses its options: draws its pictures one by one when
 * the page is idle, and lets the worker read the fonts if they are already on this device (it
 * never fetches them: that waits for the first report). Making the report then only lays it
 * out. Stops drawing when `signal` aborts (the options changed or the page was left).
 */
export async function prepareReport(
	content: EngagementContent,
	options: ReportOptions,
	text: ReportText,
	signal: AbortSignal
): Promise<void> {
	sendToWorker({ type: 'warm', lang: options.lang, fontBase: fontBase() });
	for (const request of planAssets(content, options, text)) {
		await idle();
		if (signal.aborted) return;
		await picture(request, options.lang).catch(() => null);
	}
	performance.mark('report prepared');
}

const idle = () =>
	new Promise<void>((resolve) =>
		'requestIdleCallback' in window
			? requestIdleCallback(() => resolve(), { timeout: 500 })
			: setTimeout(resolve, 50)
	);

async function drawOne(request: AssetRequest, lang: Locale): Promise<ReportAssets[string] | null> {
	if (request.type === 'mermaid') {
		const { renderMermaid, pdfSvg } = await import('#lib/integrations/mermaid/mermaid.ts');
		const drawn = await renderMermaid(request.text, lang);
		if (!drawn.ok) return null;
		await pause();
		return { type: 'svg', svg: pdfSvg(drawn.svg), width: drawn.width, height: drawn.height };
	}
	const { drawChartImage } = await import('#lib/integrations/charts/chart-image.ts');
	await pause();
	try {
		return {
			type: 'image',
			dataUrl: await drawChartImage(request.config, request.width, request.height),
			width: request.width,
			height: request.height
		};
	} catch {
		return null;
	}
}

let worker: Worker | null = null;
/** One job at a time: the worker holds the fonts, and replies are not told apart. */
let queue: Promise<unknown> = Promise.resolve();

interface WorkerResult {
	blob: Blob;
	missing: string[];
	sections: string[];
}

/** A failure the page can name in the user's language. */
export class ReportError extends Error {
	readonly code: 'fontUnavailable' | 'failed';
	constructor(code: 'fontUnavailable' | 'failed', message: string) {
		super(message);
		this.code = code;
	}
}

/** Hands a job to the report worker (started on first use and kept for the next job). */
function runWorker(
	message: ToWorker,
	signal: AbortSignal,
	onProgress: (stage: 'fonts' | 'layout', share: number) => void
): Promise<WorkerResult> {
	const run = queue.then(() => {
		aborted(signal);
		return runNow(message, signal, onProgress);
	});
	queue = run.catch(() => undefined);
	return run;
}

function startWorker(): Worker {
	return (worker ??= new Worker(new URL('./report.worker.ts', import.meta.url), {
		type: 'module'
	}));
}

/** A message that has no reply (the worker's warm-up), sent at once. */
function sendToWorker(message: ToWorker & { type: 'warm' }): void {
	startWorker().postMessage(message);
}

function runNow(
	message: ToWorker,
	signal: AbortSignal,
	onProgress: (stage: 'fonts' | 'layout', share: number) => void
): Promise<WorkerResult> {
	const running = startWorker();
	const drop = () => {
		running.terminate();
		if (worker === running) worker = null;
	};
	return new Promise<WorkerResult>((resolve, reject) => {
		const stop = () => {
			// A layout cannot be interrupted inside pdfmake: the worker goes, a new one comes next time.
			drop();
			reject(new DOMException('The report was cancelled.', 'AbortError'));
		};
		signal.addEventListener('abort', stop, { once: true });
		running.onmessage = (event: MessageEvent<FromWorker>) => {
			const reply = event.data;
			if (reply.type === 'progress') return onProgress(reply.stage, reply.share);
			signal.removeEventListener('abort', stop);
			if (reply.type === 'done') {
				// Read by `npm run bench`: the worker's part and pdfmake's own part of it.
				performance.mark('report timings', { detail: reply.timings });
				resolve({
					blob: new Blob([reply.bytes], { type: 'application/pdf' }),
					missing: reply.missing,
					sections: reply.sections
				});
			} else reject(new ReportError(reply.code, reply.message));
		};
		running.onerror = (event) => {
			signal.removeEventListener('abort', stop);
			drop();
			reject(new ReportError('failed', event.message || 'The PDF could not be made.'));
		};
		running.postMessage(message);
	});
}

const fontBase = () => new URL('fonts/', document.baseURI).href;

export async function generateReport(
	content: EngagementContent,
	options: ReportOptions,
	text: ReportText,
	signal: AbortSignal,
	onProgress: (p: Progress) => void
): Promise<Generated> {
	const start = performance.now();
	const requests = planAssets(content, options, text);
	// The worker reads its fonts while the pictures are drawn here.
	sendToWorker({ type: 'warm', lang: options.lang, fontBase: fontBase() });
	const { assets, failed } = await drawAssets(requests, options.lang, signal, onProgress);
	performance.measure('report pictures', { start, end: performance.now() });
	aborted(signal);
	const result = await runWorker(
		{ type: 'build', input: { content, options, assets }, fontBase: fontBase() },
		signal,
		(stage, share) =>
			onProgress({ stage, share: stage === 'fonts' ? 0.5 + 0.1 * share : 0.6 + 0.4 * share })
	);
	return { ...result, failed };
}

/** One drawn diagram alone as a PDF, with its title, in the fonts of `lang`. */
export async function diagramPdf(
	svg: SVGSVGElement,
	title: string,
	lang: Locale,
	signal: AbortSignal = new AbortController().signal
): Promise<Generated> {
	const { pdfSvg } = await import('#lib/integrations/mermaid/mermaid.ts');
	const result = await runWorker(
		{
			type: 'diagram',
			title,
			svg: pdfSvg(svg),
			width: Number(svg.getAttribute('width')),
			height: Number(svg.getAttribute('height')),
			lang,
			fontBase: fontBase()
		},
		signal,
		() => {}
	);
	return { ...result, failed: [] };
}
