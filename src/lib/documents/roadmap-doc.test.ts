import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { aTeamMember, aTemplate, anEngagement } from '../../../test/factories.ts';
import { engagementContentSchema } from '../domain/schemas.ts';
import type { EngagementContent } from '../domain/engagement/profile.ts';
import type { CostLine } from '../domain/business-case/model.ts';
import { findCycle } from '../domain/roadmap/schedule.ts';
import {
	blankRoadmap,
	blankTask,
	type Baseline,
	type GateReview,
	type Kpi,
	type Phase,
	type Roadmap
} from '../domain/roadmap/model.ts';
import {
	LOCAL_ORIGIN,
	addGate,
	addKpi,
	addPhase,
	addTask,
	createUndoManager,
	encodeContent,
	movePhase,
	moveTask,
	readContent,
	removeBaseline,
	removeGate,
	removeKpi,
	removePhase,
	removeTask,
	renameBaseline,
	replaceContent,
	replaceRoadmap,
	saveBaseline,
	setDependencies,
	setKpiActual,
	setProjectRole,
	setRaci,
	setRoadmapSetting,
	updateGate,
	updateKpi,
	updatePhase,
	updateTask
} from './engagement-doc.ts';

const cost: CostLine = {
	id: 'c1',
	optionId: 'saas',
	category: 'licences',
	label: 'Subscriptions',
	recurring: true,
	startYear: 1,
	endYear: null,
	entry: 'unit',
	amount: 0,
	quantity: 120,
	unitPrice: 90_000,
	growth: 0.05,
	listPrice: true,
	range: { low: 0.9, high: 1.3 }
};

/** A plan with two phases, tasks from an initiative and a recommendation, KPIs, gates, RACI. */
function fullRoadmap(): Roadmap {
	return {
		settings: {
			start: '2027-01-04',
			excludeWeekends: true,
			holidays: ['2027-01-01', '2027-02-11']
		},
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
				goal: 'Configure the CRM',
				start: '2027-03-01',
				end: '2027-06-30',
				exitCriteria: 'User acceptance signed'
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
				origin: { kind: 'initiative', initiativeId: 'i1' },
				notes: 'With the board'
			}),
			blankTask('t2', {
				phaseId: 'p1',
				title: 'Maturity workshop',
				ownerId: 'm2',
				role: 'it',
				dependsOn: ['t1'],
				status: 'inProgress',
				percent: 40,
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
				actuals: [
					{ date: '2027-01-31', value: 82.5 },
					{ date: '2027-02-28', value: 83 }
				]
			},
			{
				id: 'k2',
				phaseId: 'p2',
				metric: 'Cost per contact',
				unit: 'CNY',
				direction: 'down',
				baseline: 35,
				target: null,
				actuals: [{ date: '2027-03-31', value: 34 }]
			}
		],
		gates: [
			{
				id: 'g1',
				phaseId: 'p1',
				date: '2027-02-26',
				decision: 'go',
				notes: 'Approved',
				assessmentId: 'a1'
			},
			{ id: 'g2', phaseId: 'p2', date: null, decision: null, notes: '', assessmentId: null }
		],
		roles: { m1: 'sponsor', m2: 'it' },
		raci: { 'p1:m1': 'A', 'p1:m2': 'R', 'p2:m2': 'A' },
		baselines: [
			{
				id: 'b1',
				name: 'Approved plan',
				savedOn: '2027-01-04',
				tasks: {
					t1: { start: '2027-01-04', finish: '2027-01-06' },
					t2: { start: '2027-01-07', finish: '2027-01-13' }
				}
			}
		]
	};
}

/** An engagement whose roadmap names a team, an initiative, an assessment and a cost line. */
function anEngagementWithRoadmap(roadmap = fullRoadmap()): EngagementContent {
	const content = anEngagement({}, [
		aTeamMember({ id: 'm1' }),
		aTeamMember({ id: 'm2', name: 'Li Lei', email: '' })
	]);
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
	content.businessCase.options = [
		{ id: 'saas', name: 'SaaS CRM', description: '', baseline: false }
	];
	content.businessCase.costs = [cost];
	content.roadmap = roadmap;
	return content;
}

