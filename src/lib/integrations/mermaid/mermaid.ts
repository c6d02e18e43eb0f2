import type { Mermaid, MermaidConfig } from 'mermaid';
import {
	DIAGRAM_LIMITS,
	decodeLabel,
	errorLine,
	withInertTags
} from '#lib/domain/journey/mermaid-text.ts';
import { safeCss } from '#lib/domain/journey/safe-css.ts';
import type { Locale } from '#lib/domain/locales.ts';

/**
 * The one door to Mermaid: loaded on demand (never in the app shell), configured once with the
 * firm settings (strict security, dagre layout, SVG text labels), renders one diagram at a time,
 * and hands back a cleaned SVG element, never markup to insert as HTML.
 */

/** Fonts with the glyph shapes of each script (the same code point differs between them). */
const FONTS: Record<Locale, string> = {
	'zh-CN':
		"system-ui, -apple-system, 'Segoe UI', 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif",
	'zh-TW':
		"system-ui, -apple-system, 'Segoe UI', 'PingFang TC', 'Microsoft JhengHei', 'Noto Sans CJK TC', sans-serif",
	en: "system-ui, -apple-system, 'Segoe UI', 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif"
};

/**
 * Keys that a diagram's own `%%{init}%%` directive or front matter may not change: the security
 * level and everything that could turn labels into HTML, load a style, or lift a limit.
 */
const SECURE_KEYS = [
	'secure',
	'securityLevel',
	'startOnLoad',
	'maxTextSize',
	'maxEdges',
	'suppressErrorRendering',
	'htmlLabels',
	'flowchart',
	'layout',
	'elk',
	'themeCSS',
	'themeVariables',
	'fontFamily',
	'altFontFamily',
	'dompurifyConfig',
	'markdownAutoWrap',
	'deterministicIds',
	'deterministicIDSeed',
	// Mermaid removes a secure key at any depth: `sequence.forceMenus` (see below) stays on.
	'forceMenus'
];

const MERMAID_CONFIG: MermaidConfig = {
	startOnLoad: false,
	securityLevel: 'strict',
	layout: 'dagre',
	htmlLabels: false,
	markdownAutoWrap: false,
	flowchart: { htmlLabels: false, wrappingWidth: 100_000, useMaxWidth: false },
	journey: { useMaxWidth: false },
	// An actor's `link`/`links` menu is opened by an inline onclick handler, which the page's
	// policy refuses (and the clean-up removes): shown always, the menu is a list of its labels.
	sequence: { forceMenus: true },
	theme: 'default',
	fontFamily: FONTS.en,
	maxTextSize: DIAGRAM_LIMITS.text,
	maxEdges: DIAGRAM_LIMITS.edges,
	suppressErrorRendering: true,
	secure: SECURE_KEYS
};

let loading: Promise<Mermaid> | undefined;
function loadMermaid(): Promise<Mermaid> {
	loading ??= import('mermaid').then(
		({ default: mermaid }) => {
			mermaid.initialize(MERMAID_CONFIG);
			return mermaid;
		},
		(error: unknown) => {
			loading = undefined; // the next drawing tries again
			throw error;
		}
	);
	return loading;
}

export interface Drawn {
	ok: true;
	/** When this drawing's turn came (after any drawing queued before it). */
	startedAt: number;
	svg: SVGSVGElement;
	width: number;
	height: number;
}
export interface Failed {
	ok: false;
	/** Mermaid's own message (in English, as its parser writes it). */
	message: string;
	/** The line of the text it points at, when it says. */
	line: number | null;
}

let queue: Promise<unknown> = Promise.resolve();
let counter = 0;

/**
 * Draws Mermaid text with the fonts of `lang` (labels in traditional Chinese need traditional
 * glyph shapes); one drawing at a time, in the order asked.
 */
export function renderMermaid(text: string, lang: Locale): Promise<Drawn | Failed> {
	const run = queue.then(() => draw(text, lang));
	queue = run.catch(() => undefined);
	return run;
}

let fontsOf: Locale = 'en';

