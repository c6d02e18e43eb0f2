import { describe, expect, it } from 'vitest';
import { aTeamMember, aTemplate, anEngagement } from '../../../../test/factories.ts';
import type { EngagementContent } from '../engagement/profile.ts';
import { engagementContentSchema } from '../schemas.ts';
import { errorMap } from '../formats/references.ts';
import { problemsFromZod, type Problem } from '../formats/problems.ts';
import type { Locale } from '../locales.ts';
import { blankTask, type Roadmap } from './model.ts';

/** A plan that uses every part of the roadmap format, each reference naming something real. */
function fullRoadmap(): Roadmap {
	return {
		settings: { start: '2027-01-04', excludeWeekends: true, holidays: ['2027-01-01'] },
		phases: [
			{
				id: 'p1',
				title: 'Discover',
				goal: 'Agree the CRM strategy',
				start: '2027-01-04',
				end: '2027-02-26',
				exitCriteria: 'Board approval'
			},
			{
				id: 'p2',
				title: 'Build',
				goal: '',
				start: '2027-03-01',
				end: null,
				exitCriteria: ''
			}
		],
		tasks: [
			blankTask('t1', {
				phaseId: 'p1',
				title: 'Kick-off',
				ownerId: 'm1',
				role: 'sponsor',
				start: '2027-01-04',
				duration: 3,
				status: 'done',
				percent: 100,
				effort: 12.5,
				costLineId: 'c1',
				origin: { kind: 'initiative', initiativeId: 'i1' }
			}),
			blankTask('t2', {
				phaseId: 'p1',
				title: 'Maturity workshop',
				dependsOn: ['t1'],
				origin: { kind: 'recommendation', assessmentId: 'a1', ruleId: 'r1' }
			}),
			blankTask('t3', {
				phaseId: 'p2',
				title: 'Strategy approved',
				milestone: true,
				dependsOn: ['t2']
			})
		],
		kpis: [
			{
				id: 'k1',
				phaseId: 'p1',
				metric: 'Retention',
				unit: '%',
				direction: 'up',
				baseline: 82,
				target: 88,
				actuals: [{ date: '2027-01-31', value: 82.5 }]
			}
		],
		gates: [
			{
				id: 'g1',
				phaseId: 'p1',
				date: '2027-02-26',
				decision: 'go',
				notes: '',
				assessmentId: 'a1'
			}
		],
		roles: { m1: 'sponsor' },
		raci: { 'p1:m1': 'A' },
		baselines: [
			{
				id: 'b1',
				name: 'Approved plan',
				savedOn: '2027-01-04',
				tasks: { t1: { start: '2027-01-04', finish: '2027-01-06' } }
			}
		]
	};
}

function anEngagementWithRoadmap(): EngagementContent {
	const content = anEngagement({}, [aTeamMember({ id: 'm1' })]);
	content.changePlan.initiatives = [
		{
			id: 'i1',
			support: 'processes',
			title: 'One customer view',
			description: '',
			owner: '',
			effort: null,
			impact: null,
			status: 'idea'
		}
	];
	content.assessmentTemplates = [aTemplate()];
	content.assessments = [
		{
			id: 'a1',
			title: 'Baseline',
			templateId: 'test-model',
			templateVersion: '1.0.0',
			date: '2026-12-01',
			notes: '',
			participants: [],
			answers: [],
			revealed: [],
			initiatives: {}
		}
	];
	content.businessCase.options = [{ id: 'saas', name: 'SaaS', description: '', baseline: false }];
	content.businessCase.costs = [
		{
			id: 'c1',
			optionId: 'saas',
			category: 'licences',
			label: 'Subscriptions',
			recurring: true,
			startYear: 1,
			endYear: null,
			entry: 'amount',
			amount: 1_000_000,
			quantity: 0,
			unitPrice: 0,
			growth: 0,
			listPrice: false,
			range: { low: 0.9, high: 1.2 }
		}
	];
	content.roadmap = fullRoadmap();
	return content;
}

/** The problems the file format finds in the engagement once `damage` is done to its roadmap. */
function problems(damage: (r: Roadmap) => void, locale: Locale = 'en'): Problem[] {
	const content = anEngagementWithRoadmap();
	damage(content.roadmap);
	const result = engagementContentSchema.safeParse(content, { error: errorMap(locale) });
	return result.success ? [] : problemsFromZod(result.error);
}

const t = (r: Roadmap, i: number) => r.tasks[i]!;

