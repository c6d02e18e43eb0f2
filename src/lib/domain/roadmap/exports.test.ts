import ICAL from 'ical.js';
import mermaid from 'mermaid';
import { describe, expect, it } from 'vitest';
import {
	foldLine,
	ganttChunks,
	ganttLabel,
	ganttText,
	icsText,
	milestonesIcs,
	tasksCsv,
	type CsvLabels,
	type GanttOptions,
	type IcsOptions
} from './exports.ts';
import { blankRoadmap, blankTask, type Baseline, type Roadmap, type RoadmapTask } from './model.ts';
import type { Plan } from './progress.ts';
import { schedule } from './schedule.ts';

/** A one-day task titled by its id. */
function aTask(id: string, overrides: Partial<RoadmapTask> = {}): RoadmapTask {
	return blankTask(id, { title: id, duration: 1, ...overrides });
}

const phase = (id: string, title: string) => ({
	id,
	title,
	goal: '',
	start: null,
	end: null,
	exitCriteria: ''
});

function planOf(roadmap: Roadmap): Plan {
	const result = schedule(roadmap.settings.start!, roadmap.settings, roadmap.tasks);
	if (!result.ok) throw new Error('cycle');
	return result.tasks;
}

/*
 * 2027-01-04 is a Monday; Friday 2027-01-08 is a holiday.
 *   1 a  Design      (Build, 3 d, done)              4 … 6 January     critical
 *   2 b  Build CRM   (Build, 4 d after a, active)    7, 11, 12, 13     critical
 *   3 c  Train users (Launch, 2 d)                   4 … 5             slack 5
 *   4 m  Go-live     (Launch, milestone after b, c)  13 (end of b)     critical
 *   5 u  Loose end   (no phase, 1 d)                 4                 slack 6
 */
const roadmap: Roadmap = {
	...blankRoadmap(),
	settings: {
		start: '2027-01-04',
		excludeWeekends: true,
		holidays: ['2027-03-01', '2027-01-08', '2026-12-25']
	},
	phases: [phase('p1', 'Build'), phase('p2', 'Launch'), phase('p3', 'Empty')],
	tasks: [
		aTask('a', {
			phaseId: 'p1',
			title: 'Design',
			duration: 3,
			status: 'done',
			percent: 100,
			effort: 5
		}),
		aTask('b', {
			phaseId: 'p1',
			title: 'Build CRM',
			duration: 4,
			dependsOn: ['a'],
			status: 'inProgress',
			percent: 50
		}),
		aTask('c', {
			phaseId: 'p2',
			title: 'Train users',
			duration: 2,
			ownerId: 'm1',
			role: 'users',
			effort: 2.5
		}),
		aTask('m', {
			phaseId: 'p2',
			title: 'Go-live',
			milestone: true,
			duration: 0,
			dependsOn: ['b', 'c']
		}),
		aTask('u', { title: 'Loose end' })
	]
};
const plan = planOf(roadmap);

const baseline: Baseline = {
	id: 'b1',
	name: 'Kick-off',
	savedOn: '2027-01-01',
	tasks: {
		a: { start: '2027-01-04', finish: '2027-01-06' },
		b: { start: '2027-01-07', finish: '2027-01-11' },
		m: { start: '2027-01-12', finish: '2027-01-12' }
	}
};

const gantt: GanttOptions = { unphased: 'No phase', untitled: (n) => `Task ${n}` };

/** What Mermaid 12 reads from a chart: its settings and, per task, id, text and dates. */
async function mermaidReads(text: string) {
	const parsed = await mermaid.parse(text); // preprocessing (directives, front matter) and all
	const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
	const db = diagram.db as unknown as {
		getTasks(): {
			id: string;
			task: string;
			section: string;
			startTime: Date;
			endTime: Date;
			milestone?: boolean;
			crit?: boolean;
			done?: boolean;
			active?: boolean;
			classes: string[];
		}[];
		getSections(): string[];
		getExcludes(): string[];
		getDateFormat(): string;
		getTodayMarker(): string;
		endDatesAreInclusive(): boolean;
		getAccTitle(): string;
		getDiagramTitle(): string;
		getLinks(): Map<string, string>;
	};
	const day = (d: Date) => d.toISOString().slice(0, 10); // the test setup runs in UTC
	return {
		config: parsed && parsed.config,
		sections: db.getSections(),
		excludes: db.getExcludes(),
		dateFormat: db.getDateFormat(),
		todayMarker: db.getTodayMarker(),
		inclusive: db.endDatesAreInclusive(),
		title: db.getDiagramTitle() + db.getAccTitle(),
		links: db.getLinks().size,
		tasks: db.getTasks().map((t) => ({
			id: t.id,
			task: t.task.trim(),
			section: t.section,
			start: day(t.startTime),
			end: day(t.endTime),
			tags: (['crit', 'done', 'active', 'milestone'] as const).filter((k) => t[k]),
			classes: t.classes
		}))
	};
}