async function draw(text: string, lang: Locale): Promise<Drawn | Failed> {
	const mermaid = await loadMermaid();
	if (lang !== fontsOf) {
		mermaid.initialize({ ...MERMAID_CONFIG, fontFamily: FONTS[lang] });
		fontsOf = lang;
	}
	// Let the page handle input between two drawings: Mermaid lays out in one long task.
	await new Promise((resolve) => setTimeout(resolve, 0));
	const startedAt = performance.now();
	const id = `diagram-${++counter}`;
	try {
		// `render` parses first and throws the parser's error (with its line) on bad text.
		const { svg } = await mermaid.render(id, withInertTags(text));
		const rendered = performance.now();
		const clean = cleanSvg(svg);
		// Read by `npm run bench`: Mermaid's own part and the clean-up, apart.
		performance.measure('mermaid render', { start: startedAt, end: rendered });
		performance.measure('svg clean-up', { start: rendered, end: performance.now() });
		return { ok: true, startedAt, ...clean };
	} catch (error) {
		// Mermaid may leave its scratch element behind after a failure.
		document.getElementById(id)?.remove();
		document.getElementById(`d${id}`)?.remove();
		const message = (error instanceof Error ? error.message : String(error)).trim();
		return { ok: false, message, line: errorLine(text, error) };
	}
}

const DROP = new Set([
	'script',
	'foreignobject',
	'image',
	'iframe',
	'object',
	'embed',
	'audio',
	'video',
	// Animation elements can set an attribute (an href) after the clean-up has run.
	'animate',
	'set',
	'animatemotion',
	'animatetransform',
	'discard'
]);
/**
 * Mermaid's SVG, made safe and self-contained: no scripts, no HTML, no links or references
 * outside the drawing, no event handlers; label entity codes decoded; an explicit size from the
 * view box (so that a PDF or an image viewer draws it at its size).
 */