describe('the roadmap in the engagement file format', () => {
	it('accepts a full roadmap', () => {
		expect(problems(() => {})).toEqual([]);
		const result = engagementContentSchema.safeParse(anEngagementWithRoadmap());
		expect(result.success).toBe(true);
		expect(result.data?.roadmap).toEqual(fullRoadmap());
	});

	it('accepts a file written before roadmaps existed, with an empty one', () => {
		const { roadmap: _r, ...older } = anEngagementWithRoadmap();
		const result = engagementContentSchema.safeParse(older);
		expect(result.success).toBe(true);
		expect(result.data?.roadmap.tasks).toEqual([]);
	});

	it('refuses a phase that ends before it starts', () => {
		expect(problems((r) => (r.phases[0]!.end = '2026-12-31'))).toEqual([
			{
				path: 'roadmap.phases[0].end',
				message: 'the end (2026-12-31) comes before the start; correct one of the dates'
			}
		]);
	});

	it('refuses a task that depends on itself, as a loop of one', () => {
		expect(problems((r) => t(r, 0).dependsOn.push('t1'))).toEqual([
			{
				path: 'roadmap.tasks',
				message:
					'these tasks wait for each other in a loop, so none could ever start: Kick-off → Kick-off; remove one of the dependencies'
			}
		]);
	});

	it('refuses a dependency loop, naming the tasks in order', () => {
		const found = problems((r) => (t(r, 0).dependsOn = ['t3']));
		expect(found).toEqual([
			{
				path: 'roadmap.tasks',
				message:
					'these tasks wait for each other in a loop, so none could ever start: Kick-off → Strategy approved → Maturity workshop → Kick-off; remove one of the dependencies'
			}
		]);
	});

	it('names a task without a title by its id in a loop', () => {
		const [problem] = problems((r) => {
			t(r, 1).title = '  ';
			t(r, 0).dependsOn = ['t2'];
		});
		expect(problem!.message).toContain('Kick-off → t2 → Kick-off');
	});

	it('refuses a dependency on a task that does not exist', () => {
		expect(problems((r) => t(r, 2).dependsOn.push('ghost'))).toEqual([
			{ path: 'roadmap.tasks[2].dependsOn[1]', message: 'no roadmap task has the id "ghost"' }
		]);
	});

	it('refuses a milestone that takes time', () => {
		expect(problems((r) => (t(r, 2).duration = 2))).toEqual([
			{
				path: 'roadmap.tasks[2].duration',
				message: 'a milestone takes no time: set its duration to 0'
			}
		]);
	});

	it('refuses a 10,000-character title', () => {
		const found = problems((r) => (t(r, 1).title = 'x'.repeat(10_000)));
		expect(found).toHaveLength(1);
		expect(found[0]!.path).toBe('roadmap.tasks[1].title');
		expect(found[0]!.message).toMatch(/300/);
	});

	it('refuses an impossible date, saying only that it is not a date', () => {
		expect(problems((r) => (r.phases[1]!.start = '2027-02-30'))).toEqual([
			{ path: 'roadmap.phases[1].start', message: 'Invalid ISO date' }
		]);
	});

	it('refuses a date outside the years a plan may use', () => {
		expect(problems((r) => (t(r, 0).start = '0050-01-01'))).toEqual([
			{
				path: 'roadmap.tasks[0].start',
				message: 'a roadmap date must fall between the years 1900 and 2199'
			}
		]);
		expect(problems((r) => (r.settings.holidays = ['2200-01-01']))).toEqual([
			{
				path: 'roadmap.settings.holidays[0]',
				message: 'a roadmap date must fall between the years 1900 and 2199'
			}
		]);
	});

	it('refuses an owner who is not in the team', () => {
		expect(problems((r) => (t(r, 1).ownerId = 'ghost'))).toEqual([
			{
				path: 'roadmap.tasks[1].ownerId',
				message: 'no one in the engagement team has the id "ghost"'
			}
		]);
	});

	it('refuses a KPI of a phase that does not exist', () => {
		expect(problems((r) => (r.kpis[0]!.phaseId = 'p9'))).toEqual([
			{ path: 'roadmap.kpis[0].phaseId', message: 'no roadmap phase has the id "p9"' }
		]);
	});

	it('refuses a gate review linked to an assessment that does not exist', () => {
		expect(problems((r) => (r.gates[0]!.assessmentId = 'a9'))).toEqual([
			{ path: 'roadmap.gates[0].assessmentId', message: 'no assessment run has the id "a9"' }
		]);
	});

	it('refuses a RACI entry for someone not in the team', () => {
		expect(problems((r) => (r.raci['p2:ghost'] = 'C'))).toEqual([
			{
				path: 'roadmap.raci.p2:ghost',
				message: 'no one in the engagement team has the id "ghost"'
			}
		]);
	});

	it('refuses a RACI entry for a phase that does not exist', () => {
		expect(problems((r) => (r.raci['p9:m1'] = 'C'))).toEqual([
			{ path: 'roadmap.raci.p9:m1', message: 'no roadmap phase has the id "p9"' }
		]);
	});

	it('refuses two tasks with the same id', () => {
		expect(problems((r) => (t(r, 2).id = 't1'))).toEqual([
			{
				path: 'roadmap.tasks[2].id',
				message: 'the id "t1" is used twice; give each one its own'
			}
		]);
	});

	it('refuses a task origin, a cost line or a role naming nothing', () => {
		expect(
			problems((r) => {
				t(r, 0).origin = { kind: 'initiative', initiativeId: 'i9' };
				t(r, 0).costLineId = 'c9';
				r.roles['m9'] = 'it';
			}).map((p) => p.path)
		).toEqual([
			'roadmap.tasks[0].costLineId',
			'roadmap.tasks[0].origin.initiativeId',
			'roadmap.roles.m9'
		]);
	});

	it('explains a problem in Simplified Chinese', () => {
		expect(problems((r) => (t(r, 0).dependsOn = ['t3']), 'zh-CN')).toEqual([
			{
				path: 'roadmap.tasks',
				message:
					'这些任务互相等待，形成循环，哪一个都无法开始：Kick-off → Strategy approved → Maturity workshop → Kick-off；请删除其中一条依赖'
			}
		]);
		expect(problems((r) => (t(r, 1).ownerId = 'ghost'), 'zh-CN')).toEqual([
			{ path: 'roadmap.tasks[1].ownerId', message: '项目团队中没有 id 为“ghost”的成员' }
		]);
		const [tooLong] = problems((r) => (t(r, 1).title = 'x'.repeat(10_000)), 'zh-CN');
		expect(tooLong!.message).toMatch(/[\u4e00-\u9fff]/);
	});
});