describe('the Gantt chart', () => {
	const expected = [
		'gantt',
		'  dateFormat YYYY-MM-DD',
		'  axisFormat %Y-%m-%d',
		'  todayMarker off',
		'  excludes weekends, 2027-01-08',
		'  section Build',
		'    Design :crit, done, t1, 2027-01-04, 2027-01-07',
		'    Build CRM :crit, active, t2, 2027-01-07, 2027-01-14',
		'  section Launch',
		'    Train users :t3, 2027-01-04, 2027-01-06',
		'    Go-live :crit, milestone, t4, 2027-01-13, 0d',
		'  section No phase',
		'    Loose end :t5, 2027-01-04, 2027-01-05',
		''
	].join('\n');

	it('writes a section per phase with tasks, tags, generated ids and explicit dates', () => {
		expect(ganttText(roadmap, plan, gantt)).toBe(expected);
	});

	it('is read by Mermaid as intended: each bar covers its whole finish day', async () => {
		const read = await mermaidReads(expected);
		expect(read).toMatchObject({
			config: {},
			sections: ['Build', 'Launch', 'No phase'],
			excludes: ['weekends', '2027-01-08'],
			dateFormat: 'YYYY-MM-DD',
			todayMarker: 'off',
			inclusive: false
		});
		expect(read.tasks).toEqual([
			{
				id: 't1',
				task: 'Design',
				section: 'Build',
				start: '2027-01-04',
				end: '2027-01-07',
				tags: ['crit', 'done'],
				classes: []
			},
			{
				id: 't2',
				task: 'Build CRM',
				section: 'Build',
				start: '2027-01-07',
				end: '2027-01-14', // not pushed later for the weekend and the holiday it spans
				tags: ['crit', 'active'],
				classes: []
			},
			{
				id: 't3',
				task: 'Train users',
				section: 'Launch',
				start: '2027-01-04',
				end: '2027-01-06',
				tags: [],
				classes: []
			},
			{
				id: 't4',
				task: 'Go-live',
				section: 'Launch',
				start: '2027-01-13',
				end: '2027-01-13',
				tags: ['crit', 'milestone'],
				classes: []
			},
			{
				id: 't5',
				task: 'Loose end',
				section: 'No phase',
				start: '2027-01-04',
				end: '2027-01-05',
				tags: [],
				classes: []
			}
		]);
	});

	it('adds a grey (done) bar of the baseline dates after each task that drifted', () => {
		const text = ganttText(roadmap, plan, { ...gantt, baseline, baselineSuffix: '(baseline)' });
		expect(text.split('\n').slice(5, 11)).toEqual([
			'  section Build',
			'    Design :crit, done, t1, 2027-01-04, 2027-01-07',
			'    Build CRM :crit, active, t2, 2027-01-07, 2027-01-14',
			'    Build CRM (baseline) :done, b2, 2027-01-07, 2027-01-12',
			'  section Launch',
			'    Train users :t3, 2027-01-04, 2027-01-06'
		]);
		expect(text).toContain(
			'    Go-live :crit, milestone, t4, 2027-01-13, 0d\n    Go-live (baseline) :done, milestone, b4, 2027-01-12, 0d\n'
		);
		expect(text.match(/ :done, (milestone, )?b\d/g)).toHaveLength(2);
	});

	it('draws only the phases asked for, null being the tasks without one', () => {
		expect(ganttText(roadmap, plan, { ...gantt, phases: ['p2', null] })).toBe(
			[
				'gantt',
				'  dateFormat YYYY-MM-DD',
				'  axisFormat %Y-%m-%d',
				'  todayMarker off',
				'  excludes weekends, 2027-01-08',
				'  section Launch',
				'    Train users :t3, 2027-01-04, 2027-01-06',
				'    Go-live :crit, milestone, t4, 2027-01-13, 0d',
				'  section No phase',
				'    Loose end :t5, 2027-01-04, 2027-01-05',
				''
			].join('\n')
		);
	});

	it('lists holidays even without weekends, and nothing when there is nothing to exclude', () => {
		const weekdays = { ...roadmap, settings: { ...roadmap.settings, excludeWeekends: false } };
		expect(ganttText(weekdays, plan, gantt)).toContain('\n  excludes 2027-01-08\n');
		const none = {
			...roadmap,
			settings: { start: '2027-01-04', excludeWeekends: false, holidays: [] }
		};
		expect(ganttText(none, plan, gantt)).not.toContain('excludes');
	});

	it('leaves out tasks that are not scheduled, and uses the fallback names', () => {
		const blank = {
			...roadmap,
			phases: [phase('p1', ' \n ')],
			tasks: [aTask('x', { phaseId: 'p1', title: '   ' }), aTask('y', { title: 'Later' })]
		};
		const partial: Plan = new Map([['x', plan.get('a')!]]);
		expect(ganttText(blank, partial, gantt).split('\n').slice(4)).toEqual([
			'  excludes weekends',
			'  section Task 1',
			'    Task 1 :crit, t1, 2027-01-04, 2027-01-07',
			''
		]);
	});
});