export function cleanSvg(markup: string): { svg: SVGSVGElement; width: number; height: number } {
	// The HTML parser, not the XML one: Mermaid's SVG is not always well-formed XML (an
	// `xlink:href` without its namespace), and a parsed document runs no script.
	const svg = new DOMParser().parseFromString(markup, 'text/html').querySelector('svg');
	if (!svg) throw new Error('Mermaid returned something that is not SVG.');
	for (const el of [...svg.querySelectorAll('*')]) {
		if (DROP.has(el.localName.toLowerCase())) {
			el.remove();
			continue;
		}
		// A link (Mermaid's `click … href`) keeps its drawing but stops being a link.
		if (el.localName.toLowerCase() === 'a') {
			el.replaceWith(...el.childNodes);
			continue;
		}
		for (const attr of [...el.attributes]) {
			const name = attr.name.toLowerCase();
			if (name.startsWith('on')) el.removeAttribute(attr.name);
			else if ((name === 'href' || name === 'xlink:href') && !attr.value.startsWith('#'))
				el.removeAttribute(attr.name);
			else if (/[(\\@]/.test(attr.value)) {
				// style, fill, filter, marker-end…: only references inside the drawing.
				const safe = safeCss(attr.value);
				if (safe !== attr.value) el.setAttribute(attr.name, safe);
			}
		}
		if (el.localName === 'style' && el.textContent) el.textContent = safeCss(el.textContent);
	}
	for (const el of svg.querySelectorAll('text, tspan, title, desc')) {
		for (const node of el.childNodes)
			if (node.nodeType === Node.TEXT_NODE && node.textContent?.includes('&#'))
				node.textContent = decodeLabel(node.textContent);
	}
	const box = svg.viewBox.baseVal;
	const width = Math.ceil(
		box && box.width > 0 ? box.width : Number(svg.getAttribute('width')) || 300
	);
	const height = Math.ceil(
		box && box.height > 0 ? box.height : Number(svg.getAttribute('height')) || 150
	);
	svg.setAttribute('width', String(width));
	svg.setAttribute('height', String(height));
	svg.style.removeProperty('max-width');
	svg.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
	return { svg: document.adoptNode(svg), width, height };
}

/** A standalone SVG file of a drawn diagram. */
export function svgFile(svg: SVGSVGElement): string {
	return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(svg)}`;
}

/** A PNG of a drawn diagram at `scale` times its size, on a white background. */
export async function pngFile(svg: SVGSVGElement, scale = 2): Promise<Blob> {
	const width = Number(svg.getAttribute('width'));
	const height = Number(svg.getAttribute('height'));
	const image = new Image();
	image.decoding = 'sync';
	image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgFile(svg))}`;
	await image.decode();
	const canvas = document.createElement('canvas');
	canvas.width = Math.max(1, Math.round(width * scale));
	canvas.height = Math.max(1, Math.round(height * scale));
	const context = canvas.getContext('2d');
	if (!context) throw new Error('This browser cannot draw to a canvas.');
	context.fillStyle = '#ffffff';
	context.fillRect(0, 0, canvas.width, canvas.height);
	context.drawImage(image, 0, 0, canvas.width, canvas.height);
	return new Promise((resolve, reject) =>
		canvas.toBlob(
			(blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed.'))),
			'image/png'
		)
	);
}

/** Presentation properties a PDF renderer needs on each element (it reads no style sheet). */
const INLINE = [
	'fill',
	'fill-opacity',
	'fill-rule',
	'stroke',
	'stroke-width',
	'stroke-opacity',
	'stroke-dasharray',
	'stroke-linecap',
	'stroke-linejoin',
	'opacity',
	'font-size',
	'font-weight',
	'font-style',
	'text-anchor',
	'dominant-baseline',
	'display'
] as const;

/**
 * A drawn diagram as SVG text for a PDF: every element carries its computed presentation
 * (Mermaid styles its drawing with a style sheet of `#id .class` rules, which the PDF renderer
 * does not read, so shapes would fill black), and the style sheet is dropped. The diagram is
 * laid out off screen for the browser to compute the styles.
 */
export function pdfSvg(svg: SVGSVGElement): string {
	const copy = svg.cloneNode(true) as SVGSVGElement;
	const host = document.createElement('div');
	// Off screen but not hidden: a hidden host would make every element compute as hidden.
	host.style.cssText = 'position:absolute;left:-100000px;top:0;';
	host.setAttribute('aria-hidden', 'true');
	host.append(copy);
	document.body.append(host);
	try {
		const elements = [copy, ...copy.querySelectorAll<SVGElement>('*')].filter(
			(el) => !['style', 'title', 'desc'].includes(el.localName)
		);
		// Read everything before writing anything: a write would make the next read recompute.
		const values = elements.map((el) => {
			const style = getComputedStyle(el);
			return INLINE.map((name) => style.getPropertyValue(name));
		});
		const written = new Map<Element, Map<string, string>>();
		elements.forEach((el, i) => {
			const read = new Map(INLINE.map((name, j) => [name, values[i]![j]!]));
			for (const paint of ['fill', 'stroke'] as const) {
				const rgba = /^rgba\((\d+),\s*(\d+),\s*(\d+),\s*([\d.]+)\)$/.exec(read.get(paint) ?? '');
				if (!rgba) continue;
				// The PDF renderer reads no alpha in a colour: it goes to the opacity property.
				const alpha = Number(rgba[4]);
				if (alpha === 0) read.set(paint, 'none');
				else {
					read.set(paint, `rgb(${rgba[1]}, ${rgba[2]}, ${rgba[3]})`);
					const opacity = Number(read.get(`${paint}-opacity`) || 1);
					read.set(`${paint}-opacity`, String(opacity * alpha));
				}
			}
			written.set(el, read);
			// Only what differs from the parent: the renderer inherits the rest as a browser does
			// (all but opacity and display, which are written only when they hide something).
			const parent = el.parentElement ? written.get(el.parentElement) : undefined;
			for (const [name, value] of read) {
				const keep =
					value !== '' &&
					value !== 'normal' &&
					value !== 'auto' &&
					(name === 'opacity'
						? value !== '1'
						: name === 'display'
							? value === 'none'
							: parent?.get(name) !== value);
				// An attribute Mermaid wrote may have been overridden by its style sheet.
				if (keep) el.setAttribute(name, value);
				else el.removeAttribute(name);
			}
			el.removeAttribute('style');
			el.removeAttribute('class');
		});
		for (const style of copy.querySelectorAll('style')) style.remove();
		return svgFile(copy);
	} finally {
		host.remove();
	}
}