function docWith(content = anEngagementWithRoadmap()) {
	const doc = new Y.Doc();
	Y.applyUpdateV2(doc, encodeContent(content));
	return doc;
}

type Collection = 'roadmapPhases' | 'roadmapTasks' | 'roadmapKpis' | 'roadmapGates' | 'team';

/** The Y.Map of a record, to write into the document as another device (or damage) would. */
function raw(doc: Y.Doc, name: Collection, id: string): Y.Map<unknown> {
	const found = doc
		.getArray<Y.Map<unknown>>(name)
		.toArray()
		.find((m) => m.get('id') === id);
	if (!found) throw new Error(`no ${id} in ${name}`);
	return found;
}

function removeRaw(doc: Y.Doc, name: Collection, id: string) {
	const list = doc.getArray<Y.Map<unknown>>(name);
	const i = list.toArray().findIndex((m) => m.get('id') === id);
	list.delete(i, 1);
}

const roadmapOf = (doc: Y.Doc) => readContent(doc).roadmap;
const task = (r: Roadmap, id: string) => r.tasks.find((t) => t.id === id)!;
const actualKeys = (doc: Y.Doc) => [...doc.getMap('kpiActuals').keys()].sort();
const isValid = (content: EngagementContent) => engagementContentSchema.safeParse(content).success;

/** Counts the transactions made by commands (LOCAL_ORIGIN) on a document. */
function countCommands(doc: Y.Doc) {
	const counter = { n: 0 };
	doc.on('afterTransaction', (tr) => {
		if (tr.origin === LOCAL_ORIGIN) counter.n++;
	});
	return counter;
}

const phase3: Phase = {
	id: 'p3',
	title: 'Run',
	goal: 'Hand over',
	start: '2027-07-01',
	end: null,
	exitCriteria: ''
};
const kpi3: Kpi = {
	id: 'k3',
	phaseId: 'p2',
	metric: 'Leads converted',
	unit: '%',
	direction: 'up',
	baseline: null,
	target: 25,
	actuals: [
		{ date: '2027-04-30', value: 12 },
		{ date: '2027-05-31', value: 14.5 }
	]
};
const gate3: GateReview = {
	id: 'g3',
	phaseId: 'p2',
	date: '2027-06-30',
	decision: 'conditional',
	notes: 'Data migration open',
	assessmentId: null
};
const baseline2: Baseline = {
	id: 'b2',
	name: 'Re-plan',
	savedOn: '2027-03-01',
	tasks: { t3: { start: '2027-02-26', finish: '2027-02-26' } }
};
const otherRoadmap: Roadmap = {
	...blankRoadmap(),
	settings: { start: '2028-01-03', excludeWeekends: false, holidays: [] },
	phases: [{ ...phase3, id: 'p9', start: null }],
	tasks: [blankTask('t9', { phaseId: 'p9', title: 'Only task' })],
	kpis: [{ ...kpi3, id: 'k9', phaseId: 'p9', actuals: [{ date: '2028-01-31', value: 1 }] }],
	raci: { 'p9:m1': 'R' }
};

interface Case {
	name: string;
	run: (doc: Y.Doc) => void;
	check: (r: Roadmap, doc: Y.Doc) => void;
}

