/**
 * Support for report tests: the sample engagement in each language, the report text of a
 * language, and (for the PDF checks) pdfmake in Node with the bundled fonts and poppler's tools.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { EngagementContent } from '../src/lib/domain/engagement/profile.ts';
import type { Locale } from '../src/lib/domain/locales.ts';
import { templateKey, type AssessmentTemplate } from '../src/lib/domain/assessment/model.ts';
import { checkAssessmentTemplate } from '../src/lib/domain/formats/assessment-template.ts';
import { instantiateStarter, readStarter } from '../src/lib/domain/formats/starter.ts';
import type { ReportContext } from '../src/lib/domain/reports/context.ts';
import { pageArea } from '../src/lib/domain/reports/document.ts';
import {
	DEFAULT_ACCENT,
	REPORT_DEFAULTS,
	REPORT_SECTIONS,
	type ReportAssets,
	type ReportKind,
	type ReportOptions
} from '../src/lib/domain/reports/model.ts';
import { reportText } from '../src/lib/features/reports/text.ts';
import { en } from '../src/lib/i18n/messages/en.ts';
import { zhCN } from '../src/lib/i18n/messages/zh-CN.ts';
import { zhTW } from '../src/lib/i18n/messages/zh-TW.ts';
import {
	FONT_SOURCES,
	renderPdf,
	type FontFile,
	type PdfMake
} from '../src/lib/integrations/pdf/render.ts';

const require = createRequire(import.meta.url);
export const MESSAGES = { en, 'zh-CN': zhCN, 'zh-TW': zhTW } as const;

const models = new Map<string, AssessmentTemplate>(
	fs
		.readdirSync('templates/assessments')
		.map((f) => {
			const r = checkAssessmentTemplate(
				JSON.parse(fs.readFileSync(path.join('templates/assessments', f), 'utf8')),
				'en'
			);
			if (!r.ok) throw new Error(f);
			return r.template;
		})
		.map((t) => [templateKey(t.id, t.version), t])
);

/** The bundled sample engagement (a regional bank, every area filled) in `lang`. */
export function sampleContent(lang: Locale): EngagementContent {
	const file = 'templates/engagements/sample-regional-bank.json';
	const result = readStarter(file, JSON.parse(fs.readFileSync(file, 'utf8')), 'en');
	if (!result.ok) throw new Error('sample starter is invalid');
	let n = 0;
	return instantiateStarter(
		result.starter,
		lang,
		() => `id-${n++}`,
		(id, version) => models.get(templateKey(id, version))
	);
}

export function textOf(lang: Locale) {
	return reportText(lang, MESSAGES[lang]);
}

export function optionsOf(
	kind: ReportKind,
	lang: Locale,
	extra: Partial<ReportOptions> = {}
): ReportOptions {
	return {
		kind,
		sections: REPORT_SECTIONS[kind],
		lang,
		...REPORT_DEFAULTS[kind],
		branding: {
			company: 'Harbour Consulting',
			consultant: 'Lin Wei',
			accent: DEFAULT_ACCENT,
			logo: null
		},
		confidentiality: 'Confidential',
		date: '2026-11-20',
		...extra
	};
}

/** A section builder's context for the sample (or given) engagement. */
export function contextOf(
	lang: Locale,
	content: EngagementContent = sampleContent(lang),
	kind: ReportKind = 'executive',
	assets: ReportAssets = {}
): ReportContext {
	const options = optionsOf(kind, lang);
	const area = pageArea({ content, options, assets });
	return {
		...textOf(lang),
		lang,
		content,
		options,
		asset: (key) => assets[key],
		page: { width: area.width, height: area.height },
		localized: (v) => (typeof v === 'string' ? v : (v[lang] ?? v.en ?? ''))
	};
}

/** Every text string in a content tree, in order (what a reader would see). */
export function textsOf(node: unknown): string[] {
	if (typeof node === 'string') return [node];
	if (Array.isArray(node)) return node.flatMap(textsOf);
	if (node && typeof node === 'object') {
		const r = node as Record<string, unknown>;
		if ('svg' in r || 'image' in r) return [];
		return Object.entries(r)
			.filter(([k]) =>
				['text', 'stack', 'columns', 'ul', 'ol', 'table', 'body', 'content'].includes(k)
			)
			.flatMap(([, v]) => textsOf(v));
	}
	return [];
}

/* ---------- PDF in Node ---------- */

const pdfmake = require('pdfmake') as PdfMake;
export const readFont = async (file: FontFile) =>
	fs.readFileSync(require.resolve(FONT_SOURCES[file]));

export async function pdfOf(
	definition: Record<string, unknown> & { content: unknown },
	lang: Locale
) {
	return renderPdf(pdfmake, definition, lang, readFont);
}

/** Writes `bytes` to a temporary file and returns its path. */
export function tempPdf(bytes: Uint8Array, name = 'report.pdf'): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-report-'));
	const file = path.join(dir, name);
	fs.writeFileSync(file, bytes);
	return file;
}

export const pdftotext = (file: string) =>
	execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
export const pdftotextRaw = (file: string) =>
	execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
export function pdffonts(
	file: string
): Array<{ name: string; type: string; embedded: boolean; subset: boolean; unicode: boolean }> {
	return execFileSync('pdffonts', [file], { encoding: 'utf8' })
		.split('\n')
		.slice(2)
		.filter((l) => l.trim() !== '')
		.map((l) => {
			const parts = l.trim().split(/\s+/);
			const n = parts.length;
			return {
				name: parts[0]!,
				type: parts.slice(1, n - 6).join(' '),
				embedded: parts[n - 5] === 'yes',
				subset: parts[n - 4] === 'yes',
				unicode: parts[n - 3] === 'yes'
			};
		});
}
export function pageCount(file: string): number {
	const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
	return Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
}
/** Renders page `page` to a PNG beside the test artefacts and returns its path. */
export function pageImage(file: string, outDir: string, name: string, page = 1): string {
	fs.mkdirSync(outDir, { recursive: true });
	const prefix = path.join(outDir, name);
	execFileSync('pdftoppm', [
		'-png',
		'-r',
		'60',
		'-f',
		String(page),
		'-l',
		String(page),
		'-singlefile',
		file,
		prefix
	]);
	return `${prefix}.png`;
}
