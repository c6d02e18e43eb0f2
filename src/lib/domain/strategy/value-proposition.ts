/**
 * The value proposition canvas: what customers of a segment value (jobs, pains, gains) and what
 * the company offers them (products and services, pain relievers, gain creators, proof points),
 * and the fit between the two. Pure functions on plain data.
 */

/** Customer side: per segment. Company side: offerings and the relievers and creators that address pains and gains. */
export const VP_KINDS = [
	'job',
	'pain',
	'gain',
	'offering',
	'reliever',
	'creator',
	'proof'
] as const;
export type VpKind = (typeof VP_KINDS)[number];
export const CUSTOMER_KINDS = ['job', 'pain', 'gain'] as const satisfies readonly VpKind[];
export const COMPANY_KINDS = [
	'offering',
	'reliever',
	'creator',
	'proof'
] as const satisfies readonly VpKind[];

/** Porter's three generic strategies. */
export const POSITIONINGS = ['costLeadership', 'differentiation', 'focus'] as const;
export type Positioning = (typeof POSITIONINGS)[number];

export interface VpItemLike {
	id: string;
	kind: VpKind;
	/** The segment a job, pain or gain belongs to; null for the company side. */
	segmentId: string | null;
	text: string;
	/** For a reliever: the pains it relieves; for a creator: the gains it creates. */
	addresses: string[];
}

export interface Fit {
	pains: number;
	gains: number;
	/** Pains that no reliever addresses, in their ranked order. */
	unrelievedPains: string[];
	/** Gains that no creator addresses. */
	uncreatedGains: string[];
	/** Relievers and creators that address nothing (yet). */
	unlinked: string[];
	/** Share of pains and gains addressed, 0–1 (1 when there are none). */
	coverage: number;
}

/**
 * The fit for one segment (or for all customer items when `segmentId` is undefined): which pains
 * have no reliever and which gains have no creator. Links to items that no longer exist, or
 * from a reliever to a gain, do not count.
 */
export function valueFit(items: readonly VpItemLike[], segmentId?: string | null): Fit {
	const customer = items.filter((i) => segmentId === undefined || i.segmentId === segmentId);
	const pains = customer.filter((i) => i.kind === 'pain');
	const gains = customer.filter((i) => i.kind === 'gain');
	const painIds = new Set(pains.map((p) => p.id));
	const gainIds = new Set(gains.map((g) => g.id));
	const relieved = new Set<string>();
	const created = new Set<string>();
	const unlinked: string[] = [];
	for (const item of items) {
		if (item.kind === 'reliever') {
			const hits = item.addresses.filter(
				(id) => painIds.has(id) || items.some((p) => p.id === id && p.kind === 'pain')
			);
			hits.forEach((id) => relieved.add(id));
			if (hits.length === 0) unlinked.push(item.id);
		} else if (item.kind === 'creator') {
			const hits = item.addresses.filter(
				(id) => gainIds.has(id) || items.some((g) => g.id === id && g.kind === 'gain')
			);
			hits.forEach((id) => created.add(id));
			if (hits.length === 0) unlinked.push(item.id);
		}
	}
	const unrelievedPains = pains.filter((p) => !relieved.has(p.id)).map((p) => p.id);
	const uncreatedGains = gains.filter((g) => !created.has(g.id)).map((g) => g.id);
	const total = pains.length + gains.length;
	const covered = total - unrelievedPains.length - uncreatedGains.length;
	return {
		pains: pains.length,
		gains: gains.length,
		unrelievedPains,
		uncreatedGains,
		unlinked,
		coverage: total === 0 ? 1 : covered / total
	};
}
