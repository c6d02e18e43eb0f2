import type { Locale } from '#lib/domain/locales.ts';
import type { ReportInput } from '#lib/domain/reports/model.ts';

/** Messages between the page and the report worker. */
export type ToWorker =
	| {
			type: 'build';
			input: ReportInput;
			/** The absolute URL of the app's `fonts/` folder (same origin). */
			fontBase: string;
	  }
	| {
			/** Read the first fonts of `lang` if they are cached; no reply. */
			type: 'warm';
			lang: Locale;
			fontBase: string;
	  }
	| {
			/** One diagram alone, as a PDF. */
			type: 'diagram';
			title: string;
			svg: string;
			width: number;
			height: number;
			lang: Locale;
			fontBase: string;
	  };

export type FromWorker =
	| { type: 'progress'; stage: 'fonts' | 'layout'; share: number }
	| {
			type: 'done';
			bytes: ArrayBuffer;
			missing: string[];
			sections: string[];
			/** The worker's whole job, and pdfmake's own part of it (read by `npm run bench`). */
			timings: { workerMs: number; layoutMs: number };
	  }
	| {
			type: 'error';
			/** `fontUnavailable`: the report's first font could not be loaded (offline, first time). */
			code: 'fontUnavailable' | 'failed';
			message: string;
	  };
