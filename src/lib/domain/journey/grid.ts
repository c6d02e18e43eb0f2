import { ratingOf, serves, type Journey, type Side, type Touchpoint } from './model.ts';

/**
 * The touchpoint grid: a row per channel (in the channel list's order, then "no channel" when a
 * touchpoint has none), a column per stage, the touchpoints of a segment in each cell.
 */
export interface GridRow {
	channelId: string | null;
	/** One list of touchpoints per stage, in the stages' order. */
	cells: Touchpoint[][];
}

export function touchpointGrid(
	journey: Journey,
	channelIds: readonly string[],
	segmentId: string | null
): GridRow[] {
	const known = new Set(channelIds);
	const shown = journey.touchpoints.filter((t) => serves(t, segmentId));
	const rowOf = (t: Touchpoint) =>
		t.channelId !== null && known.has(t.channelId) ? t.channelId : null;
	const rows: (string | null)[] = [...channelIds];
	if (channelIds.length === 0 || shown.some((t) => rowOf(t) === null)) rows.push(null);
	return rows.map((channelId) => ({
		channelId,
		cells: journey.stages.map((stage) =>
			shown.filter((t) => t.stageId === stage.id && rowOf(t) === channelId)
		)
	}));
}

/** The mean rating of the touchpoints rated for `side`, or null when none is. */
export function averageRating(touchpoints: readonly Touchpoint[], side: Side): number | null {
	const rated = touchpoints.flatMap((t): number[] => {
		const r = ratingOf(t, side);
		return r === null ? [] : [r];
	});
	return rated.length === 0 ? null : rated.reduce((a: number, b) => a + b, 0) / rated.length;
}

/** Counts for the map's summary line. A gap: the target is rated above today. */
export function mapSummary(touchpoints: readonly Touchpoint[]) {
	return {
		count: touchpoints.length,
		moments: touchpoints.filter((t) => t.momentOfTruth).length,
		gaps: touchpoints.filter(
			(t) => t.ratingToday !== null && t.ratingTarget !== null && t.ratingTarget > t.ratingToday
		).length
	};
}
