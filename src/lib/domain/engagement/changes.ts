import type { EngagementContent } from './profile.ts';

/**
 * What changed between two states of an engagement, area by area, in counts a person can read
 * at a glance: "Segments: 1 added, 2 changed". An item is any record with an `id` (a segment,
 * a task, a touchpoint, a cost line…), wherever it sits; an item counts as changed when one of
 * its own fields differs (a change inside a nested item, say a segment's need, counts for the
 * need, not for the segment). Fields outside any item (the positioning, a 7-S text) count as
 * one change each.
 */

/** The engagement's areas, in the order of the workspace's navigation. */
export const CHANGE_AREAS = [
	'profile',
	'valueProposition',
	'segments',
	'channels',
	'changePlan',
	'sevenSPorter',
	'workshop',
	'journey',
	'workflows',
	'diagrams',
	'assessments',
	'businessCase',
	'roadmap'
] as const;
export type ChangeArea = (typeof CHANGE_AREAS)[number];

/** Which area each part of the content belongs to. */
const AREA_OF: Record<keyof EngagementContent, ChangeArea> = {
	profile: 'profile',
	team: 'profile',
	valueProposition: 'valueProposition',
	segments: 'segments',
	channels: 'channels',
	changePlan: 'changePlan',
	sevenS: 'sevenSPorter',
	porter: 'sevenSPorter',
	answers: 'workshop',
	journey: 'journey',
	workflows: 'workflows',
	diagrams: 'diagrams',
	assessmentTemplates: 'assessments',
	assessments: 'assessments',
	businessCase: 'businessCase',
	roadmap: 'roadmap'
};

export interface AreaChanges {
	area: ChangeArea;
	added: number;
	removed: number;
	changed: number;
}

/** What a part of the content holds, flattened for comparison. */
interface Flat {
	/** Each item (keyed by its path of ids) or loose field: the JSON of its own values. */
	owners: Map<string, string>;
	/** Each list of items: its ids in order. */
	orders: Map<string, string[]>;
}

function isItem(value: unknown): value is { id: string } {
	return (
		typeof value === 'object' &&
		value !== null &&
		!Array.isArray(value) &&
		typeof (value as { id?: unknown }).id === 'string'
	);
}

/**
 * Walks a value. Items become owners keyed by their path of ids; every other leaf is kept under
 * its nearest item (`own`) or, outside any item, as a loose field of its own.
 */
function walk(value: unknown, path: string, own: string[] | null, flat: Flat) {
	const leaf = () => {
		const text = `${path}=${JSON.stringify(value)}`;
		if (own) own.push(text);
		else flat.owners.set(path, text);
	};
	if (Array.isArray(value) && value.length === 0) return;
	if (isItem(value)) {
		const key = `${path}#${value.id}`;
		const fields: string[] = [];
		for (const [k, v] of Object.entries(value)) walk(v, `${key}.${k}`, fields, flat);
		flat.owners.set(key, fields.join('\n'));
	} else if (Array.isArray(value) && value.every(isItem)) {
		flat.orders.set(
			path,
			value.map((v) => v.id)
		);
		for (const v of value) walk(v, path, own, flat);
	} else if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
		for (const [k, v] of Object.entries(value)) walk(v, `${path}.${k}`, own, flat);
	} else leaf();
}

function flatten(content: EngagementContent, part: keyof EngagementContent): Flat {
	const flat: Flat = { owners: new Map(), orders: new Map() };
	walk(content[part], part, null, flat);
	return flat;
}

const isItemKey = (key: string) => key.includes('#');
/** A loose field that appears or goes with no value (a blank record entry) is no change. */
const isBlank = (field: string) => /=(""|null|\[\]|\{\})$/.test(field);

/** Whether the items that both lists hold are in another order. */
function reordered(a: string[], b: string[]) {
	const inB = new Set(b);
	const inA = new Set(a);
	const common = a.filter((id) => inB.has(id));
	return common.join() !== b.filter((id) => inA.has(id)).join();
}

function compare(before: Flat, after: Flat): Omit<AreaChanges, 'area'> {
	let added = 0;
	let removed = 0;
	let changed = 0;
	for (const [key, value] of after.owners) {
		const old = before.owners.get(key);
		if (old === undefined) {
			if (isItemKey(key)) added++;
			else if (!isBlank(value)) changed++;
		} else if (old !== value) changed++;
	}
	for (const [key, value] of before.owners) {
		if (after.owners.has(key)) continue;
		if (isItemKey(key)) removed++;
		else if (!isBlank(value)) changed++;
	}
	for (const [path, ids] of after.orders) {
		const old = before.orders.get(path);
		if (old && reordered(old, ids)) changed++;
	}
	return { added, removed, changed };
}

/** The areas that differ between `before` and `after`, in navigation order; none when equal. */
export function summariseChanges(
	before: EngagementContent,
	after: EngagementContent
): AreaChanges[] {
	const byArea = new Map<ChangeArea, AreaChanges>();
	for (const part of Object.keys(AREA_OF) as Array<keyof EngagementContent>) {
		const { added, removed, changed } = compare(flatten(before, part), flatten(after, part));
		if (added + removed + changed === 0) continue;
		const area = AREA_OF[part];
		const sum = byArea.get(area) ?? { area, added: 0, removed: 0, changed: 0 };
		sum.added += added;
		sum.removed += removed;
		sum.changed += changed;
		byArea.set(area, sum);
	}
	return CHANGE_AREAS.flatMap((area) => byArea.get(area) ?? []);
}
