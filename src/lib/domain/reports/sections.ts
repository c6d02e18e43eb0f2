import type { PdfNode } from './blocks.ts';
import type { ReportContext } from './context.ts';
import type { SectionId } from './model.ts';

/**
 * A section of a report: its content, or `null` when its area holds nothing to report (a
 * section with no data is left out, not printed empty). Each builder starts with an `h1`.
 */
export type SectionBuilder = (ctx: ReportContext) => PdfNode[] | null;

export type SectionRegistry = Partial<Record<SectionId, SectionBuilder>>;
