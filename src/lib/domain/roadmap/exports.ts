import { addDays, dayNumber, isIsoDay } from './calendar.ts';
import type { Baseline, ProjectRole, Roadmap, RoadmapTask, TaskStatus } from './model.ts';
import { driftOf, type Plan } from './progress.ts';

/**
 * The roadmap written out for other tools: a Mermaid Gantt chart (whole, or split into charts of
 * a bounded size), a CSV of the tasks for a spreadsheet, and an iCalendar file of the milestones.
 * Pure: the words come in as labels, the clock as a parameter, so each output is deterministic.
 */

/* ---------- Mermaid Gantt ---------- */

export interface GanttOptions {
	/** Section name for tasks that have no phase. */
	unphased: string;
	/** Fallback title for a task with an empty title, given its 1-based position in roadmap.tasks (also used for a phase with an empty title, given its position in roadmap.phases). */
	untitled: (n: number) => string;
	/** When given, each task that drifted also gets a grey bar of its baseline dates, in the same section, titled `${title} ${baselineSuffix}`. */
	baseline?: Baseline | null;
	baselineSuffix?: string;
	/** Only these phases (ids; null = tasks without a phase); default all. */
	phases?: readonly (string | null)[];
}

/** Titles are cut to this many characters (code points), the last being an ellipsis. */
const TITLE_MAX = 120;

/** Control characters (line breaks included) and the Unicode line and paragraph separators. */
const CONTROL = /[\p{Cc}\u2028\u2029]+/gu;

/**
 * What Mermaid's gantt lexer (mermaid 12.3, src/diagrams/gantt/parser/gantt.jison, and the
 * preprocessing every diagram goes through) reads as syntax in a task's or a section's text:
 *  - `:` ends a task's text and starts its data (`[^:\n]+` then `:[^#\n;]+`);
 *  - `#` and `;` end the task data; `#…;` is also turned into an entity code by Mermaid's
 *    `encodeEntities` before parsing;
 *  - `%` starts a comment: `%[^\n]*` and `[^}]%%*[^\n]*` at the start of a token, `%%` lines,
 *    and `%%{…}%%` directives anywhere in the text (which could change the configuration);
 *  - a line break ends the statement.
 * These characters become their full-width forms (as Chinese text writes them anyway).
 */