const cases: Case[] = [
	{
		name: 'setRoadmapSetting (start)',
		run: (doc) => setRoadmapSetting(doc, 'start', '2027-02-01'),
		check: (r) => expect(r.settings.start).toBe('2027-02-01')
	},
	{
		name: 'setRoadmapSetting (weekends)',
		run: (doc) => setRoadmapSetting(doc, 'excludeWeekends', false),
		check: (r) => expect(r.settings.excludeWeekends).toBe(false)
	},
	{
		name: 'setRoadmapSetting (holidays)',
		run: (doc) => setRoadmapSetting(doc, 'holidays', ['2027-05-01', '2027-10-01']),
		check: (r) => expect(r.settings.holidays).toEqual(['2027-05-01', '2027-10-01'])
	},
	{
		name: 'replaceRoadmap',
		run: (doc) => replaceRoadmap(doc, otherRoadmap),
		check: (r, doc) => {
			expect(r).toEqual(otherRoadmap);
			expect(actualKeys(doc)).toEqual(['k9:2028-01-31']);
		}
	},
	{
		name: 'addPhase',
		run: (doc) => addPhase(doc, phase3, 1),
		check: (r) => {
			expect(r.phases.map((p) => p.id)).toEqual(['p1', 'p3', 'p2']);
			expect(r.phases[1]).toEqual(phase3);
		}
	},
	{
		name: 'updatePhase',
		run: (doc) => updatePhase(doc, 'p1', { title: 'Discover and agree', end: '2027-03-05' }),
		check: (r) =>
			expect(r.phases[0]).toMatchObject({
				title: 'Discover and agree',
				start: '2027-01-04',
				end: '2027-03-05'
			})
	},
	{
		name: 'movePhase',
		run: (doc) => movePhase(doc, 'p1', 1),
		check: (r) => {
			expect(r.phases.map((p) => p.id)).toEqual(['p2', 'p1']);
			expect(r.phases[1]).toEqual(fullRoadmap().phases[0]);
		}
	},
	{
		name: 'removePhase',
		run: (doc) => removePhase(doc, 'p2'),
		check: (r) => {
			expect(r.phases.map((p) => p.id)).toEqual(['p1']);
			expect(task(r, 't3').phaseId).toBeNull();
		}
	},
	{
		name: 'addTask',
		run: (doc) =>
			addTask(doc, blankTask('t4', { title: 'Train users', phaseId: 'p2', dependsOn: ['t3'] }), 1),
		check: (r) => {
			expect(r.tasks.map((t) => t.id)).toEqual(['t1', 't4', 't2', 't3']);
			expect(r.tasks[1]).toEqual(
				blankTask('t4', { title: 'Train users', phaseId: 'p2', dependsOn: ['t3'] })
			);
		}
	},
	{
		name: 'updateTask',
		run: (doc) => updateTask(doc, 't2', { title: 'Assess maturity', ownerId: 'm1', effort: 4 }),
		check: (r) =>
			expect(task(r, 't2')).toMatchObject({ title: 'Assess maturity', ownerId: 'm1', effort: 4 })
	},
	{
		name: 'removeTask',
		run: (doc) => removeTask(doc, 't2'),
		check: (r) => expect(r.tasks.map((t) => t.id)).toEqual(['t1', 't3'])
	},
	{
		name: 'moveTask',
		run: (doc) => moveTask(doc, 't3', 0),
		check: (r) => {
			expect(r.tasks.map((t) => t.id)).toEqual(['t3', 't1', 't2']);
			expect(r.tasks[0]).toEqual(fullRoadmap().tasks[2]);
		}
	},
	{
		name: 'setDependencies',
		run: (doc) => expect(setDependencies(doc, 't3', ['t1', 't2'])).toBeNull(),
		check: (r) => expect(task(r, 't3').dependsOn).toEqual(['t1', 't2'])
	},
	{
		name: 'addKpi',
		run: (doc) => addKpi(doc, kpi3),
		check: (r, doc) => {
			expect(r.kpis.at(-1)).toEqual(kpi3);
			expect(actualKeys(doc)).toContain('k3:2027-05-31');
		}
	},
	{
		name: 'updateKpi',
		run: (doc) => updateKpi(doc, 'k1', { target: 90, direction: 'down', unit: 'pts' }),
		check: (r) =>
			expect(r.kpis[0]).toMatchObject({
				target: 90,
				direction: 'down',
				unit: 'pts',
				actuals: fullRoadmap().kpis[0]!.actuals
			})
	},
	{
		name: 'removeKpi',
		run: (doc) => removeKpi(doc, 'k1'),
		check: (r, doc) => {
			expect(r.kpis.map((k) => k.id)).toEqual(['k2']);
			expect(actualKeys(doc)).toEqual(['k2:2027-03-31']);
		}
	},
	{
		name: 'setKpiActual (a new period)',
		run: (doc) => setKpiActual(doc, 'k1', '2027-03-31', 84),
		check: (r) =>
			expect(r.kpis[0]!.actuals).toEqual([
				{ date: '2027-01-31', value: 82.5 },
				{ date: '2027-02-28', value: 83 },
				{ date: '2027-03-31', value: 84 }
			])
	},
	{
		name: 'setKpiActual (null removes)',
		run: (doc) => setKpiActual(doc, 'k1', '2027-01-31', null),
		check: (r, doc) => {
			expect(r.kpis[0]!.actuals).toEqual([{ date: '2027-02-28', value: 83 }]);
			expect(actualKeys(doc)).not.toContain('k1:2027-01-31');
		}
	},
	{
		name: 'addGate',
		run: (doc) => addGate(doc, gate3),
		check: (r) => expect(r.gates.at(-1)).toEqual(gate3)
	},
	{
		name: 'updateGate',
		run: (doc) => updateGate(doc, 'g2', { decision: 'hold', notes: 'Budget', assessmentId: 'a1' }),
		check: (r) =>
			expect(r.gates[1]).toEqual({
				id: 'g2',
				phaseId: 'p2',
				date: null,
				decision: 'hold',
				notes: 'Budget',
				assessmentId: 'a1'
			})
	},
	{
		name: 'removeGate',
		run: (doc) => removeGate(doc, 'g1'),
		check: (r) => expect(r.gates.map((g) => g.id)).toEqual(['g2'])
	},
	{
		name: 'setProjectRole',
		run: (doc) => setProjectRole(doc, 'm2', 'finance'),
		check: (r) => expect(r.roles).toEqual({ m1: 'sponsor', m2: 'finance' })
	},
	{
		name: 'setProjectRole (null removes)',
		run: (doc) => setProjectRole(doc, 'm1', null),
		check: (r) => expect(r.roles).toEqual({ m2: 'it' })
	},
	{
		name: 'setRaci',
		run: (doc) => setRaci(doc, 'p2', 'm1', 'C'),
		check: (r) => expect(r.raci).toEqual({ 'p1:m1': 'A', 'p1:m2': 'R', 'p2:m2': 'A', 'p2:m1': 'C' })
	},
	{
		name: 'setRaci (null removes)',
		run: (doc) => setRaci(doc, 'p1', 'm2', null),
		check: (r) => expect(r.raci).toEqual({ 'p1:m1': 'A', 'p2:m2': 'A' })
	},
	{
		name: 'saveBaseline',
		run: (doc) => saveBaseline(doc, baseline2),
		check: (r) => expect(r.baselines).toEqual([fullRoadmap().baselines[0], baseline2])
	},
	{
		name: 'renameBaseline',
		run: (doc) => renameBaseline(doc, 'b1', 'Board plan'),
		check: (r) =>
			expect(r.baselines[0]).toEqual({ ...fullRoadmap().baselines[0], name: 'Board plan' })
	},
	{
		name: 'removeBaseline',
		run: (doc) => removeBaseline(doc, 'b1'),
		check: (r) => expect(r.baselines).toEqual([])
	}
];

