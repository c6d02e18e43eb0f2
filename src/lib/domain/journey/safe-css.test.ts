import { describe, expect, it } from 'vitest';
import { safeCss } from './safe-css.ts';

describe('CSS that can load nothing', () => {
	it('keeps references inside the drawing and everything else that loads nothing', () => {
		const css =
			'#d .edge{marker-end:url(#arrow);fill:#fff;stroke-width:2px;transform:translate(1px,2px)}';
		expect(safeCss(css)).toBe(css);
		expect(safeCss('url( "#a" )')).toBe('url( "#a" )');
	});

	it('removes outside url(), image-set(), image(), src() and @import', () => {
		expect(safeCss('fill:url(https://example.com/x.svg#p)')).toBe('fill:none');
		expect(safeCss("background:URL('//example.com/x.png')")).toBe('background:none');
		expect(safeCss('background:-webkit-image-set("https://e.com/a.png" 1x)')).toBe(
			'background:none'
		);
		expect(safeCss('background:image("https://e.com/a.png")')).toBe('background:none');
		expect(safeCss('@font-face{src:src("https://e.com/f.woff")}')).toBe('@font-face{src:none}');
		expect(safeCss('@import url(https://e.com/t.css); .a{}')).toBe(' .a{}');
		expect(safeCss("@import 'https://e.com/t.css'; .a{}")).toBe(' .a{}');
	});

	it('drops back-slash escapes, which could spell url( in disguise', () => {
		expect(safeCss('fill:\\75 rl(https://e.com/x)')).toBe('fill:75 rl(https://e.com/x)');
		expect(safeCss('a:u\\rl(https://e.com/x)')).toBe('a:none');
	});
});
