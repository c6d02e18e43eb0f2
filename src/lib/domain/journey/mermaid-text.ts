import type { Channel } from '../strategy/model.ts';
import {
	ratingOf,
	serves,
	type FreeDiagram,
	type Journey,
	type Rating,
	type Side,
	type Touchpoint,
	type WorkflowEdge,
	type WorkflowNode
} from './model.ts';

/**
 * Mermaid text built from the engagement's data. Pure: the adapter in integrations/mermaid only
 * draws what these functions write.
 *
 * User text never reaches Mermaid as syntax. Every character that Mermaid could read as syntax
 * (quotes, `#`, `%` of a `%%{init}%%` directive, `<` and `>` of HTML, `:` and `;` of the
 * line-based diagrams, back-ticks of markdown strings, `|` of edge labels) becomes a numeric
 * entity code (`#34;`), which Mermaid turns back into the character in the drawn SVG. Node ids
 * are generated (`n0`, `n1`…), never taken from the data.
 */

/** Mermaid's own limits, set in the adapter too; above them the app declines to draw. */
export const DIAGRAM_LIMITS = { edges: 500, text: 50_000 } as const;

export interface MermaidSource {
	text: string;
	/** How many edges (links) the text draws, for the limit check. */
	edges: number;
}

export type TooLarge = { limit: 'edges' | 'text'; count: number; max: number };

/** Why a diagram is too large to draw, or null when it is within Mermaid's limits. */
export function tooLarge(source: MermaidSource): TooLarge | null {
	if (source.edges > DIAGRAM_LIMITS.edges)
		return { limit: 'edges', count: source.edges, max: DIAGRAM_LIMITS.edges };
	if (source.text.length > DIAGRAM_LIMITS.text)
		return { limit: 'text', count: source.text.length, max: DIAGRAM_LIMITS.text };
	return null;
}