describe('roadmap commands', () => {
	it.each(cases)('$name writes what readContent then shows', ({ run, check }) => {
		const doc = docWith();
		run(doc);
		const content = readContent(doc);
		check(content.roadmap, doc);
		expect(isValid(content)).toBe(true);
	});

	it.each(cases)('$name is exactly one undo step', ({ run }) => {
		const doc = docWith();
		const undo = createUndoManager(doc);
		const commands = countCommands(doc);
		const before = readContent(doc);
		run(doc);
		expect(readContent(doc)).not.toEqual(before);
		expect(commands.n).toBe(1);
		expect(undo.undoStack).toHaveLength(1);
		undo.undo();
		expect(readContent(doc)).toEqual(before);
		expect(undo.undoStack).toHaveLength(0);
	});
});

describe('updateTask keeps status, percent and milestones consistent', () => {
	it('done means 100 %', () => {
		const doc = docWith();
		updateTask(doc, 't2', { status: 'done' });
		expect(raw(doc, 'roadmapTasks', 't2').get('percent')).toBe(100);
		expect(task(roadmapOf(doc), 't2')).toMatchObject({ status: 'done', percent: 100 });
	});

	it('done wins over a lower percent given with it', () => {
		const doc = docWith();
		updateTask(doc, 't2', { status: 'done', percent: 30 });
		expect(task(roadmapOf(doc), 't2')).toMatchObject({ status: 'done', percent: 100 });
		expect(raw(doc, 'roadmapTasks', 't2').get('percent')).toBe(100);
	});

	it('100 % means done', () => {
		const doc = docWith();
		updateTask(doc, 't2', { percent: 100 });
		expect(raw(doc, 'roadmapTasks', 't2').get('status')).toBe('done');
		expect(task(roadmapOf(doc), 't2')).toMatchObject({ status: 'done', percent: 100 });
	});

	it('a done task set below 100 % is in progress again', () => {
		const doc = docWith();
		updateTask(doc, 't1', { percent: 60 });
		expect(task(roadmapOf(doc), 't1')).toMatchObject({ status: 'inProgress', percent: 60 });
	});

	it('a task below 100 % that is not done keeps its status', () => {
		const doc = docWith();
		updateTask(doc, 't3', { percent: 20 });
		expect(task(roadmapOf(doc), 't3')).toMatchObject({ status: 'notStarted', percent: 20 });
	});

	it('not started means 0 %', () => {
		const doc = docWith();
		updateTask(doc, 't1', { status: 'notStarted' });
		expect(task(roadmapOf(doc), 't1')).toMatchObject({ status: 'notStarted', percent: 0 });
	});

	it('a milestone takes no time', () => {
		const doc = docWith();
		updateTask(doc, 't2', { milestone: true });
		expect(raw(doc, 'roadmapTasks', 't2').get('duration')).toBe(0);
		expect(task(roadmapOf(doc), 't2')).toMatchObject({ milestone: true, duration: 0 });
		updateTask(doc, 't2', { milestone: true, duration: 8 });
		expect(raw(doc, 'roadmapTasks', 't2').get('duration')).toBe(0);
	});
});

