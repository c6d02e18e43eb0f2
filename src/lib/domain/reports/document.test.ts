import { describe, expect, it } from 'vitest';
import { blankContent } from '../engagement/profile.ts';
import { h1, para, textWidth } from './blocks.ts';
import type { ReportText } from './context.ts';
import { diagramDocument } from './diagram-page.ts';
import { buildReport, pageArea } from './document.ts';
import {
	DEFAULT_ACCENT,
	REPORT_LIMITS,
	chosenSections,
	readBranding,
	type ReportOptions
} from './model.ts';
import type { SectionRegistry } from './sections.ts';

/** Words as their keys, so that the tests read the structure, not a language. */
const text: ReportText = {
	t: (key, params) => (params ? `${key}${JSON.stringify(params)}` : key),
	number: String,
	percent: (share) => `${share * 100}%`,
	money: (minor, currency) => `${currency} ${minor}`,
	moneyCompact: (minor, currency) => `${currency} ${minor}`,
	day: (iso) => iso,
	list: (items) => items.join(', ')
};

const options = (extra: Partial<ReportOptions> = {}): ReportOptions => ({
	kind: 'executive',
	sections: ['summary', 'segments', 'appendix'],
	lang: 'en',
	paper: 'A4',
	orientation: 'portrait',
	branding: { company: 'Harbour', consultant: '', accent: '#123456', logo: null },
	confidentiality: 'Confidential',
	date: '2026-11-20',
	...extra
});

const content = () => {
	const c = blankContent('CRM 2027', 'en');
	c.profile.client = 'Chenghu Bank';
	c.profile.consultant = 'Lin Ruoxi';
	return c;
};

const sections: SectionRegistry = {
	summary: () => [h1('Summary', 'summary'), para('the summary')],
	// An area with no data: left out.
	segments: () => null,
	appendix: () => [h1('Appendix', 'appendix')]
};

type Node = Record<string, unknown>;
const find = (nodes: unknown[], pred: (n: Node) => boolean) =>
	nodes.find((n) => n !== null && typeof n === 'object' && pred(n as Node)) as Node | undefined;