const SYNTAX = /["#%&<>:;|`\\{}[\]()]/g;
/** Control characters (line breaks included) and the Unicode line and paragraph separators. */
const CONTROL = /[\p{Cc}\u2028\u2029]+/gu;
const IS_SYNTAX = /["#%&<>:;|`\\{}[\]()]/;
const WIDE =
	/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** How a label is laid out: node labels wrap at 32 columns; edge labels at 22 columns of their
 * escaped text (Mermaid wraps edge labels itself at 200 px of the text it is given, and must
 * never cut an entity code in two); `line` joins everything into one line. */
export type LabelMode = 'node' | 'edge' | 'line';

/** Columns a character takes: two for a Chinese one; an escaped one, in `edge` mode, its code's. */
function columnsOf(c: string, mode: LabelMode): number {
	if (WIDE.test(c)) return 2;
	if (mode === 'edge' && IS_SYNTAX.test(c)) return `&#${c.codePointAt(0)};`.length;
	return 1;
}

/**
 * Breaks a line of text into lines of at most `columns`, at spaces where there are any, between
 * characters where there are none (Chinese).
 */
export function wrapLine(line: string, columns: number, mode: LabelMode = 'node'): string[] {
	const out: string[] = [];
	let chars: string[] = [];
	let width = 0;
	const widthOf = (cs: string[]) => cs.reduce((n, c) => n + columnsOf(c, mode), 0);
	for (const c of line) {
		const w = columnsOf(c, mode);
		if (width + w > columns && chars.length > 0) {
			const space = chars.lastIndexOf(' ');
			if (c === ' ') {
				out.push(chars.join('').trimEnd());
				chars = [];
				width = 0;
				continue;
			}
			if (space > 0) {
				out.push(chars.slice(0, space).join('').trimEnd());
				chars = chars.slice(space + 1);
			} else {
				out.push(chars.join(''));
				chars = [];
			}
			width = widthOf(chars);
		}
		chars.push(c);
		width += w;
	}
	const last = chars.join('').trimEnd();
	if (last !== '' || out.length === 0) out.push(last);
	return out;
}

/**
 * User text for a quoted Mermaid label. Syntax characters become numeric entity codes (`#35;`);
 * Mermaid writes them into the SVG as `&#35;`, which `decodeLabel` turns back into the character
 * once the SVG is drawn. Lines are wrapped here (Mermaid's own wrapping of node labels is off, so
 * that no code is ever cut in two) and joined with real line breaks.
 */
export function escapeLabel(text: string, mode: LabelMode = 'node'): string {
	const lines = text
		.replace(/\r\n?/g, '\n')
		.split('\n')
		.map((l) => l.replace(CONTROL, ' ').trim())
		.filter((l) => l !== '');
	const wrapped =
		mode === 'line'
			? [lines.join(' ')]
			: lines.flatMap((l) => wrapLine(l, mode === 'edge' ? 22 : 32, mode));
	return wrapped
		.map((line) =>
			line
				.replace(SYNTAX, (c) => `#${c.codePointAt(0)};`)
				// Mermaid strips the `;` of `style …:#…;` and `classDef …:#…;` lines before parsing.
				.replace(/style|classDef/g, (w) => `#${w.codePointAt(0)};${w.slice(1)}`)
		)
		.join('\n');
}

/** Turns the entity codes that `escapeLabel` wrote back into characters (in the SVG's text). */
export const decodeLabel = (text: string): string =>
	text.replace(/&#(\d{1,7});/g, (code, n: string) => {
		const point = Number(n);
		return point <= 0x10ffff ? String.fromCodePoint(point) : code;
	});

/**
 * A journey task's name: a name that starts with one of the diagram's keywords (`title`,
 * `section`…, in any case) would be read as that statement, so a zero-width space goes first.
 */
function journeyTask(text: string): string {
	const label = journeyLabel(text);
	return /^(title|section|journey|acc(title|descr))\b/i.test(label) ? `\u200b${label}` : label;
}

/**
 * User text for the line-based journey diagram, which has no entity codes that survive its text
 * wrapping: the few characters that are its syntax become their full-width forms (as Chinese text
 * writes them anyway), and line breaks become spaces.
 */
export function journeyLabel(text: string): string {
	return text
		.replace(CONTROL, ' ')
		.trim()
		.replace(/[#:;%,<>]/g, (c) => String.fromCodePoint(c.codePointAt(0)! + 0xfee0));
}

/** The text, or `fallback` when it is blank (an empty quoted label is a Mermaid syntax error). */
const named = (text: string, fallback: string) => (escapeLabel(text, 'line') ? text : fallback);

/** An accessible title and description for the SVG (Mermaid's accTitle and accDescr). */
function accessibility(title: string, description: string): string[] {
	const lines: string[] = [];
	if (title.trim()) lines.push(`accTitle: ${escapeLabel(title, 'line')}`);
	if (description.trim()) lines.push(`accDescr: ${escapeLabel(description, 'line')}`);
	return lines;
}

/** The words a diagram needs, in the report's or the user's language. */
export interface DiagramLabels {
	untitled: string;
	noChannel: string;
	rating: (r: Rating) => string;
	notRated: string;
	momentOfTruth: string;
}

/** The touchpoints a segment meets (null: any segment), in journey order: by stage, then as listed. */
export function pathOf(journey: Journey, segmentId: string | null): Touchpoint[] {
	const order = new Map(journey.stages.map((s, i) => [s.id, i]));
	return journey.touchpoints
		.filter((t) => order.has(t.stageId) && serves(t, segmentId))
		.map((t, i) => ({ t, i }))
		.sort((a, b) => order.get(a.t.stageId)! - order.get(b.t.stageId)! || a.i - b.i)
		.map(({ t }) => t);
}

/**
 * Mermaid's journey diagram for a segment: a section per stage, a task per rated touchpoint with
 * its score (Mermaid's 1–5 from our −2…+2) and its owning department as the actor. Touchpoints
 * without a rating for `side` are left out (a score would be invented); `skipped` counts them.
 */
export function journeyDiagram(
	journey: Journey,
	segmentId: string | null,
	side: Side,
	title: string,
	labels: DiagramLabels
): MermaidSource & { skipped: number } {
	const title1 = journeyLabel(title);
	const lines = ['journey', `title ${title1}`, `accTitle: ${title1}`];
	const path = pathOf(journey, segmentId);
	let skipped = 0;
	for (const stage of journey.stages) {
		const tasks = path.filter((t) => t.stageId === stage.id);
		const rated = tasks.filter((t) => ratingOf(t, side) !== null);
		skipped += tasks.length - rated.length;
		if (rated.length === 0) continue;
		lines.push(`section ${journeyLabel(stage.name) || journeyLabel(labels.untitled)}`);
		for (const t of rated) {
			const name = journeyTask(t.name) || journeyTask(labels.untitled);
			const actor = t.department.trim() ? `: ${journeyLabel(t.department)}` : '';
			lines.push(`  ${name}: ${ratingOf(t, side)! + 3}${actor}`);
		}
	}
	return { text: lines.join('\n') + '\n', edges: 0, skipped };
}

const RATING_CLASS: Record<Rating, string> = {
	[-2]: 'rneg2',
	[-1]: 'rneg1',
	0: 'r0',
	1: 'rpos1',
	2: 'rpos2'
};

/** Fills for the ratings (a text label says the same, so colour is never the only signal). */
const RATING_STYLES = [
	'classDef rneg2 fill:#fde0dc,stroke:#b3261e,color:#1b1b1b',
	'classDef rneg1 fill:#fdeee0,stroke:#b35c00,color:#1b1b1b',
	'classDef r0 fill:#f1f3f4,stroke:#5f6368,color:#1b1b1b',
	'classDef rpos1 fill:#e6f4ea,stroke:#2e7d32,color:#1b1b1b',
	'classDef rpos2 fill:#d2efd9,stroke:#1b5e20,color:#1b1b1b',
	'classDef moment stroke-width:4px'
];

/**
 * A flowchart of the path a segment takes through the touchpoints: a subgraph per stage, each
 * touchpoint with its channel and its rating for `side` written out, moments of truth marked with
 * a star and a thick border; arrows from stage to stage and, within a stage, in the order listed.
 */
export function touchpointFlow(
	journey: Journey,
	channels: readonly Pick<Channel, 'id' | 'name'>[],
	segmentId: string | null,
	side: Side,
	title: string,
	labels: DiagramLabels
): MermaidSource {
	const channelName = new Map(channels.map((c) => [c.id, c.name]));
	const path = pathOf(journey, segmentId);
	const lines = ['flowchart LR', ...accessibility(title, '')];
	const idOf = new Map(path.map((t, i) => [t.id, `n${i}`]));
	const links: string[] = [];
	let previous: string | null = null;
	journey.stages.forEach((stage, s) => {
		const tasks = path.filter((t) => t.stageId === stage.id);
		if (tasks.length === 0) return;
		// Stages follow each other left to right; within one, the touchpoints run top to bottom.
		// (Mermaid keeps a subgraph's own direction only while no inner node links outside it.)
		if (previous !== null) links.push(`  ${previous} --> s${s}`);
		previous = `s${s}`;
		for (let i = 1; i < tasks.length; i++)
			links.push(`  ${idOf.get(tasks[i - 1]!.id)} --> ${idOf.get(tasks[i]!.id)}`);
		lines.push(`  subgraph s${s}["${escapeLabel(named(stage.name, labels.untitled))}"]`);
		lines.push('    direction TB');
		for (const t of tasks) {
			const rating = ratingOf(t, side);
			const parts = [
				(t.momentOfTruth ? '★ ' : '') + named(t.name, labels.untitled),
				(t.channelId ? channelName.get(t.channelId) : undefined) ?? labels.noChannel,
				rating === null ? labels.notRated : labels.rating(rating)
			];
			if (t.momentOfTruth) parts.push(labels.momentOfTruth);
			const label = parts.map((p) => escapeLabel(p)).join('\n');
			const classes = [rating === null ? '' : RATING_CLASS[rating], t.momentOfTruth ? 'moment' : '']
				.filter(Boolean)
				.join(',');
			lines.push(`    ${idOf.get(t.id)}["${label}"]${classes ? `:::${classes}` : ''}`);
		}
		lines.push('  end');
	});
	lines.push(...links);
	lines.push(...RATING_STYLES.map((l) => `  ${l}`));
	return { text: lines.join('\n') + '\n', edges: links.length };
}

/** Node shapes by kind: the shape, not only the colour, tells a system from a department. */
const SHAPES: Record<WorkflowNode['kind'], [string, string]> = {
	customer: ['(["', '"])'],
	department: ['["', '"]'],
	role: ['("', '")'],
	system: ['[["', '"]]'],
	dataStore: ['[("', '")]']
};

const KIND_STYLES = [
	'classDef customer fill:#fff4d6,stroke:#8a6100,color:#1b1b1b',
	'classDef department fill:#e8f0fe,stroke:#1f4e79,color:#1b1b1b',
	'classDef role fill:#f3e8fd,stroke:#6a3d9a,color:#1b1b1b',
	'classDef system fill:#e6f4ea,stroke:#2e7d32,color:#1b1b1b',
	'classDef dataStore fill:#f1f3f4,stroke:#5f6368,color:#1b1b1b'
];

/**
 * The workflow and internal relationships of one side as a flowchart: nodes by kind (each its
 * own shape), hand-offs as solid arrows and data flows as dotted ones, with their labels.
 */
export function workflowFlow(
	nodes: readonly WorkflowNode[],
	edges: readonly WorkflowEdge[],
	side: Side,
	title: string,
	untitled: string
): MermaidSource {
	const mine = nodes.filter((n) => n.side === side);
	const idOf = new Map(mine.map((n, i) => [n.id, `n${i}`]));
	const lines = ['flowchart LR', ...accessibility(title, '')];
	for (const n of mine) {
		const [open, close] = SHAPES[n.kind];
		lines.push(
			`  ${idOf.get(n.id)}${open}${escapeLabel(named(n.label, untitled))}${close}:::${n.kind}`
		);
	}
	let count = 0;
	for (const e of edges) {
		const from = idOf.get(e.from);
		const to = idOf.get(e.to);
		if (e.side !== side || !from || !to) continue;
		const arrow = e.kind === 'dataFlow' ? '-.->' : '-->';
		const label = e.label.trim() ? `|"${escapeLabel(e.label, 'edge')}"|` : '';
		lines.push(`  ${from} ${arrow}${label} ${to}`);
		count++;
	}
	if (mine.length > 0) lines.push(...KIND_STYLES.map((l) => `  ${l}`));
	return { text: lines.join('\n') + '\n', edges: count };
}

/**
 * A tag with an inline event handler (`<img src=x onerror=…>`), the `<` to its handler: in one
 * group, so that only the `<` changes. Quoted values are skipped whole (a handler's name inside
 * one is no attribute).
 */
const HANDLER_TAG = /<(?=[a-z/])((?:"[^"]*"|'[^']*'|[^<>"'])*?(?<=[\s/"'])on[a-z]+\s*=)/gi;

/**
 * The text Mermaid is given for a diagram. In strict mode Mermaid cleans every label with
 * DOMPurify, which first parses it as HTML in an inert document: a handler never runs there, but
 * Chromium reports each one it parses as a violation of the page's content security policy. A
 * tag that carries a handler can only be an attack, never part of a drawing (labels are SVG
 * text, and Mermaid drops handlers anyway), so its `<` is written as the entity code `#60;`:
 * DOMPurify then sees text, and the drawing shows the tag as the characters it is. Nothing else
 * changes, so the line of a parse error is still the user's line. (The diagrams the app writes
 * itself hold no `<` at all: see `escapeLabel`.)
 */
export const withInertTags = (text: string): string => text.replace(HANDLER_TAG, '#60;$1');

/** A free diagram as written, for the same limit check (edges are counted by Mermaid itself). */
export const freeSource = (d: Pick<FreeDiagram, 'text'>): MermaidSource => ({
	text: d.text,
	edges: 0
});

/* Mermaid's own preprocessing (mermaid 12, diagram-api/frontmatter.ts and preprocess.ts). */
const FRONT_MATTER = /^-{3}\s*[\n\r]([\s\S]*?)[\n\r]-{3}\s*[\n\r]+/;
const DIRECTIVE = /%{2}{\s*(?:(\w+)\s*:|(\w+))\s*(?:(\w+)|((?:(?!}%{2}).|\r?\n)*))?\s*(?:}%{2})?/gi;
const COMMENT_LINE = /^\s*%%(?!{)[^\n]+\n?/gm;

/**
 * For each line of the text Mermaid's parser sees, the line (0-based) of the user's text it came
 * from. Mermaid cuts off a front-matter block, removes `%%{…}%%` directives and `%%` comment
 * lines (with blank lines just before them), and trims the start before it parses, so the line
 * numbers its errors give are not the user's.
 */
export function parsedLines(text: string): number[] {
	let line = 0;
	let chars = [...text.replace(/\r\n?/g, '\n')].map((ch) => {
		const at = { ch, line };
		if (ch === '\n') line++;
		return at;
	});
	const cut = (pattern: RegExp) => {
		const gone = new Set<number>();
		const joined = chars.map((c) => c.ch).join('');
		joined.replace(pattern, (match: string, ...rest: unknown[]) => {
			const offset = rest.find((x) => typeof x === 'number') as number;
			for (let k = 0; k < match.length; k++) gone.add(offset + k);
			return '';
		});
		// Offsets count UTF-16 units; chars hold code points: map one to the other.
		let unit = 0;
		chars = chars.filter((c) => {
			const keep = !gone.has(unit);
			unit += c.ch.length;
			return keep;
		});
	};
	cut(FRONT_MATTER);
	cut(DIRECTIVE);
	cut(COMMENT_LINE);
	cut(/^\s+/);
	const lines: number[] = [];
	let start = true;
	for (const c of chars) {
		if (start) lines.push(c.line);
		start = c.ch === '\n';
	}
	if (start) lines.push(chars.length > 0 ? chars[chars.length - 1]!.line + 1 : 0);
	return lines;
}

/**
 * The line (1-based) of the user's text where a Mermaid parse error is, or null. Mermaid's
 * grammars report `hash.loc.first_line` or write "line N" into the message, counted in the text
 * it parsed (see `parsedLines`).
 */
export function errorLine(text: string, error: unknown): number | null {
	let line: number | null = null;
	const hash = (error as { hash?: { loc?: { first_line?: unknown }; line?: unknown } } | null)
		?.hash;
	if (typeof hash?.loc?.first_line === 'number') line = hash.loc.first_line;
	else if (typeof hash?.line === 'number') line = hash.line + 1;
	else {
		const message = error instanceof Error ? error.message : String(error);
		const match = /line:? (\d+)/i.exec(message);
		if (match) line = Number(match[1]);
	}
	if (line === null) return null;
	const lines = parsedLines(text);
	const total = text.split('\n').length;
	const original = lines[Math.min(Math.max(1, line), lines.length) - 1];
	return Math.min((original ?? 0) + 1, total);
}