describe('dependencies', () => {
	it('judges only the edited task: a loop left elsewhere by two devices does not block it', () => {
		const doc = docWith();
		// t1 and t2 wait for each other in the raw document (each device wrote one half).
		raw(doc, 'roadmapTasks', 't1').set('dependsOn', ['t2']);
		raw(doc, 'roadmapTasks', 't2').set('dependsOn', ['t1']);
		expect(setDependencies(doc, 't3', ['t1'])).toBeNull();
		expect(raw(doc, 'roadmapTasks', 't3').get('dependsOn')).toEqual(['t1']);
		expect(setDependencies(doc, 't1', ['t3'])).toEqual(['t1', 't3']);
	});

	it('refuses a loop and returns it, each task waiting for the next, writing nothing', () => {
		const doc = docWith();
		const undo = createUndoManager(doc);
		const commands = countCommands(doc);
		const before = readContent(doc);
		// t3 waits for t2, which waits for t1: t1 waiting for t3 would close the loop.
		const loop = setDependencies(doc, 't1', ['t3']);
		expect(loop).toEqual(['t1', 't3', 't2']);
		const proposed = new Map<string, string[]>([
			['t1', ['t3']],
			['t2', ['t1']],
			['t3', ['t2']]
		]);
		loop!.forEach((id, i) => expect(proposed.get(id)).toContain(loop![(i + 1) % loop!.length]));
		expect(readContent(doc)).toEqual(before);
		expect(raw(doc, 'roadmapTasks', 't1').get('dependsOn')).toEqual([]);
		expect(commands.n).toBe(0);
		expect(undo.undoStack).toHaveLength(0);
	});

	it('refuses a loop of two', () => {
		const doc = docWith();
		expect(setDependencies(doc, 't1', ['t2'])).toEqual(['t1', 't2']);
		expect(task(roadmapOf(doc), 't1').dependsOn).toEqual([]);
	});

	it('leaves out the task itself, unknown ids and repeats', () => {
		const doc = docWith();
		expect(setDependencies(doc, 't3', ['t3', 'ghost', 't1', 't2', 't1'])).toBeNull();
		expect(raw(doc, 'roadmapTasks', 't3').get('dependsOn')).toEqual(['t1', 't2']);
		expect(setDependencies(doc, 't2', ['t2'])).toBeNull();
		expect(task(roadmapOf(doc), 't2').dependsOn).toEqual([]);
	});

	it('removing a task removes it from the others’ dependencies', () => {
		const doc = docWith();
		setDependencies(doc, 't3', ['t1', 't2']);
		removeTask(doc, 't2');
		expect(raw(doc, 'roadmapTasks', 't3').get('dependsOn')).toEqual(['t1']);
		expect(task(roadmapOf(doc), 't3').dependsOn).toEqual(['t1']);
		removeTask(doc, 't1');
		expect(raw(doc, 'roadmapTasks', 't3').get('dependsOn')).toEqual([]);
	});
});

