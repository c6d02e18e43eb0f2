import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from './messages/en.ts';
import { zhCN } from './messages/zh-CN.ts';
import { zhTW } from './messages/zh-TW.ts';

const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort().join(',');

function sourceFiles(dir: string): string[] {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
		const p = path.join(dir, d.name);
		if (d.isDirectory()) return d.name === 'messages' ? [] : sourceFiles(p);
		return /\.(ts|svelte)$/.test(d.name) && !d.name.endsWith('.test.ts') ? [p] : [];
	});
}

describe('messages', () => {
	it.each([
		['zh-CN', zhCN],
		['zh-TW', zhTW]
	] as const)('%s has every key, no extra key, and the same placeholders', (_name, messages) => {
		expect(Object.keys(messages).sort()).toEqual(Object.keys(en).sort());
		for (const key of Object.keys(en) as Array<keyof typeof en>) {
			expect(placeholders(messages[key]), key).toBe(placeholders(en[key]));
			expect(messages[key].trim(), key).not.toBe('');
		}
	});

	it('uses every key somewhere in src, and only keys that exist', () => {
		const source = sourceFiles(path.resolve('src'))
			.map((f) => fs.readFileSync(f, 'utf8'))
			.join('\n');
		const literal = (key: string) => source.includes(`'${key}'`) || source.includes(`"${key}"`);
		// Keys built from a prefix and a value, e.g. t(`team.side.${side}`).
		const prefixes = [...source.matchAll(/`([a-zA-Z.]+\.)\$\{/g)].map((m) => m[1]!);
		const unused = Object.keys(en).filter(
			(k) => !literal(k) && !prefixes.some((p) => k.startsWith(p))
		);
		expect(unused).toEqual([]);
		const called = [...source.matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)].map((m) => m[1]!);
		expect(called.filter((k) => !(k in en))).toEqual([]);
	});
});

describe('accessible names contain the visible label (WCAG 2.5.3)', () => {
	const pairs: Array<[keyof typeof en, keyof typeof en]> = [
		['engagements.rename', 'engagements.renameLabel'],
		['engagements.duplicate', 'engagements.duplicateLabel'],
		['engagements.export', 'engagements.exportLabel'],
		['engagements.archive', 'engagements.archiveLabel'],
		['engagements.unarchive', 'engagements.unarchiveLabel'],
		['engagements.delete', 'engagements.deleteLabel'],
		['team.remove', 'team.removeLabel'],
		['team.remove', 'team.removeUnnamed'],
		['segments.remove', 'segments.removeLabel'],
		['segments.remove', 'segments.removeNeedLabel'],
		['vp.remove', 'vp.removeLabel'],
		['vp.add', 'vp.addTo'],
		['change.remove', 'change.removeLabel'],
		['assess.facilitate', 'assess.facilitateLabel'],
		['assess.results', 'assess.resultsLabel'],
		['assess.repeat', 'assess.repeatLabel'],
		['assess.remove', 'assess.removeLabel'],
		['assess.person.remove', 'assess.person.removeLabel'],
		['tpl.remove', 'tpl.removeLabel'],
		['res.add', 'res.addLabel'],
		['channels.remove', 'channels.removeLabel'],
		['channels.remove', 'channels.removeConflictLabel']
	];
	it.each([
		['en', en],
		['zh-CN', zhCN],
		['zh-TW', zhTW]
	] as const)('%s', (_name, messages) => {
		for (const [visible, label] of pairs)
			expect(messages[label], label).toContain(messages[visible]);
	});
});
