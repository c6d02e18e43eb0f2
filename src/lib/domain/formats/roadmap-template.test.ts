import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../locales.ts';
import { schedule } from '../roadmap/schedule.ts';
import { roadmapSchema } from '../schemas.ts';
import {
	checkRoadmapTemplate,
	instantiateRoadmap,
	type RoadmapTemplate
} from './roadmap-template.ts';

const dir = path.resolve('templates/roadmaps');
const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.json')) : [];
const read = (file: string) => JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
const valid = (file: string): RoadmapTemplate => {
	const result = checkRoadmapTemplate(read(file), 'en');
	if (!result.ok) throw new Error(JSON.stringify(result.problems, null, 1));
	return result.template;
};
const counter = () => {
	let n = 0;
	return () => `id-${n++}`;
};

describe('roadmap templates under templates/roadmaps', () => {
	it('ships the four plans', () =>
		expect([...files].sort()).toEqual([
			'contact-centre-first.json',
			'seven-phase-implementation.json',
			'sme-path.json',
			'strategy-first.json'
		]));

	it.each(files)('%s is valid and named after its id', (file) => {
		expect(`${valid(file).id}.json`).toBe(file);
	});

	it('has ids unique across files', () => {
		const ids = files.map((f) => valid(f).id);
		expect(new Set(ids).size).toBe(ids.length);
	});

	it.each(files)('%s chains its phases, each closed by a milestone', (file) => {
		const phases = valid(file).phases;
		phases.forEach((p, i) => {
			expect(p.tasks.length).toBeGreaterThanOrEqual(5);
			expect(p.tasks.length).toBeLessThanOrEqual(12);
			const last = p.tasks.at(-1)!;
			expect(last.milestone).toBe(true);
			expect(last.duration).toBe(0);
			if (i > 0) expect(p.tasks[0]!.dependsOn).toContain(phases[i - 1]!.tasks.at(-1)!.ref);
		});
	});

	it.each(files)('%s starts a roadmap that schedules, in every language', (file) => {
		const template = valid(file);
		for (const locale of LOCALES) {
			const { roadmap, taskIds } = instantiateRoadmap(template, locale, '2027-01-04', counter());
			expect(roadmapSchema.safeParse(roadmap).success).toBe(true);
			expect(roadmap.tasks.length).toBe(taskIds.size);
			const planned = schedule('2027-01-04', roadmap.settings, roadmap.tasks);
			if (!planned.ok) throw new Error(`loop: ${(planned.cycle ?? ['too long']).join(' → ')}`);
			expect(planned.start).toBe('2027-01-04');
			let previousEnd = '';
			for (const phase of roadmap.phases) {
				expect(phase.start).not.toBeNull();
				expect(phase.end).not.toBeNull();
				expect(phase.start! <= phase.end!).toBe(true);
				// The phases follow each other: each starts when the gate before it is passed.
				expect(phase.start! >= previousEnd).toBe(true);
				previousEnd = phase.end!;
			}
			expect(previousEnd).toBe(planned.finish);
		}
	});

	it('gives zh-TW texts and the dates from the start day', () => {
		const template = valid('seven-phase-implementation.json');
		const { roadmap, phaseIds } = instantiateRoadmap(template, 'zh-TW', '2027-01-04', counter());
		const first = roadmap.phases.find((p) => p.id === phaseIds.get(template.phases[0]!.ref))!;
		expect(first.title).toBe(template.phases[0]!.title['zh-TW']);
		expect(first.start).toBe('2027-01-04');
		expect(roadmap.settings).toEqual({
			start: '2027-01-04',
			excludeWeekends: true,
			holidays: []
		});
	});
});

describe('a mistaken roadmap template', () => {
	const base = () => read('strategy-first.json');
	const problems = (data: unknown) => {
		const result = checkRoadmapTemplate(data, 'en');
		return result.ok ? [] : result.problems;
	};

	it('names a dependency on an unknown task', () => {
		const t = base();
		t.phases[1].tasks[2].dependsOn.push('no-such-task');
		const found = problems(t);
		expect(found.map((p) => p.path)).toEqual(['phases[1].tasks[2].dependsOn[1]']);
		expect(found[0]!.message).toContain('"no-such-task"');
	});

	it('names the tasks of a dependency loop', () => {
		const t = base();
		// The strategy's first task now waits for the close of the second phase, which waits for it.
		t.phases[0].tasks[0].dependsOn = ['pr-gate'];
		const found = problems(t);
		expect(found.map((p) => p.path)).toEqual(['phases']);
		expect(found[0]!.message).toMatch(/loop/);
		for (const ref of ['st-sponsor', 'st-gate', 'pr-select', 'pr-gate'])
			expect(found[0]!.message).toContain(ref);
	});

	it('names a task that waits for itself', () => {
		const t = base();
		t.phases[2].tasks[1].dependsOn = ['te-shortlist'];
		const found = problems(t);
		expect(found.map((p) => p.path)).toEqual(['phases']);
		expect(found[0]!.message).toContain('te-shortlist → te-shortlist');
	});

	it('refuses a milestone that takes time', () => {
		const t = base();
		t.phases[0].tasks.at(-1).duration = 3;
		const found = problems(t);
		expect(found.map((p) => p.path)).toEqual(['phases[0].tasks[6].duration']);
		expect(found[0]!.message).toMatch(/milestone/);
	});

	it('refuses a ref used twice, even in another phase', () => {
		const t = base();
		t.phases[3].tasks.push({ ...t.phases[0].tasks[0] });
		const found = problems(t);
		expect(found.map((p) => p.path)).toEqual(['phases[3].tasks[7].ref']);
		expect(found[0]!.message).toContain('"st-sponsor"');
	});

	it('refuses a KPI ref used twice', () => {
		const t = base();
		t.phases[1].kpis[0].ref = t.phases[0].kpis[0].ref;
		expect(problems(t).map((p) => p.path)).toEqual(['phases[1].kpis[0].ref']);
	});

	it('names a text missing its zh-TW version', () => {
		const t = base();
		delete t.phases[2].tasks[4].title['zh-TW'];
		const found = problems(t);
		expect(found.map((p) => p.path)).toEqual(['phases[2].tasks[4].title.zh-TW']);
		expect(found[0]!.message).not.toBe('');
	});

	it('refuses an empty text, an unknown role and a stray key', () => {
		const t = base();
		t.description.en = '  ';
		t.phases[0].tasks[1].role = 'intern';
		t.phases[0].tasks[2].owner = 'Li';
		expect(problems(t).map((p) => p.path)).toEqual([
			'phases[0].tasks[1].role',
			'phases[0].tasks[2]',
			'description.en'
		]);
	});

	it('answers in the user’s language', () => {
		const t = base();
		t.phases[0].tasks.at(-1).duration = 3;
		const result = checkRoadmapTemplate(t, 'zh-TW');
		expect(result.ok ? '' : result.problems[0]!.message).toContain('里程碑');
	});
});