describe('removing a phase', () => {
	it('keeps its tasks without a phase and takes its KPIs (with actuals), gates and RACI', () => {
		const doc = docWith();
		removePhase(doc, 'p1');
		const content = readContent(doc);
		const r = content.roadmap;
		expect(r.phases.map((p) => p.id)).toEqual(['p2']);
		expect(r.tasks.map((t) => [t.id, t.phaseId])).toEqual([
			['t1', null],
			['t2', null],
			['t3', 'p2']
		]);
		// Tasks keep their dependencies through the removed phase.
		expect(task(r, 't2').dependsOn).toEqual(['t1']);
		expect(r.kpis).toEqual([fullRoadmap().kpis[1]]);
		expect(actualKeys(doc)).toEqual(['k2:2027-03-31']);
		expect(doc.getArray('roadmapKpis').length).toBe(1);
		expect(r.gates.map((g) => g.id)).toEqual(['g2']);
		expect(doc.getArray('roadmapGates').length).toBe(1);
		expect(r.raci).toEqual({ 'p2:m2': 'A' });
		expect([...doc.getMap('roadmapRaci').keys()]).toEqual(['p2:m2']);
		expect(r.roles).toEqual({ m1: 'sponsor', m2: 'it' });
		expect(isValid(content)).toBe(true);
	});
});

describe('KPI actuals', () => {
	it('records a period and removes it with null', () => {
		const doc = docWith();
		setKpiActual(doc, 'k2', '2027-04-30', 31);
		expect(roadmapOf(doc).kpis[1]!.actuals).toEqual([
			{ date: '2027-03-31', value: 34 },
			{ date: '2027-04-30', value: 31 }
		]);
		setKpiActual(doc, 'k2', '2027-04-30', null);
		setKpiActual(doc, 'k2', '2027-03-31', null);
		expect(roadmapOf(doc).kpis[1]!.actuals).toEqual([]);
		expect(actualKeys(doc).filter((k) => k.startsWith('k2:'))).toEqual([]);
	});
});

