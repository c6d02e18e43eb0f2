import { describe, expect, it } from 'vitest';
import { aTouchpoint } from '../../../../test/factories.ts';
import {
	DIAGRAM_LIMITS,
	decodeLabel,
	errorLine,
	escapeLabel,
	journeyDiagram,
	journeyLabel,
	parsedLines,
	pathOf,
	tooLarge,
	touchpointFlow,
	withInertTags,
	workflowFlow,
	wrapLine,
	type DiagramLabels
} from './mermaid-text.ts';
import type { Journey } from './model.ts';

const labels: DiagramLabels = {
	untitled: 'Untitled',
	noChannel: 'No channel',
	rating: (r) => `rated ${r}`,
	notRated: 'Not rated',
	momentOfTruth: 'Moment of truth'
};

/** What Mermaid shows for an escaped label: the codes as `&#n;`, then decoded by us. */
const shown = (escaped: string) => decodeLabel(escaped.replace(/#(\d+);/g, '&#$1;'));

const tp = aTouchpoint;

const journey: Journey = {
	stages: [
		{ id: 'aw', name: 'Awareness' },
		{ id: 'buy', name: 'Purchase' },
		{ id: 'svc', name: 'Service' }
	],
	touchpoints: [
		tp('call', 'svc', { ratingToday: -2, ratingTarget: 1, department: 'Contact centre' }),
		tp('advert', 'aw', { ratingToday: 0, segmentIds: ['mass'] }),
		tp('branch', 'buy', {
			ratingToday: 1,
			momentOfTruth: true,
			channelId: 'br',
			segmentIds: ['wealth']
		}),
		tp('app', 'buy', { ratingToday: null, channelId: 'app' })
	]
};

describe('escaping user text for Mermaid', () => {
	it('writes every syntax character as an entity code and gets it back exactly', () => {
		const nasty = 'He said "hi" & left; a#b: <b>x</b> %%{init}%% [1] {2} (3) a|b `c` \\d';
		const escaped = escapeLabel(nasty, 'line');
		expect(escaped.replace(/#\d+;/g, '')).not.toMatch(/["#%&<>:;|`\\{}[\]()]/);
		expect(escaped.startsWith('He said #34;hi#34; #38; left#59; a#35;b#58;')).toBe(true);
		expect(shown(escaped)).toBe(nasty);
	});

	it('leaves Chinese punctuation as it is', () => {
		const text = '客户（VIP）【重要】「引号」：；，。“双引号”';
		expect(escapeLabel(text, 'line')).toBe(text);
	});

	it('keeps line breaks as line breaks, and drops control characters', () => {
		expect(escapeLabel('first\r\nsecond\rthird\n\n  fourth\u0007 ')).toBe(
			'first\nsecond\nthird\nfourth'
		);
		expect(escapeLabel('one\ntwo', 'line')).toBe('one two');
	});

	it('hides the words Mermaid reads as style lines', () => {
		expect(escapeLabel('style a:#f00;', 'line')).toBe('#115;tyle a#58;#35;f00#59;');
		expect(escapeLabel('classDef x', 'line')).toBe('#99;lassDef x');
	});

	it('decodes each code once, so text that looks like a code survives', () => {
		const literal = 'Use &#35; for a hash';
		expect(shown(escapeLabel(literal, 'line'))).toBe(literal);
		expect(decodeLabel('a&#9999999;b')).toBe('a&#9999999;b');
	});

	it('wraps long lines at spaces, and Chinese between characters (two columns each)', () => {
		expect(wrapLine('one two three four', 9)).toEqual(['one two', 'three', 'four']);
		expect(wrapLine('一二三四五六七', 6)).toEqual(['一二三', '四五六', '七']);
		expect(wrapLine('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
		expect(wrapLine('', 4)).toEqual(['']);
		// In edge labels an escaped character counts as long as its code (Mermaid measures that).
		expect(wrapLine('a:b:c', 12, 'edge')).toEqual(['a:b:', 'c']);
		expect(wrapLine('a:b:c', 12)).toEqual(['a:b:c']);
	});

	it('keeps journey task names that start with a keyword from becoming statements', () => {
		const j: Journey = {
			stages: [{ id: 's', name: '   ' }],
			touchpoints: ['Title hijack', 'Section X', 'accDescr {', 'journey', '  '].map((name, i) =>
				tp(`t${i}`, 's', { name, ratingToday: 0 })
			)
		};
		expect(journeyDiagram(j, null, 'today', 'T', labels).text.split('\n').slice(3, 9)).toEqual([
			'section Untitled',
			'  \u200bTitle hijack: 3',
			'  \u200bSection X: 3',
			'  \u200baccDescr {: 3',
			'  \u200bjourney: 3',
			'  Untitled: 3'
		]);
	});

	it('writes journey labels with full-width forms of its syntax characters', () => {
		expect(journeyLabel('Step 1: pay; #2, 50%\n<now>')).toBe('Step 1： pay； ＃2， 50％ ＜now＞');
	});
});

describe('diagram text from the touchpoint map', () => {
	it('orders a segment’s path by stage, then as listed', () => {
		expect(pathOf(journey, null).map((t) => t.id)).toEqual(['advert', 'branch', 'app', 'call']);
		expect(pathOf(journey, 'wealth').map((t) => t.id)).toEqual(['branch', 'app', 'call']);
	});

	it('draws the journey diagram with scores 1–5 and leaves unrated touchpoints out', () => {
		const d = journeyDiagram(journey, 'wealth', 'today', 'Wealth: today', labels);
		expect(d.text).toBe(
			[
				'journey',
				'title Wealth： today',
				'accTitle: Wealth： today',
				'section Purchase',
				'  branch: 4',
				'section Service',
				'  call: 1: Contact centre',
				''
			].join('\n')
		);
		expect(d.skipped).toBe(1);
		expect(journeyDiagram(journey, null, 'target', 'T', labels).skipped).toBe(3);
	});

	it('draws the touchpoint path with stages, channels, ratings and moments of truth', () => {
		const d = touchpointFlow(
			journey,
			[{ id: 'br', name: 'Branch' }],
			'wealth',
			'today',
			'Path',
			labels
		);
		expect(d.text).toBe(
			[
				'flowchart LR',
				'accTitle: Path',
				'  subgraph s1["Purchase"]',
				'    direction TB',
				'    n0["★ branch\nBranch\nrated 1\nMoment of truth"]:::rpos1,moment',
				'    n1["app\nNo channel\nNot rated"]',
				'  end',
				'  subgraph s2["Service"]',
				'    direction TB',
				'    n2["call\nNo channel\nrated -2"]:::rneg2',
				'  end',
				'  n0 --> n1',
				'  s1 --> s2'
			].join('\n') +
				'\n' +
				d.text.split('\n  s1 --> s2\n')[1]
		);
		expect(d.text).toContain('classDef rneg2 fill:#fde0dc');
		expect(d.edges).toBe(2);
	});

	it('draws the workflow with a shape per kind and a line style per connection', () => {
		const d = workflowFlow(
			[
				{ id: 'c', side: 'today', kind: 'customer', label: 'Client "A"' },
				{ id: 'crm', side: 'today', kind: 'system', label: 'CRM' },
				{ id: 'db', side: 'today', kind: 'dataStore', label: 'Master data' },
				{ id: 'other', side: 'target', kind: 'role', label: 'Elsewhere' }
			],
			[
				{ id: 'e1', side: 'today', from: 'c', to: 'crm', kind: 'handoff', label: 'asks' },
				{ id: 'e2', side: 'today', from: 'crm', to: 'db', kind: 'dataFlow', label: '' },
				{ id: 'e3', side: 'today', from: 'c', to: 'other', kind: 'handoff', label: 'x' }
			],
			'today',
			'Today',
			'Untitled'
		);
		expect(d.text.split('\n').slice(0, 7)).toEqual([
			'flowchart LR',
			'accTitle: Today',
			'  n0(["Client #34;A#34;"]):::customer',
			'  n1[["CRM"]]:::system',
			'  n2[("Master data")]:::dataStore',
			'  n0 -->|"asks"| n1',
			'  n1 -.-> n2'
		]);
		expect(d.edges).toBe(2);
	});

	it('names a blank node, stage or touchpoint instead of writing an empty label', () => {
		const w = workflowFlow(
			[{ id: 'a', side: 'today', kind: 'role', label: ' \u0007 ' }],
			[],
			'today',
			'T',
			'Untitled'
		);
		expect(w.text).toContain('n0("Untitled"):::role');
		const f = touchpointFlow(
			{ stages: [{ id: 's', name: '' }], touchpoints: [tp('x', 's', { name: '\n' })] },
			[],
			null,
			'today',
			'T',
			labels
		);
		expect(f.text).toContain('subgraph s0["Untitled"]');
		expect(f.text).toContain('n0["Untitled\nNo channel\nNot rated"]');
	});
});

describe('limits', () => {
	it('declines more than 500 edges or 50,000 characters', () => {
		expect(tooLarge({ text: 'x', edges: 500 })).toBeNull();
		expect(tooLarge({ text: 'x', edges: 501 })).toEqual({ limit: 'edges', count: 501, max: 500 });
		expect(tooLarge({ text: 'x'.repeat(DIAGRAM_LIMITS.text + 1), edges: 0 })?.limit).toBe('text');
	});
});

describe('the line of a parse error', () => {
	it('reads the parser’s location, or the line in its message', () => {
		const text = 'flowchart LR\n  a --> b\n  c -->\n';
		expect(errorLine(text, { hash: { loc: { first_line: 3 } } })).toBe(3);
		expect(errorLine(text, new Error('Parse error on line 2:\n...'))).toBe(2);
		expect(errorLine(text, new Error('No diagram type detected'))).toBeNull();
	});

	// The cases below were checked against Mermaid 12.3's own errors in Chromium.
	it('adds back front matter, directives, comment lines and leading blank lines', () => {
		const at3 = { hash: { loc: { first_line: 3 } } };
		expect(
			errorLine('---\ntitle: A\n---\nflowchart LR\n  a -->\n', { hash: { loc: { first_line: 2 } } })
		).toBe(5);
		expect(errorLine('%% comment\nflowchart LR\n  a --> b\n\n%% another\n  b --> c[x\n', at3)).toBe(
			6
		);
		expect(
			errorLine(
				'---\ntitle: T\n---\n%%{init: {"theme":"forest"}}%%\nflowchart LR\n  a --> b\n  b --> c[x\n',
				at3
			)
		).toBe(7);
		expect(errorLine('\n\n  flowchart LR\n  a --> b\n  b --> c[x\n', at3)).toBe(5);
		expect(
			errorLine(
				'pie title X\n  %% c\n  "a" : 1\n  "b" : x\n',
				new Error('Lexer error on line 3, column 9')
			)
		).toBe(4);
		expect(errorLine('flowchart LR', { hash: { loc: { first_line: 9 } } })).toBe(1);
	});

	it('maps every parsed line back to the user’s line', () => {
		expect(parsedLines('%%{init: {}}%%\n%% c\nflowchart LR\n  a\n%% x\n  b')).toEqual([2, 3, 5]);
		expect(parsedLines('')).toEqual([0]);
		expect(parsedLines('客户 %% 不是注释\n%% 注释\n下一行')).toEqual([0, 2]);
	});
});

describe('the text Mermaid is given', () => {
	it('writes the < of a tag with an event handler as an entity code, and nothing else', () => {
		expect(withInertTags('flowchart LR\n  a["<img src=x onerror=alert(1)>"] --> b')).toBe(
			'flowchart LR\n  a["#60;img src=x onerror=alert(1)>"] --> b'
		);
		expect(withInertTags('<svg/onload=x>')).toBe('#60;svg/onload=x>');
		expect(withInertTags('<IMG SRC=x ONERROR = "y">')).toBe('#60;IMG SRC=x ONERROR = "y">');
		expect(withInertTags('<b title=">" onmouseover=x>b</b>')).toBe(
			'#60;b title=">" onmouseover=x>b</b>'
		);
		expect(withInertTags('<a href="#"\nonclick=\'x\'>')).toBe('#60;a href="#"\nonclick=\'x\'>');
		// Two tags, each with its own.
		expect(withInertTags('x <i onclick=a>1</i> <u onfocus=b>2</u>')).toBe(
			'x #60;i onclick=a>1</i> #60;u onfocus=b>2</u>'
		);
	});

	it('leaves Mermaid syntax, line breaks, harmless tags and handler-like text alone', () => {
		for (const text of [
			'flowchart LR\n  a["x<br>y<br/>z"] --> b["<b>bold</b>"]',
			'classDiagram\n  class Shape{\n    <<interface>>\n  }\n  Shape <|-- Square',
			'sequenceDiagram\n  A->>B: turn on=off\n  B-->>A: a < b and onload=1',
			'flowchart LR\n  a["<a title=\'onclick=x\'>t</a>"]',
			'flowchart LR\n  a["onclick=1"] <--> b["button=2"]',
			'stateDiagram-v2\n  state fork <<fork>>\n  [*] --> fork'
		])
			expect(withInertTags(text)).toBe(text);
	});

	it('keeps every line where it was, so that errors point at the user’s line', () => {
		const text = 'flowchart LR\n  a["<img\nsrc=x onerror=y>"] -->\n  b';
		expect(withInertTags(text).split('\n')).toHaveLength(text.split('\n').length);
	});
});