describe('buildReport', () => {
	it('puts the cover, the contents and the sections with data in order, each on a new page', () => {
		const built = buildReport(
			{ content: content(), options: options(), assets: {} },
			text,
			sections
		);
		expect(built.sections).toEqual(['summary', 'appendix']);
		const nodes = built.definition.content as Node[];
		const toc = nodes.findIndex((n) => 'toc' in n);
		const summary = nodes.findIndex((n) => n.text === 'Summary');
		const appendix = nodes.findIndex((n) => n.text === 'Appendix');
		expect(0).toBeLessThan(toc);
		expect(toc).toBeLessThan(summary);
		expect(summary).toBeLessThan(appendix);
		expect(nodes[toc]).toMatchObject({ pageBreak: 'before' });
		// One page break before each section, none after the cover: no blank page.
		expect(nodes[summary - 1]).toEqual({ text: '', pageBreak: 'before' });
		expect(nodes[appendix - 1]).toEqual({ text: '', pageBreak: 'before' });
		expect(nodes.filter((n) => n.pageBreak === 'after')).toEqual([]);
	});

	it('names the client, the programme, the consultant, the company and the date on the cover', () => {
		const built = buildReport(
			{ content: content(), options: options(), assets: {} },
			text,
			sections
		);
		const json = JSON.stringify(built.definition.content[0]);
		for (const word of [
			'report.kind.executive',
			'Chenghu Bank',
			'CRM 2027',
			'Lin Ruoxi',
			'Harbour',
			'2026-11-20',
			'Confidential'
		])
			expect(json).toContain(word);
		// The branding's consultant, when given, wins over the profile's.
		const other = buildReport(
			{
				content: content(),
				options: options({
					branding: { company: '', consultant: 'Wu Di', accent: DEFAULT_ACCENT, logo: null }
				}),
				assets: {}
			},
			text,
			sections
		);
		expect(JSON.stringify(other.definition.content[0])).toContain('Wu Di');
		expect(JSON.stringify(other.definition.content[0])).not.toContain('Lin Ruoxi');
	});

	it('has running headers from page 2 and a footer with the confidentiality line and page X of Y', () => {
		const { definition } = buildReport(
			{ content: content(), options: options(), assets: {} },
			text,
			sections
		);
		const header = definition.header as (page: number) => unknown;
		const footer = definition.footer as (page: number, pages: number) => unknown;
		expect(header(1)).toBeNull();
		expect(JSON.stringify(header(2))).toContain('Harbour · Chenghu Bank');
		const foot = JSON.stringify(footer(3, 12));
		expect(foot).toContain('Confidential');
		expect(foot).toContain('report.pageOf{\\"page\\":3,\\"pages\\":12}');
		expect(definition.pageSize).toBe('A4');
		expect(definition.info).toMatchObject({
			title: 'report.kind.executive · Chenghu Bank',
			author: 'Lin Ruoxi'
		});
	});

	it('keeps long running lines inside the margins, the full confidentiality line on the cover', () => {
		const long = '本报告仅供董事会内部审阅，未经书面许可不得复制或转发。'.repeat(10);
		const c = content();
		c.profile.client = '华东区域商业银行股份有限公司'.repeat(4);
		const { definition } = buildReport(
			{ content: c, options: options({ confidentiality: long }), assets: {} },
			text,
			sections
		);
		const header = definition.header as (page: number) => { columns: Array<{ text: string }> };
		const footer = definition.footer as (
			page: number,
			pages: number
		) => { columns: Array<{ text: string }> };
		// A4 portrait: 499 points between the margins; the header's halves get 241.5 each, the
		// footer's line two lines of 409 at 90 %.
		const [left, right] = header(2).columns;
		expect(left!.text.endsWith('…')).toBe(true);
		expect(textWidth(left!.text, 7.5)).toBeLessThanOrEqual(241.5);
		expect(right!.text).toBe('report.kind.executive');
		const line = footer(2, 9).columns[0]!.text;
		expect(line.endsWith('…')).toBe(true);
		expect(textWidth(line, 7.5)).toBeLessThanOrEqual(2 * 0.9 * 409);
		expect(textWidth(line, 7.5)).toBeGreaterThan(2 * 0.9 * 409 - 7.5 * 2);
		expect(JSON.stringify(definition.content[0])).toContain(long);
	});

	it('leaves the contents out for a single section, and says so when nothing has data', () => {
		const one = buildReport(
			{ content: content(), options: options({ sections: ['summary'] }), assets: {} },
			text,
			sections
		);
		expect((one.definition.content as Node[]).some((n) => 'toc' in n)).toBe(false);
		const none = buildReport(
			{ content: content(), options: options({ sections: ['segments'] }), assets: {} },
			text,
			sections
		);
		expect(none.sections).toEqual([]);
		expect(find(none.definition.content as Node[], (n) => n.text === 'report.empty')).toBeTruthy();
	});

	it('prints the poster without a cover, contents or a first page break', () => {
		const poster = buildReport(
			{
				content: content(),
				options: options({
					kind: 'touchpointPoster',
					sections: ['touchpointGrid'],
					paper: 'A3',
					orientation: 'landscape'
				}),
				assets: {}
			},
			text,
			{ touchpointGrid: () => [h1('Poster', 'touchpointGrid')] }
		);
		expect(poster.definition.content).toEqual([h1('Poster', 'touchpointGrid')]);
		expect((poster.definition.header as (page: number) => unknown)(1)).not.toBeNull();
	});

	it('keeps a heading off the foot of a page', () => {
		const { definition } = buildReport(
			{ content: content(), options: options(), assets: {} },
			text,
			sections
		);
		const rule = definition.pageBreakBefore as (
			node: unknown,
			nodes: { getFollowingNodesOnPage: () => unknown[] }
		) => boolean;
		const last = { getFollowingNodesOnPage: () => [] };
		const followed = { getFollowingNodesOnPage: () => [{}] };
		expect(rule({ headlineLevel: 2, startPosition: { verticalRatio: 0.9 } }, last)).toBe(true);
		expect(rule({ headlineLevel: 2, startPosition: { verticalRatio: 0.9 } }, followed)).toBe(false);
		expect(rule({ startPosition: { verticalRatio: 0.9 } }, last)).toBe(false);
		// At the top of a page already: moving it would only leave a blank page.
		expect(rule({ headlineLevel: 1, startPosition: { verticalRatio: 0 } }, last)).toBe(false);
	});

	it('gives the area for content in points for each paper and orientation', () => {
		const area = (paper: ReportOptions['paper'], orientation: ReportOptions['orientation']) =>
			pageArea({ content: content(), options: options({ paper, orientation }), assets: {} });
		expect(area('A4', 'portrait')).toMatchObject({ pageWidth: 595.28, width: 595.28 - 96 });
		expect(area('A4', 'landscape')).toMatchObject({ pageWidth: 841.89, height: 595.28 - 108 });
		expect(area('LETTER', 'portrait')).toMatchObject({ pageWidth: 612, pageHeight: 792 });
		expect(area('A3', 'landscape').width).toBeCloseTo(1190.55 - 96);
	});
});