describe('reading a damaged roadmap', () => {
	it('takes a task out of a phase that is gone, and drops the phase’s KPIs, gates and RACI', () => {
		const doc = docWith();
		removeRaw(doc, 'roadmapPhases', 'p1');
		raw(doc, 'roadmapTasks', 't3').set('phaseId', 'never-was');
		const content = readContent(doc);
		const r = content.roadmap;
		expect(r.tasks.map((t) => t.phaseId)).toEqual([null, null, null]);
		expect(r.kpis.map((k) => k.id)).toEqual(['k2']);
		expect(r.gates.map((g) => g.id)).toEqual(['g2']);
		expect(r.raci).toEqual({ 'p2:m2': 'A' });
		expect(isValid(content)).toBe(true);
	});

	it('drops a KPI or gate whose phase was removed on another device', () => {
		const a = docWith();
		const b = new Y.Doc();
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		removePhase(a, 'p2');
		// Meanwhile b adds a KPI and a gate to p2.
		addKpi(b, kpi3);
		addGate(b, gate3);
		Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
		const content = readContent(a);
		expect(content.roadmap.kpis.map((k) => k.id)).toEqual(['k1']);
		expect(content.roadmap.gates.map((g) => g.id)).toEqual(['g1']);
		expect(isValid(content)).toBe(true);
	});

	it('forgets an owner, a role and RACI of someone no longer in the team', () => {
		const doc = docWith();
		removeRaw(doc, 'team', 'm2');
		raw(doc, 'roadmapTasks', 't1').set('ownerId', 'ghost');
		const content = readContent(doc);
		const r = content.roadmap;
		expect(r.tasks.map((t) => t.ownerId)).toEqual([null, null, null]);
		expect(r.roles).toEqual({ m1: 'sponsor' });
		expect(r.raci).toEqual({ 'p1:m1': 'A' });
		expect(isValid(content)).toBe(true);
	});

	it('cuts a dependency loop written half on each of two devices', () => {
		const a = docWith();
		setDependencies(a, 't2', []);
		const b = new Y.Doc();
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		// Each half alone is no loop: t1 waits for t2 here, t2 for t1 there.
		raw(a, 'roadmapTasks', 't1').set('dependsOn', ['t2']);
		raw(b, 'roadmapTasks', 't2').set('dependsOn', ['t1']);
		Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		const content = readContent(a);
		const r = content.roadmap;
		expect(findCycle(r.tasks)).toBeNull();
		// One of the two halves is kept, the same one on both devices.
		expect([...task(r, 't1').dependsOn, ...task(r, 't2').dependsOn]).toHaveLength(1);
		expect(task(r, 't3').dependsOn).toEqual(['t2']);
		expect(readContent(b).roadmap).toEqual(r);
		expect(engagementContentSchema.safeParse(content).success).toBe(true);
	});

	it('drops a dependency on itself or on a task that does not exist', () => {
		const doc = docWith();
		raw(doc, 'roadmapTasks', 't2').set('dependsOn', ['t2', 'ghost', 't1', 't1']);
		const content = readContent(doc);
		expect(task(content.roadmap, 't2').dependsOn).toEqual(['t1']);
		expect(isValid(content)).toBe(true);
	});

	it('reads a malformed date as none', () => {
		const doc = docWith();
		raw(doc, 'roadmapPhases', 'p1').set('start', '2027-02-30');
		raw(doc, 'roadmapTasks', 't1').set('start', 'next Monday');
		raw(doc, 'roadmapGates', 'g1').set('date', '2027-13-01');
		doc.getMap('roadmapSettings').set('start', 20270104);
		doc.getMap('kpiActuals').set('k1:2027-02-30', 90);
		const content = readContent(doc);
		const r = content.roadmap;
		expect(r.phases[0]!.start).toBeNull();
		expect(task(r, 't1').start).toBeNull();
		expect(r.gates[0]!.date).toBeNull();
		expect(r.settings.start).toBeNull();
		expect(r.kpis[0]!.actuals).toEqual(fullRoadmap().kpis[0]!.actuals);
		expect(isValid(content)).toBe(true);
	});

	it('holds a percent to 0–100 and a non-string title to the empty text', () => {
		const doc = docWith();
		raw(doc, 'roadmapTasks', 't2').set('percent', 250);
		raw(doc, 'roadmapTasks', 't3').set('percent', 42.6);
		raw(doc, 'roadmapTasks', 't2').set('title', 42);
		raw(doc, 'roadmapPhases', 'p2').set('title', { en: 'Build' });
		const content = readContent(doc);
		const r = content.roadmap;
		expect(task(r, 't2').percent).toBeGreaterThanOrEqual(0);
		expect(task(r, 't2').percent).toBeLessThanOrEqual(100);
		expect(Number.isInteger(task(r, 't3').percent)).toBe(true);
		expect(task(r, 't2').title).toBe('');
		expect(r.phases[1]!.title).toBe('');
		expect(isValid(content)).toBe(true);
	});

	it('reads all of that damage at once as a roadmap the file format accepts', () => {
		const doc = docWith();
		doc.transact(() => {
			removeRaw(doc, 'roadmapPhases', 'p2');
			removeRaw(doc, 'team', 'm1');
			raw(doc, 'roadmapTasks', 't1').set('dependsOn', ['t3']);
			raw(doc, 'roadmapTasks', 't1').set('duration', -4);
			raw(doc, 'roadmapTasks', 't2').set('percent', -1);
			raw(doc, 'roadmapTasks', 't2').set('title', 'x'.repeat(10_000));
			raw(doc, 'roadmapTasks', 't3').set('status', 'finished');
			raw(doc, 'roadmapTasks', 't3').set('role', 'astronaut');
			raw(doc, 'roadmapPhases', 'p1').set('end', '2026-01-01');
			raw(doc, 'roadmapKpis', 'k1').set('target', Number.POSITIVE_INFINITY);
			raw(doc, 'roadmapGates', 'g1').set('assessmentId', 'ghost');
			doc.getMap('roadmapRoles').set('m2', 'astronaut');
			doc.getMap('roadmapRaci').set('p1:m2', 'X');
			doc.getMap('kpiActuals').set('k1:2027-03-31', 'lots');
			doc.getMap('roadmapSettings').set('holidays', ['2027-05-01', 'soon', '2027-05-01', 7]);
		});
		const content = readContent(doc);
		const result = engagementContentSchema.safeParse(content);
		expect(result.error?.issues ?? []).toEqual([]);
		const r = content.roadmap;
		expect(findCycle(r.tasks)).toBeNull();
		expect(r.phases[0]).toMatchObject({ start: '2027-01-04', end: '2027-01-04' });
		expect(r.settings.holidays).toEqual(['2027-05-01']);
		expect(r.gates.map((g) => [g.id, g.assessmentId])).toEqual([['g1', null]]);
	});
});