const SYNTAX = /[:;#%]/g;

/**
 * The lexer tries its keyword rules, in order and case-insensitively, at the start of every
 * statement, before the rule for a task's text: a task named `click t1 href "…"`, `section x`,
 * `excludes …`, `inclusiveEndDates`, `title …` or a bare date would be read as that statement. A
 * zero-width space goes first (the lexer's `\s` does not match it).
 */
const KEYWORD =
	/^(?:gantt|dateFormat|inclusiveEndDates|topAxis|axisFormat|tickInterval|includes|excludes|todayMarker|weekday|weekend|title|accTitle|accDescr(?:iption)?|section|href|call|click|\d{4}-\d\d-\d\d)\b/i;

/** User text made safe within a line of a Mermaid Gantt chart, and cut to length (possibly empty). */
function sectionText(text: string): string {
	const clean = text
		.replace(CONTROL, ' ')
		.replace(SYNTAX, (c) => String.fromCodePoint(c.codePointAt(0)! + 0xfee0))
		.trim();
	const chars = [...clean];
	if (chars.length <= TITLE_MAX) return clean;
	return (
		chars
			.slice(0, TITLE_MAX - 1)
			.join('')
			.trimEnd() + '…'
	);
}

/**
 * User text made safe as a task's text in a Mermaid Gantt chart (possibly empty). A section's
 * name needs no keyword guard: everything after `section ` is its name.
 */
export function ganttLabel(text: string): string {
	const cut = sectionText(text);
	return KEYWORD.test(cut) ? `\u200b${cut}` : cut;
}

/** One section of the chart: its phase, its name, and its bars. */
interface Section {
	phaseId: string | null;
	name: string;
	bars: string[];
	/** Every day its bars name (for the holidays to show). */
	days: string[];
}

const tagsOf = (t: RoadmapTask, critical: boolean) =>
	[
		critical ? 'crit' : '',
		t.status === 'done' ? 'done' : t.status === 'inProgress' ? 'active' : '',
		t.milestone ? 'milestone' : ''
	].filter(Boolean);

/**
 * A bar's dates. Mermaid treats an explicit end date as exclusive: the bar runs from the start
 * day's 00:00 to the end day's 00:00 (ganttDb `getEndDate` adds a day only under
 * `inclusiveEndDates`), and, because the end is a date, it is not pushed later for excluded days
 * (`manualEndTime` skips `checkTaskDates`). So the end written is the day after the last day of
 * work, which makes the bar cover the whole finish day. A milestone is its day with `0d`.
 */
const datesOf = (milestone: boolean, start: string, finish: string) =>
	milestone ? [start, '0d'] : [start, addDays(finish, 1)];

function sectionsOf(roadmap: Roadmap, plan: Plan, options: GanttOptions): Section[] {
	const wanted = options.phases ? new Set(options.phases) : null;
	const phaseIds = new Set(roadmap.phases.map((p) => p.id));
	const sections: Section[] = roadmap.phases.map((p, i) => ({
		phaseId: p.id,
		name: sectionText(p.title) || sectionText(options.untitled(i + 1)) || String(i + 1),
		bars: [],
		days: []
	}));
	const loose: Section = {
		phaseId: null,
		name: sectionText(options.unphased) || '-',
		bars: [],
		days: []
	};
	const byId = new Map(sections.map((s) => [s.phaseId, s]));
	const suffix = sectionText(options.baselineSuffix ?? '');
	roadmap.tasks.forEach((t, i) => {
		const scheduled = plan.get(t.id);
		if (!scheduled) return;
		const phaseId = t.phaseId !== null && phaseIds.has(t.phaseId) ? t.phaseId : null;
		if (wanted && !wanted.has(phaseId)) return;
		const section = (phaseId === null ? loose : byId.get(phaseId))!;
		const n = i + 1;
		const title = ganttLabel(t.title) || ganttLabel(options.untitled(n)) || String(n);
		const data = [
			...tagsOf(t, scheduled.critical),
			`t${n}`,
			...datesOf(t.milestone, scheduled.start, scheduled.finish)
		];
		section.bars.push(`${title} :${data.join(', ')}`);
		section.days.push(scheduled.start, scheduled.finish);
		const drift = options.baseline ? driftOf(t.id, plan, options.baseline) : null;
		if (drift && (drift.start !== 0 || drift.finish !== 0)) {
			// `done` is the one tag Mermaid draws grey (its default theme's doneTaskBkgColor).
			const tags = ['done', ...(t.milestone ? ['milestone'] : [])];
			const dates = datesOf(t.milestone, drift.baselineStart, drift.baselineFinish);
			const label = suffix ? `${title} ${suffix}` : title;
			section.bars.push(`${label} :${[...tags, `b${n}`, ...dates].join(', ')}`);
			section.days.push(drift.baselineStart, drift.baselineFinish);
		}
	});
	return [...sections, loose].filter((s) => s.bars.length > 0);
}

function ganttOf(roadmap: Roadmap, sections: readonly Section[]): string {
	const lines = ['gantt', '  dateFormat YYYY-MM-DD', '  axisFormat %Y-%m-%d', '  todayMarker off'];
	// Non-working days are greyed out; only the holidays within the chart's span are listed.
	let first = Infinity;
	let last = -Infinity;
	for (const s of sections)
		for (const day of s.days) {
			first = Math.min(first, dayNumber(day));
			last = Math.max(last, dayNumber(day) + 1);
		}
	const holidays = [...new Set(roadmap.settings.holidays.filter(isIsoDay))]
		.filter((h) => dayNumber(h) >= first && dayNumber(h) <= last)
		.sort();
	const excludes = [...(roadmap.settings.excludeWeekends ? ['weekends'] : []), ...holidays];
	if (excludes.length > 0) lines.push(`  excludes ${excludes.join(', ')}`);
	for (const s of sections) {
		lines.push(`  section ${s.name}`);
		for (const bar of s.bars) lines.push(`    ${bar}`);
	}
	return lines.join('\n') + '\n';
}

/**
 * The roadmap as a Mermaid Gantt chart: a section per phase in roadmap order (phases without a
 * scheduled task are left out), then one for the tasks without a phase; in each, the scheduled
 * tasks in roadmap order. Task ids in the chart are generated (`t1` for the first task of
 * roadmap.tasks, `b1` for its baseline bar), never the user's.
 */
export function ganttText(roadmap: Roadmap, plan: Plan, options: GanttOptions): string {
	return ganttOf(roadmap, sectionsOf(roadmap, plan, options));
}

/**
 * The Gantt split so that each text holds at most `maxTasks` bars (baseline bars count): whole
 * phases are grouped in order; a phase larger than maxTasks gets its own text. Returns
 * [{ phases, text }]; none when there is nothing to draw.
 */
export function ganttChunks(
	roadmap: Roadmap,
	plan: Plan,
	options: GanttOptions,
	maxTasks = 300
): { phases: (string | null)[]; text: string }[] {
	const chunks: Section[][] = [];
	let current: Section[] = [];
	let count = 0;
	for (const s of sectionsOf(roadmap, plan, options)) {
		if (current.length > 0 && count + s.bars.length > maxTasks) {
			chunks.push(current);
			current = [];
			count = 0;
		}
		current.push(s);
		count += s.bars.length;
	}
	if (current.length > 0) chunks.push(current);
	return chunks.map((sections) => ({
		phases: sections.map((s) => s.phaseId),
		text: ganttOf(roadmap, sections)
	}));
}

/* ---------- CSV ---------- */

export interface CsvLabels {
	headers: {
		phase: string;
		title: string;
		kind: string;
		owner: string;
		role: string;
		start: string;
		finish: string;
		duration: string;
		dependsOn: string;
		status: string;
		percent: string;
		effort: string;
		critical: string;
		baselineFinish: string;
		drift: string;
	};
	task: string;
	milestone: string;
	yes: string;
	no: string;
	role: (r: ProjectRole) => string;
	status: (s: TaskStatus) => string;
	/** A task's (or a phase's) name when its title is empty, given its 1-based position. */
	untitled: (n: number) => string;
	unphased: string;
}

/**
 * One CSV field. Text that a spreadsheet would run as a formula (it starts with =, +, -, @, a
 * tab or a carriage return) gets a leading apostrophe; numbers the export computes are written
 * as they are (a negative drift stays a number). Quoted when it holds a comma, a quote, CR or LF.
 */
function csvField(value: string | number | null): string {
	let text = value === null ? '' : String(value);
	if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * RFC 4180 CSV (CRLF line ends, fields quoted when they hold a comma, quote, CR or LF, quotes
 * doubled), starting with a UTF-8 BOM so that Excel opens Chinese text correctly. One row per
 * task in roadmap order. Owner names come from `team` (engagement team members by id). Depends on
 * = the titles of the predecessors joined with "; ". Drift = finish drift in calendar days
 * against the baseline, empty when none. A field that starts with =, +, -, @, tab or CR gets a
 * leading apostrophe (CSV formula injection). Percent is 100 for a done task.
 */
export function tasksCsv(
	roadmap: Roadmap,
	plan: Plan,
	team: readonly { id: string; name: string }[],
	labels: CsvLabels,
	baseline?: Baseline | null
): string {
	const h = labels.headers;
	const names = new Map(team.map((m) => [m.id, m.name]));
	const phases = new Map(
		roadmap.phases.map((p, i) => [p.id, p.title.trim() ? p.title : labels.untitled(i + 1)])
	);
	const titles = new Map(
		roadmap.tasks.map((t, i) => [t.id, t.title.trim() ? t.title : labels.untitled(i + 1)])
	);
	const rows: (string | number | null)[][] = [
		[
			h.phase,
			h.title,
			h.kind,
			h.owner,
			h.role,
			h.start,
			h.finish,
			h.duration,
			h.dependsOn,
			h.status,
			h.percent,
			h.effort,
			h.critical,
			h.baselineFinish,
			h.drift
		]
	];
	for (const t of roadmap.tasks) {
		const s = plan.get(t.id);
		const saved =
			baseline && Object.hasOwn(baseline.tasks, t.id) ? baseline.tasks[t.id]! : undefined;
		const drift = driftOf(t.id, plan, baseline ?? null);
		rows.push([
			(t.phaseId !== null ? phases.get(t.phaseId) : undefined) ?? labels.unphased,
			titles.get(t.id)!,
			t.milestone ? labels.milestone : labels.task,
			(t.ownerId !== null ? names.get(t.ownerId) : undefined) ?? null,
			t.role !== null ? labels.role(t.role) : null,
			s?.start ?? null,
			s?.finish ?? null,
			t.milestone ? 0 : t.duration,
			t.dependsOn.flatMap((d) => titles.get(d) ?? []).join('; '),
			labels.status(t.status),
			t.status === 'done' ? 100 : t.percent,
			t.effort,
			s ? (s.critical ? labels.yes : labels.no) : null,
			saved?.finish ?? null,
			drift ? drift.finish : null
		]);
	}
	return '\ufeff' + rows.map((r) => r.map(csvField).join(',') + '\r\n').join('');
}

/* ---------- iCalendar ---------- */

export interface IcsOptions {
	/** PRODID text */
	product: string;
	calendarName: string;
	/** DTSTAMP, passed in so output is deterministic */
	now: Date;
	/** domain part of UIDs, e.g. "crm-workbench.local" */
	uidDomain: string;
	untitled: (n: number) => string;
}

/** An RFC 5545 TEXT value: backslash, semicolon, comma and line breaks escaped; other control characters (a tab aside) become spaces. */
export function icsText(text: string): string {
	return text
		.replace(/\r\n?/g, '\n')
		.replace(/[\\;,]/g, (c) => `\\${c}`)
		.replace(/\n/g, '\\n')
		.replace(/[^\P{Cc}\t]/gu, ' ');
}

/** A content line folded at 75 octets of UTF-8 (never inside a character), with CRLF + space. */
export function foldLine(line: string): string {
	const parts: string[] = [];
	let part = '';
	let bytes = 0;
	let limit = 75;
	for (const c of line) {
		const point = c.codePointAt(0)!;
		const size = point < 0x80 ? 1 : point < 0x800 ? 2 : point < 0x10000 ? 3 : 4; // UTF-8 bytes
		if (bytes + size > limit) {
			parts.push(part);
			part = '';
			bytes = 0;
			limit = 74; // the leading space of a continuation line is one of its 75 octets
		}
		part += c;
		bytes += size;
	}
	parts.push(part);
	return parts.join('\r\n ');
}

/** The id as UID-safe ASCII: letters, digits and `-._~` kept, every other byte as %XX. */
function uidPart(id: string): string {
	let out = '';
	for (const c of id)
		out += /[A-Za-z0-9\-._~]/.test(c)
			? c
			: [...new TextEncoder().encode(c)]
					.map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`)
					.join('');
	return out;
}

const basicDate = (iso: string) => iso.replace(/-/g, '');

/**
 * RFC 5545 iCalendar of the milestones: VCALENDAR (VERSION:2.0, PRODID, CALSCALE:GREGORIAN,
 * X-WR-CALNAME), one VEVENT per scheduled milestone in roadmap order, with UID (stable: from the
 * task id, made safe), DTSTAMP (UTC, basic format), DTSTART;VALUE=DATE and DTEND;VALUE=DATE (the
 * next day), SUMMARY (escaped: backslash, semicolon, comma, newline), DESCRIPTION from the phase
 * title when there is one, STATUS:CONFIRMED. CRLF line ends; lines folded at 75 octets (UTF-8
 * bytes, never splitting a character) with CRLF + space.
 */
export function milestonesIcs(roadmap: Roadmap, plan: Plan, options: IcsOptions): string {
	const stamp = options.now
		.toISOString()
		.replace(/\.\d+Z$/, 'Z')
		.replace(/[-:]/g, '');
	const domain = options.uidDomain.replace(/[^A-Za-z0-9.-]/g, '') || 'localhost';
	const phases = new Map(roadmap.phases.map((p) => [p.id, p.title]));
	const lines = [
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		`PRODID:${icsText(options.product)}`,
		'CALSCALE:GREGORIAN',
		`X-WR-CALNAME:${icsText(options.calendarName)}`
	];
	roadmap.tasks.forEach((t, i) => {
		const s = plan.get(t.id);
		if (!t.milestone || !s) return;
		const phase = t.phaseId !== null ? (phases.get(t.phaseId) ?? '') : '';
		lines.push(
			'BEGIN:VEVENT',
			`UID:milestone-${uidPart(t.id)}@${domain}`,
			`DTSTAMP:${stamp}`,
			`DTSTART;VALUE=DATE:${basicDate(s.start)}`,
			`DTEND;VALUE=DATE:${basicDate(addDays(s.start, 1))}`,
			`SUMMARY:${icsText(t.title.trim() ? t.title : options.untitled(i + 1))}`,
			...(phase.trim() ? [`DESCRIPTION:${icsText(phase)}`] : []),
			'STATUS:CONFIRMED',
			'END:VEVENT'
		);
	});
	lines.push('END:VCALENDAR');
	return lines.map(foldLine).join('\r\n') + '\r\n';
}
