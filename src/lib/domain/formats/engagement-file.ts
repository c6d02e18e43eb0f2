import { z } from 'zod';
import { safeFileStem } from '../file-name.ts';
import type { EngagementContent } from '../engagement/profile.ts';
import { engagementContentSchema } from '../schemas.ts';
import type { Locale } from '../locales.ts';
import { readFileHeader, type FileHeaderError } from './file-header.ts';
import { parseJsonSafely, type SafeJsonError } from './safe-json.ts';
import { problemsFromZod, type Problem } from './problems.ts';
import { errorMap } from './references.ts';
import { blankBusinessCase } from '../business-case/model.ts';

/**
 * The engagement export file: one engagement, as plain JSON, documented in README.md and
 * published as JSON Schema (static/schemas/). `formatVersion` grows with each change of shape;
 * older files are upgraded on import by the steps in ENGAGEMENT_FILE_UPGRADES.
 */
export const ENGAGEMENT_FILE_KIND = 'crm-strategy-workbench/engagement';
export const ENGAGEMENT_FILE_VERSION = 1;

export const engagementFileSchema = z
	.strictObject({
		kind: z.literal(ENGAGEMENT_FILE_KIND),
		formatVersion: z.literal(ENGAGEMENT_FILE_VERSION),
		exportedAt: z.iso.datetime({ offset: true }),
		generator: z.string().max(200),
		engagement: z.strictObject({
			id: z.string().min(1).max(64),
			createdAt: z.iso.datetime({ offset: true }),
			updatedAt: z.iso.datetime({ offset: true }),
			archived: z.boolean(),
			content: engagementContentSchema
		})
	})
	.meta({
		title: 'CRM Strategy Workbench engagement export',
		description: 'One engagement of the CRM Strategy Workbench, exported as JSON.'
	});
export type EngagementFile = z.infer<typeof engagementFileSchema>;

/**
 * Steps that turn a file of version N into version N + 1, in order, append-only: the step at
 * index i upgrades version i + 1. A step receives the whole parsed file and returns the new one.
 */
export const ENGAGEMENT_FILE_UPGRADES: ReadonlyArray<
	(file: Record<string, unknown>) => Record<string, unknown>
> = [];

export type EngagementFileError =
	SafeJsonError | FileHeaderError | { code: 'invalid'; problems: Problem[] };

export type EngagementFileResult =
	{ ok: true; file: EngagementFile } | { ok: false; error: EngagementFileError };

export function readEngagementFile(
	text: string,
	locale: Locale,
	byteLength?: number
): EngagementFileResult {
	const parsed = parseJsonSafely(text, byteLength);
	if (!parsed.ok) return parsed;
	const header = readFileHeader(parsed.value, ENGAGEMENT_FILE_KIND, ENGAGEMENT_FILE_VERSION);
	if (!header.ok) return header;
	let data = header.data;
	for (let v = header.version; v < ENGAGEMENT_FILE_VERSION; v++) {
		data = { ...ENGAGEMENT_FILE_UPGRADES[v - 1]!(data), formatVersion: v + 1 };
	}
	data = withCaseCurrency(data);
	const result = engagementFileSchema.safeParse(data, { error: errorMap(locale) });
	if (!result.success)
		return { ok: false, error: { code: 'invalid', problems: problemsFromZod(result.error) } };
	return { ok: true, file: result.data };
}

/**
 * A file written before engagements had a business case gets an empty one in the engagement's
 * own currency (the schema's default cannot see the profile).
 */
function withCaseCurrency(data: Record<string, unknown>): Record<string, unknown> {
	const engagement = data.engagement as { content?: Record<string, unknown> } | undefined;
	const content = engagement?.content;
	if (!content || typeof content !== 'object' || 'businessCase' in content) return data;
	const currency = (content.profile as { currency?: unknown } | undefined)?.currency;
	if (typeof currency !== 'string' || !/^[A-Z]{3}$/.test(currency)) return data;
	return {
		...data,
		engagement: {
			...engagement,
			content: { ...content, businessCase: blankBusinessCase(currency) }
		}
	};
}

export interface EngagementMeta {
	id: string;
	createdAt: number;
	updatedAt: number;
	archived: boolean;
}

export function makeEngagementFile(
	meta: EngagementMeta,
	content: EngagementContent,
	generator: string,
	now: Date
): EngagementFile {
	return {
		kind: ENGAGEMENT_FILE_KIND,
		formatVersion: ENGAGEMENT_FILE_VERSION,
		exportedAt: now.toISOString(),
		generator,
		engagement: {
			id: meta.id,
			createdAt: new Date(meta.createdAt).toISOString(),
			updatedAt: new Date(meta.updatedAt).toISOString(),
			archived: meta.archived,
			content
		}
	};
}

/** A file name that works on every OS: the engagement name, cleaned, plus the date. */
export function exportFileName(name: string, now: Date): string {
	const day = now.toISOString().slice(0, 10);
	return `${safeFileStem(name, 'engagement')}-${day}.crmws.json`;
}