describe('user text in the Gantt chart', () => {
	it('turns the syntax characters into full-width ones and line breaks into spaces', () => {
		expect(ganttLabel('a: b; c # d')).toBe('a： b； c ＃ d');
		expect(ganttLabel('客户:旅程')).toBe('客户：旅程');
		expect(ganttLabel('%%{init: {"theme":"dark"}}%%')).toBe('％％{init： {"theme"："dark"}}％％');
		expect(ganttLabel('  one\ntwo\r\nthree\u2028four\u0007  ')).toBe('one two three four');
		expect(ganttLabel('5% done')).toBe('5％ done');
	});

	it('puts a zero-width space before a title that starts like a statement', () => {
		for (const title of [
			'click t1 href "javascript:alert(1)"',
			'CLICK t1 call alert()',
			'call x',
			'section Evil',
			'inclusiveEndDates',
			'excludes monday',
			'title Pwned',
			'accDescr { x',
			'gantt',
			'dateFormat YYYY',
			'2027-01-01 kick-off'
		])
			expect(ganttLabel(title).startsWith('\u200b')).toBe(true);
		for (const title of ['Clicker', 'Sections review', 'Calling customers', 'Entitled', '2027'])
			expect(ganttLabel(title)).toBe(title);
	});

	it('cuts a long title at 120 characters with an ellipsis, never inside a character', () => {
		const long = ganttLabel('x'.repeat(10_000));
		expect([...long]).toHaveLength(120);
		expect(long.endsWith('x…')).toBe(true);
		const emoji = ganttLabel('x'.repeat(118) + '😀😀😀');
		expect(emoji).toBe('x'.repeat(118) + '😀…');
		expect(ganttLabel('中'.repeat(120))).toBe('中'.repeat(120));
	});

	it('is needed: Mermaid reads the same titles written raw as syntax', async () => {
		const raw = (title: string) =>
			mermaidReads(
				`gantt\n  dateFormat YYYY-MM-DD\n  section A\n    ${title} :t1, 2027-01-04, 2027-01-05\n    Next :t2, 2027-01-04, 2027-01-05\n`
			);
		// A `%` right after the first character makes the whole line a comment.
		expect((await raw('5% done')).tasks.map((t) => t.id)).toEqual(['t2']);
		// A task named like a statement is that statement.
		expect((await raw('section Evil')).sections).toEqual(['A', 'Evil :t1, 2027-01-04, 2027-01-05']);
		expect((await raw('inclusiveEndDates\n    x')).inclusive).toBe(true);
		const click = await raw(
			'x :t0, 2027-01-04, 1d\n    click t0 href "https://example.com"\n    y'
		);
		expect(click.links).toBe(1);
		// The same titles, escaped, are plain text.
		expect((await raw(ganttLabel('5% done'))).tasks.map((t) => t.task)).toEqual([
			'5％ done',
			'Next'
		]);
		expect((await raw(ganttLabel('inclusiveEndDates'))).inclusive).toBe(false);
	});

	it('keeps a chart of hostile titles to one task per line, as Mermaid reads it', async () => {
		const titles = [
			'Kick-off: scope; budget # 1',
			'%%{init: {"securityLevel": "loose"}}%%',
			'%% just a comment',
			'a%b',
			'line one\nclick t1 href "javascript:alert(1)"',
			'click t1 href "javascript:alert(1)"',
			'section Injected',
			'inclusiveEndDates',
			'title Pwned',
			'accTitle: x',
			'2027-01-01',
			'',
			'  \t ',
			'y'.repeat(10_000),
			'客户：旅程, 第一阶段'
		];
		const hostile: Roadmap = {
			...roadmap,
			phases: [phase('p1', 'Phase: one\n%%{init}%% #x;')],
			tasks: titles.map((title, i) =>
				aTask(`id with spaces, commas: and ${i}`, { title, phaseId: i % 2 ? 'p1' : null })
			)
		};
		const text = ganttText(hostile, planOf(hostile), { ...gantt, unphased: 'section: none' });
		const lines = text.split('\n');
		expect(lines.filter((l) => l.startsWith('    '))).toHaveLength(titles.length);
		expect(text.replace('\n  axisFormat %Y-%m-%d\n', '\n')).not.toMatch(/[%#;]/);
		expect(text).not.toContain('id with spaces');
		for (const line of lines.filter((l) => l.startsWith('    ')))
			expect(line).toMatch(
				/^ {4}[^:\n]{1,125} :(?:(?:crit|done|active|milestone), )*t\d+, \d{4}-\d\d-\d\d, \d{4}-\d\d-\d\d$/
			);
		expect(text.length).toBeLessThan(4000);

		const read = await mermaidReads(text);
		expect(read).toMatchObject({
			config: {},
			sections: ['Phase： one ％％{init}％％ ＃x；', 'section： none'],
			excludes: ['weekends'],
			inclusive: false,
			title: '',
			links: 0
		});
		// In the order of the text: the tasks of phase p1 (every second one) first.
		expect(read.tasks.map((t) => t.id)).toEqual(
			'2 4 6 8 10 12 14 1 3 5 7 9 11 13 15'.split(' ').map((n) => `t${n}`)
		);
		const byId = new Map(read.tasks.map((t) => [t.id, t]));
		expect(byId.get('t1')!.task).toBe('Kick-off： scope； budget ＃ 1');
		expect(byId.get('t2')!.task).toBe('％％{init： {"securityLevel"： "loose"}}％％');
		expect(byId.get('t5')!.task).toBe('line one click t1 href "javascript：alert(1)"');
		expect(byId.get('t6')!.task).toBe('\u200bclick t1 href "javascript：alert(1)"');
		expect(byId.get('t11')!.task).toBe('\u200b2027-01-01');
		expect(byId.get('t12')!.task).toBe('Task 12');
		expect(byId.get('t13')!.task).toBe('Task 13');
		expect([...byId.get('t14')!.task]).toHaveLength(120);
		expect(byId.get('t15')!.task).toBe('客户：旅程, 第一阶段');
		for (const t of read.tasks) {
			expect(t.classes).toEqual([]);
			expect(t.start).toBe('2027-01-04');
		}
	});
});

describe('the Gantt chart in chunks', () => {
	const phasesOf = (chunks: { phases: (string | null)[] }[]) => chunks.map((c) => c.phases);

	it('is one text when everything fits', () => {
		const chunks = ganttChunks(roadmap, plan, gantt);
		expect(chunks).toEqual([{ phases: ['p1', 'p2', null], text: ganttText(roadmap, plan, gantt) }]);
	});

	it('groups whole phases in order, at most maxTasks bars each', () => {
		expect(phasesOf(ganttChunks(roadmap, plan, gantt, 3))).toEqual([['p1'], ['p2', null]]);
		expect(phasesOf(ganttChunks(roadmap, plan, gantt, 4))).toEqual([['p1', 'p2'], [null]]);
		expect(phasesOf(ganttChunks(roadmap, plan, gantt, 2))).toEqual([['p1'], ['p2'], [null]]);
	});

	it('gives a phase larger than maxTasks a text of its own', () => {
		expect(phasesOf(ganttChunks(roadmap, plan, gantt, 1))).toEqual([['p1'], ['p2'], [null]]);
	});

	it('counts the baseline bars, and each text stands alone', () => {
		const options = { ...gantt, baseline, baselineSuffix: '(baseline)' };
		const chunks = ganttChunks(roadmap, plan, options, 4);
		expect(phasesOf(chunks)).toEqual([['p1'], ['p2', null]]);
		expect(chunks[0]!.text).toBe(ganttText(roadmap, plan, { ...options, phases: ['p1'] }));
		expect(chunks[1]!.text).toBe(ganttText(roadmap, plan, { ...options, phases: ['p2', null] }));
		// Each lists the holidays within its own span (8 January falls within both).
		expect(chunks.map((c) => c.text.split('\n')[4])).toEqual([
			'  excludes weekends, 2027-01-08',
			'  excludes weekends, 2027-01-08'
		]);
		expect(chunks[0]!.text.split('\n').filter((l) => l.startsWith('    '))).toHaveLength(3);
	});

	it('keeps to the phases asked for, and is empty when nothing is scheduled', () => {
		expect(phasesOf(ganttChunks(roadmap, plan, { ...gantt, phases: [null, 'p1'] }))).toEqual([
			['p1', null]
		]);
		expect(ganttChunks(roadmap, new Map(), gantt)).toEqual([]);
	});
});

const labels: CsvLabels = {
	headers: {
		phase: 'Phase',
		title: 'Title',
		kind: 'Kind',
		owner: 'Owner',
		role: 'Role',
		start: 'Start',
		finish: 'Finish',
		duration: 'Duration',
		dependsOn: 'Depends on',
		status: 'Status',
		percent: 'Percent',
		effort: 'Effort',
		critical: 'Critical',
		baselineFinish: 'Baseline finish',
		drift: 'Drift'
	},
	task: 'Task',
	milestone: 'Milestone',
	yes: 'Yes',
	no: 'No',
	role: (r) => r[0]!.toUpperCase() + r.slice(1),
	status: (s) =>
		({ notStarted: 'Not started', inProgress: 'In progress', blocked: 'Blocked', done: 'Done' })[s],
	untitled: (n) => `Task ${n}`,
	unphased: 'No phase'
};

/** A small RFC 4180 reader: records of fields, CRLF between records, quotes doubled. */
function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let i = 0;
	while (i < text.length) {
		if (text[i] === '"' && field === '') {
			i++;
			for (;;) {
				const q = text.indexOf('"', i);
				if (q < 0) throw new Error('unclosed quote');
				field += text.slice(i, q);
				if (text[q + 1] === '"') {
					field += '"';
					i = q + 2;
				} else {
					i = q + 1;
					break;
				}
			}
			if (i < text.length && text[i] !== ',' && text[i] !== '\r')
				throw new Error(`text after a quoted field at ${i}`);
		} else if (text[i] === ',') {
			row.push(field);
			field = '';
			i++;
		} else if (text.startsWith('\r\n', i)) {
			row.push(field);
			rows.push(row);
			row = [];
			field = '';
			i += 2;
		} else if (text[i] === '\r' || text[i] === '\n' || text[i] === '"') {
			throw new Error(`bare ${JSON.stringify(text[i])} at ${i}`);
		} else {
			field += text[i];
			i++;
		}
	}
	if (field !== '' || row.length > 0) throw new Error('no CRLF after the last record');
	return rows;
}

describe('the tasks as CSV', () => {
	const team = [{ id: 'm1', name: 'Li Lei' }];

	it('writes a BOM, a header and one CRLF-ended row per task', () => {
		expect(tasksCsv(roadmap, plan, team, labels, baseline)).toBe(
			'\ufeff' +
				[
					'Phase,Title,Kind,Owner,Role,Start,Finish,Duration,Depends on,Status,Percent,Effort,Critical,Baseline finish,Drift',
					'Build,Design,Task,,,2027-01-04,2027-01-06,3,,Done,100,5,Yes,2027-01-06,0',
					'Build,Build CRM,Task,,,2027-01-07,2027-01-13,4,Design,In progress,50,,Yes,2027-01-11,2',
					'Launch,Train users,Task,Li Lei,Users,2027-01-04,2027-01-05,2,,Not started,0,2.5,No,,',
					'Launch,Go-live,Milestone,,,2027-01-13,2027-01-13,0,Build CRM; Train users,Not started,0,,Yes,2027-01-12,1',
					'No phase,Loose end,Task,,,2027-01-04,2027-01-04,1,,Not started,0,,No,,'
				]
					.map((l) => l + '\r\n')
					.join('')
		);
	});

	it('leaves the baseline columns empty without a baseline, and dates of unscheduled tasks', () => {
		const rows = parseCsv(tasksCsv(roadmap, new Map(), team, labels).slice(1));
		expect(rows[1]).toEqual([
			'Build',
			'Design',
			'Task',
			'',
			'',
			'',
			'',
			'3',
			'',
			'Done',
			'100',
			'5',
			'',
			'',
			''
		]);
	});

	it('quotes, doubles quotes, defuses formulas, and reads back cell for cell', () => {
		const nasty = [
			'Comma, inside',
			'She said "go"',
			'Two\r\nlines\nand a bare LF',
			'=HYPERLINK("http://evil.example","x")',
			'+1',
			'-1+2',
			'@SUM(A1)',
			'\tTabbed',
			'\rReturn',
			'   ',
			'客户旅程，第一阶段'
		];
		const tricky: Roadmap = {
			...roadmap,
			phases: [phase('p1', '=cmd|" /C calc"!A0')],
			tasks: nasty.map((title, i) =>
				aTask(`t${i}`, {
					title,
					phaseId: i === 0 ? 'p1' : null,
					ownerId: i === 1 ? 'evil' : null,
					dependsOn: i === 2 ? ['t0', 't1'] : []
				})
			)
		};
		const csv = tasksCsv(tricky, planOf(tricky), [{ id: 'evil', name: '-2+3' }], labels, {
			...baseline,
			tasks: { t3: { start: '2027-01-11', finish: '2027-01-11' } }
		});
		expect(csv.startsWith('\ufeffPhase,')).toBe(true);
		expect(csv).toContain('\r\n"\'=cmd|"" /C calc""!A0","Comma, inside",Task,,');
		expect(csv).toContain(',"She said ""go""",Task,\'-2+3,');
		const rows = parseCsv(csv.slice(1));
		expect(rows).toHaveLength(nasty.length + 1);
		expect(rows.every((r) => r.length === 15)).toBe(true);
		expect(rows.slice(1).map((r) => r[1])).toEqual([
			'Comma, inside',
			'She said "go"',
			'Two\r\nlines\nand a bare LF',
			'\'=HYPERLINK("http://evil.example","x")',
			"'+1",
			"'-1+2",
			"'@SUM(A1)",
			"'\tTabbed",
			"'\rReturn",
			'Task 10',
			'客户旅程，第一阶段'
		]);
		expect(rows[3]![8]).toBe('Comma, inside; She said "go"');
		// A negative drift is a number the export computed: no apostrophe.
		expect(rows[4]![13]).toBe('2027-01-11');
		expect(rows[4]![14]).toBe('-7');
	});
});

describe('the milestones as iCalendar', () => {
	const options: IcsOptions = {
		product: '-//CRM Strategy Workbench//Roadmap//EN',
		calendarName: 'Roadmap, Acme',
		now: new Date(Date.UTC(2027, 0, 10, 8, 30, 5, 123)),
		uidDomain: 'crm-workbench.local',
		untitled: (n) => `Milestone ${n}`
	};

	it('writes one all-day event per scheduled milestone, with CRLF line ends', () => {
		expect(milestonesIcs(roadmap, plan, options)).toBe(
			[
				'BEGIN:VCALENDAR',
				'VERSION:2.0',
				'PRODID:-//CRM Strategy Workbench//Roadmap//EN',
				'CALSCALE:GREGORIAN',
				'X-WR-CALNAME:Roadmap\\, Acme',
				'BEGIN:VEVENT',
				'UID:milestone-m@crm-workbench.local',
				'DTSTAMP:20270110T083005Z',
				'DTSTART;VALUE=DATE:20270113',
				'DTEND;VALUE=DATE:20270114',
				'SUMMARY:Go-live',
				'DESCRIPTION:Launch',
				'STATUS:CONFIRMED',
				'END:VEVENT',
				'END:VCALENDAR',
				''
			].join('\r\n')
		);
	});

	it('escapes text, ends the day after (across a year), and makes ids safe', () => {
		const more: Roadmap = {
			...roadmap,
			tasks: [
				aTask('a b/ç@x;,', {
					title: 'Sign-off; budget, scope\\risks\nnext',
					milestone: true,
					duration: 0,
					start: '2027-12-31'
				}),
				aTask('blank', { milestone: true, duration: 0, title: ' ', phaseId: 'p3' })
			]
		};
		const ics = milestonesIcs(more, planOf(more), options);
		expect(ics).toContain(
			'\r\nUID:milestone-a%20b%2F%C3%A7%40x%3B%2C@crm-workbench.local\r\n' +
				'DTSTAMP:20270110T083005Z\r\n' +
				'DTSTART;VALUE=DATE:20271231\r\nDTEND;VALUE=DATE:20280101\r\n' +
				'SUMMARY:Sign-off\\; budget\\, scope\\\\risks\\nnext\r\nSTATUS:CONFIRMED\r\n'
		);
		expect(ics).toContain('\r\nSUMMARY:Milestone 2\r\nDESCRIPTION:Empty\r\n');
		expect(icsText('tab\tbell\u0007nul\0 end\r\ncr\rlf\n')).toBe('tab\tbell nul  end\\ncr\\nlf\\n');
		const events = new ICAL.Component(ICAL.parse(ics))
			.getAllSubcomponents('vevent')
			.map((v) => new ICAL.Event(v));
		expect(
			events.map((e) => [e.uid, e.summary, e.startDate.toString(), e.endDate.toString()])
		).toEqual([
			[
				'milestone-a%20b%2F%C3%A7%40x%3B%2C@crm-workbench.local',
				'Sign-off; budget, scope\\risks\nnext',
				'2027-12-31',
				'2028-01-01'
			],
			['milestone-blank@crm-workbench.local', 'Milestone 2', '2027-01-04', '2027-01-05']
		]);
		expect(events.every((e) => e.startDate.isDate && e.endDate.isDate)).toBe(true);
	});

	it('has no events when there are no milestones', () => {
		const none = { ...roadmap, tasks: roadmap.tasks.filter((t) => !t.milestone) };
		expect(milestonesIcs(none, plan, options)).not.toContain('VEVENT');
	});

	it('folds long lines at 75 bytes without splitting a character, and unfolds to the text', () => {
		const title = '客户关系管理系统上线，全体销售团队完成培训；' + '里程碑'.repeat(30) + '😀 done';
		const long: Roadmap = {
			...roadmap,
			phases: [phase('p1', '第一阶段：' + 'ab'.repeat(60))],
			tasks: [aTask('m', { title, phaseId: 'p1', milestone: true, duration: 0 })]
		};
		const ics = milestonesIcs(long, planOf(long), {
			...options,
			calendarName: '路线图'.repeat(40)
		});
		const lines = ics.split('\r\n');
		expect(lines.at(-1)).toBe('');
		for (const line of lines) {
			expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
			expect(line.isWellFormed()).toBe(true);
			expect(line).not.toMatch(/[\r\n]/);
		}
		expect(lines.filter((l) => l.startsWith(' ')).length).toBeGreaterThan(5);
		const unfolded = ics.replace(/\r\n /g, '');
		expect(unfolded).toContain(`\r\nSUMMARY:${icsText(title)}\r\n`);
		expect(unfolded).toContain(`\r\nX-WR-CALNAME:${'路线图'.repeat(40)}\r\n`);
		const calendar = new ICAL.Component(ICAL.parse(ics));
		expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('路线图'.repeat(40));
		const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
		expect(event.summary).toBe(title);
		expect(event.description).toBe('第一阶段：' + 'ab'.repeat(60));
	});

	it('fills each folded line as far as a whole character allows', () => {
		// 8 bytes of "SUMMARY:", then "ab" and 3-byte characters: 10 + 21 × 3 = 73, the 22nd would pass 75.
		const line = 'SUMMARY:ab' + '中'.repeat(40);
		const parts = foldLine(line).split('\r\n');
		expect(parts[0]).toBe('SUMMARY:ab' + '中'.repeat(21));
		// A continuation line is a space and up to 74 bytes (24 such characters): the 19 left fit.
		expect(parts[1]).toBe(' ' + '中'.repeat(19));
		expect(foldLine('中'.repeat(25 + 24 + 1)).split('\r\n')).toEqual([
			'中'.repeat(25),
			' ' + '中'.repeat(24),
			' 中'
		]);
		expect(foldLine('x'.repeat(75))).toBe('x'.repeat(75));
		expect(foldLine('x'.repeat(76))).toBe('x'.repeat(75) + '\r\n x');
		expect(foldLine('x'.repeat(75 + 74 + 1))).toBe(
			'x'.repeat(75) + '\r\n ' + 'x'.repeat(74) + '\r\n x'
		);
	});
});
