/**
 * Channels and products: the channels a company reaches customers through, each with its cost
 * per contact; how much each segment prefers each channel; which product or service goes through
 * which channel to which segment; and the conflicts between channels. Pure rules.
 */

/** The standard channels of the literature, offered as a starting list. */
export const CHANNEL_KINDS = [
	'faceToFace',
	'phone',
	'web',
	'email',
	'messaging',
	'letter',
	'fax',
	'partners',
	'fieldService',
	'selfService',
	'other'
] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];
export const STANDARD_CHANNELS: readonly ChannelKind[] = CHANNEL_KINDS.filter((k) => k !== 'other');

/** How much a segment prefers a channel: 0 not used, 1 low, 2 medium, 3 high. */
export const PREFERENCES = [0, 1, 2, 3] as const;
export type Preference = (typeof PREFERENCES)[number];

export function nextPreference(p: Preference): Preference {
	return ((p + 1) % PREFERENCES.length) as Preference;
}

/** Keys of the matrices in the document: `segment:channel` and `offering:channel:segment`. */
export const matrixKey = (segmentId: string, channelId: string) => `${segmentId}:${channelId}`;
export const assignmentKey = (offeringId: string, channelId: string, segmentId: string) =>
	`${offeringId}:${channelId}:${segmentId}`;

/** The segment and the channel a preference key names (empty when a part is missing). */
export function readMatrixKey(key: string): { segmentId: string; channelId: string } {
	const cut = key.indexOf(':');
	return cut < 0
		? { segmentId: key, channelId: '' }
		: { segmentId: key.slice(0, cut), channelId: key.slice(cut + 1) };
}

/** The product or service, channel and segment an assignment key names. */
export function readAssignmentKey(key: string): {
	offeringId: string;
	channelId: string;
	segmentId: string;
} {
	const [offeringId = '', channelId = '', ...rest] = key.split(':');
	return { offeringId, channelId, segmentId: rest.join(':') };
}

export interface ChannelLike {
	id: string;
	costPerContact: number;
}

/**
 * The average cost of one contact for a segment, weighting each channel by its preference
 * (a channel preferred "high" counts three times one preferred "low"); null when the segment
 * prefers no channel. In minor units, unrounded.
 */
export function weightedContactCost(
	channels: readonly ChannelLike[],
	preferences: Readonly<Record<string, number>>,
	segmentId: string
): number | null {
	let weight = 0;
	let cost = 0;
	for (const c of channels) {
		const p = preferences[matrixKey(segmentId, c.id)] ?? 0;
		weight += p;
		cost += p * c.costPerContact;
	}
	return weight === 0 ? null : cost / weight;
}

/** Channels a segment prefers, most preferred first (ties keep the list order). */
export function preferredChannels<T extends { id: string }>(
	channels: readonly T[],
	preferences: Readonly<Record<string, number>>,
	segmentId: string
): Array<{ channel: T; preference: Preference }> {
	return channels
		.map((channel) => ({
			channel,
			preference: (preferences[matrixKey(segmentId, channel.id)] ?? 0) as Preference
		}))
		.filter((x) => x.preference > 0)
		.sort((a, b) => b.preference - a.preference);
}