describe('the roadmap in an encoded document', () => {
	it('comes back the same: phases, tasks with origins, KPIs with actuals, gates, roles, RACI, baselines', () => {
		const content = anEngagementWithRoadmap();
		expect(isValid(content)).toBe(true);
		const back = readContent(docWith(content));
		expect(back.roadmap).toEqual(content.roadmap);
		expect(isValid(back)).toBe(true);
		// And again through a document written from what was read.
		expect(readContent(docWith(back)).roadmap).toEqual(content.roadmap);
	});

	it('comes back the same after replacing the whole content, in one undo step', () => {
		const doc = docWith(anEngagementWithRoadmap(blankRoadmap()));
		const undo = createUndoManager(doc);
		const content = anEngagementWithRoadmap();
		replaceContent(doc, content);
		expect(readContent(doc).roadmap).toEqual(content.roadmap);
		undo.undo();
		expect(readContent(doc).roadmap).toEqual(blankRoadmap());
	});
});

describe('keys that look like object internals', () => {
	it('keeps a baseline task id "__proto__" as an ordinary key, and pollutes nothing', () => {
		const doc = docWith();
		const baseline = doc.getArray<Y.Map<unknown>>('roadmapBaselines').get(0);
		baseline.set(
			'tasks',
			JSON.parse('{"__proto__": {"start": "2027-01-04", "finish": "2027-01-05"}}')
		);
		const tasks = readContent(doc).roadmap.baselines[0]!.tasks;
		expect(Object.keys(tasks)).toEqual(['__proto__']);
		expect(Object.getPrototypeOf(tasks)).toBe(Object.prototype);
		expect(({} as Record<string, unknown>).start).toBeUndefined();
	});
});
