import type { EngagementContent } from '../engagement/profile.ts';
import type { Locale } from '../locales.ts';

/** The reports the workbench prints. */
export const REPORT_KINDS = [
	'executive',
	'assessment',
	'businessCase',
	'projectPlan',
	'touchpointPoster'
] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** Every section any report may hold; each report offers some of them, in this order. */
export const SECTION_IDS = [
	'summary',
	'valueProposition',
	'segments',
	'customerStrategy',
	'channels',
	'touchpoints',
	'workflows',
	'changePlan',
	'assessment',
	'assessmentDetail',
	'reassessment',
	'businessCase',
	'businessCaseDetail',
	'roadmap',
	'kpis',
	'tasks',
	'gantt',
	'touchpointGrid',
	'appendix'
] as const;
export type SectionId = (typeof SECTION_IDS)[number];

export const REPORT_SECTIONS: Record<ReportKind, readonly SectionId[]> = {
	executive: [
		'summary',
		'valueProposition',
		'segments',
		'customerStrategy',
		'channels',
		'touchpoints',
		'workflows',
		'changePlan',
		'assessment',
		'businessCase',
		'roadmap',
		'appendix'
	],
	assessment: ['summary', 'assessment', 'assessmentDetail', 'reassessment', 'appendix'],
	businessCase: ['summary', 'businessCase', 'businessCaseDetail', 'appendix'],
	projectPlan: ['summary', 'roadmap', 'kpis', 'tasks', 'gantt'],
	touchpointPoster: ['touchpointGrid']
};

export const PAPER_SIZES = ['A4', 'A3', 'LETTER'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];
export const ORIENTATIONS = ['portrait', 'landscape'] as const;
export type Orientation = (typeof ORIENTATIONS)[number];

/** Sizes in PDF points (1/72 inch), portrait. */
export const PAPER_POINTS: Record<PaperSize, { width: number; height: number }> = {
	A4: { width: 595.28, height: 841.89 },
	A3: { width: 841.89, height: 1190.55 },
	LETTER: { width: 612, height: 792 }
};

/** The paper each report starts on: the plan's Gantt and the poster are wide. */
export const REPORT_DEFAULTS: Record<ReportKind, { paper: PaperSize; orientation: Orientation }> = {
	executive: { paper: 'A4', orientation: 'portrait' },
	assessment: { paper: 'A4', orientation: 'portrait' },
	businessCase: { paper: 'A4', orientation: 'portrait' },
	projectPlan: { paper: 'A4', orientation: 'landscape' },
	touchpointPoster: { paper: 'A3', orientation: 'landscape' }
};

export interface Logo {
	/** A `data:image/png` or `data:image/jpeg` URL: never a link to fetch. */
	dataUrl: string;
	width: number;
	height: number;
}

export interface Branding {
	/** The consultancy (or the client, for an in-house team) printed on the cover and headers. */
	company: string;
	consultant: string;
	/** `#rrggbb`. */
	accent: string;
	logo: Logo | null;
}

export const DEFAULT_ACCENT = '#1f4e79';

export interface ReportOptions {
	kind: ReportKind;
	/** The sections asked for; those whose area has no data are left out all the same. */
	sections: readonly SectionId[];
	lang: Locale;
	paper: PaperSize;
	orientation: Orientation;
	branding: Branding;
	/** Printed in every footer; empty for none. */
	confidentiality: string;
	/** The report's date, `YYYY-MM-DD`. */
	date: string;
}

/** What a report is built from. */
export interface ReportInput {
	content: EngagementContent;
	options: ReportOptions;
	assets: ReportAssets;
}

/** A diagram (Mermaid SVG, labels as text) or a chart (PNG) drawn before the layout. */
export type ReportAsset =
	| { type: 'svg'; svg: string; width: number; height: number }
	| { type: 'image'; dataUrl: string; width: number; height: number };
export type ReportAssets = Readonly<Record<string, ReportAsset>>;

/** Limits on what a user may hand a report (checked where the options are chosen). */
export const REPORT_LIMITS = {
	logoBytes: 1_000_000,
	logoPixels: 4000,
	text: 200,
	confidentiality: 300
} as const;

const HEX = /^#[0-9a-f]{6}$/i;
export function isAccent(value: string): boolean {
	return HEX.test(value);
}

export function isLogoUrl(value: string): boolean {
	return /^data:image\/(png|jpeg);base64,[A-Za-z0-9+/]+=*$/.test(value);
}

/** The sections of `kind` that were asked for, in the report's order. */
export function chosenSections(kind: ReportKind, asked: readonly SectionId[]): SectionId[] {
	const set = new Set(asked);
	return REPORT_SECTIONS[kind].filter((s) => set.has(s));
}

/** Branding as read back from storage: whatever is wrong falls back to the default, field by field. */
export function readBranding(value: unknown): Branding {
	const v = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
	const text = (x: unknown) => (typeof x === 'string' ? x.slice(0, REPORT_LIMITS.text) : '');
	const logo = v.logo as Record<string, unknown> | null | undefined;
	const validLogo =
		logo &&
		typeof logo.dataUrl === 'string' &&
		logo.dataUrl.length <= (REPORT_LIMITS.logoBytes * 4) / 3 + 64 &&
		isLogoUrl(logo.dataUrl) &&
		typeof logo.width === 'number' &&
		typeof logo.height === 'number' &&
		logo.width > 0 &&
		logo.height > 0 &&
		logo.width <= REPORT_LIMITS.logoPixels &&
		logo.height <= REPORT_LIMITS.logoPixels;
	return {
		company: text(v.company),
		consultant: text(v.consultant),
		accent:
			typeof v.accent === 'string' && isAccent(v.accent) ? v.accent.toLowerCase() : DEFAULT_ACCENT,
		logo: validLogo
			? {
					dataUrl: logo.dataUrl as string,
					width: logo.width as number,
					height: logo.height as number
				}
			: null
	};
}
