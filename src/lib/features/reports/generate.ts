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

async function drawAssets(
	requests: AssetRequest[],
	options: ReportOptions,
	signal: AbortSignal,
	onProgress: (p: Progress) => void
): Promise<{ assets: ReportAssets; failed: string[] }> {
	const assets: Record<string, ReportAssets[string]> = {};
	const failed: string[] = [];
	const diagrams = requests.filter((r) => r.type === 'mermaid');
	const charts = requests.filter((r) => r.type === 'chart');
	const total = requests.length || 1;
	let done = 0;
	if (diagrams.length) {
		const { renderMermaid, pdfSvg } = await import('#lib/integrations/mermaid/mermaid.ts');
		for (const request of diagrams) {
			aborted(signal);
			onProgress({ stage: 'diagrams', share: (0.5 * done++) / total });
			const drawn = await renderMermaid(request.text, options.lang);
			if (drawn.ok)
				assets[request.key] = {
					type: 'svg',
					svg: pdfSvg(drawn.svg),
					width: drawn.width,
					height: drawn.height
				};
			else failed.push(request.key);
		}
	}
	if (charts.length) {
		const { drawChartImage } = await import('#lib/integrations/charts/chart-image.ts');
		for (const request of charts) {
			aborted(signal);
			onProgress({ stage: 'charts', share: (0.5 * done++) / total });
			await pause();
			try {
				assets[request.key] = {
					type: 'image',
					dataUrl: await drawChartImage(request.config, request.width, request.height),
					width: request.width,
					height: request.height
				};
			} catch {
				failed.push(request.key);
			}
		}
	}
	return { assets, failed };
}

let worker: Worker | null = null;

interface WorkerResult {
	blob: Blob;
	missing: string[];
	sections: string[];
}

/** Hands a job to the report worker (started on first use and kept for the next job). */
function runWorker(
	message: ToWorker,
	signal: AbortSignal,
	onProgress: (stage: 'fonts' | 'layout', share: number) => void
): Promise<WorkerResult> {
	worker ??= new Worker(new URL('./report.worker.ts', import.meta.url), { type: 'module' });
	const running = worker;
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
			} else reject(new Error(reply.message));
		};
		running.onerror = (event) => {
			signal.removeEventListener('abort', stop);
			drop();
			reject(new Error(event.message || 'The PDF could not be made.'));
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
	const { assets, failed } = await drawAssets(requests, options, signal, onProgress);
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
export async function diagramPdf(svg: SVGSVGElement, title: string, lang: Locale): Promise<Blob> {
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
		new AbortController().signal,
		() => {}
	);
	return result.blob;
}