describe('options', () => {
	it('keeps the chosen sections in the report order, and only those the report offers', () => {
		expect(chosenSections('projectPlan', ['gantt', 'summary', 'segments'])).toEqual([
			'summary',
			'gantt'
		]);
	});

	it('reads stored branding field by field, falling back on what is wrong', () => {
		expect(readBranding(null)).toEqual({
			company: '',
			consultant: '',
			accent: DEFAULT_ACCENT,
			logo: null
		});
		const logo = { dataUrl: 'data:image/png;base64,iVBORw0KGgo=', width: 120, height: 40 };
		expect(readBranding({ company: 'A', consultant: 7, accent: '#ABCDEF', logo })).toEqual({
			company: 'A',
			consultant: '',
			accent: '#abcdef',
			logo
		});
		for (const bad of [
			{ ...logo, dataUrl: 'https://example.com/logo.png' },
			{ ...logo, dataUrl: 'data:image/svg+xml;base64,PHN2Zz4=' },
			{ ...logo, width: REPORT_LIMITS.logoPixels + 1 },
			{ ...logo, height: 0 }
		])
			expect(readBranding({ logo: bad }).logo).toBeNull();
		expect(readBranding({ accent: 'red' }).accent).toBe(DEFAULT_ACCENT);
		expect(readBranding({ company: 'x'.repeat(1000) }).company).toHaveLength(REPORT_LIMITS.text);
	});
});

describe('diagramDocument', () => {
	it('sizes the page to the drawing, with its title', () => {
		const doc = diagramDocument('Workflow: Today', {
			type: 'svg',
			svg: '<svg/>',
			width: 800,
			height: 300
		});
		expect(doc.pageSize).toEqual({ width: 872, height: 300 + 72 + 28 });
		expect(doc.content[0]).toMatchObject({ text: 'Workflow: Today' });
		expect(doc.content[1]).toMatchObject({ svg: '<svg/>', width: 800, height: 300 });
	});

	it('scales a drawing too large for a PDF page down to the largest page', () => {
		const doc = diagramDocument('Big', { type: 'svg', svg: '<svg/>', width: 30_000, height: 1000 });
		const page = doc.pageSize as { width: number; height: number };
		expect(page.width).toBeLessThanOrEqual(14_400);
		expect((doc.content[1] as { width: number }).width).toBeCloseTo(14_400 - 72);
	});
});
