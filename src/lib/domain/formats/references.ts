import type { z } from 'zod';
import type { Locale } from '../locales.ts';
import { zodErrorMap } from './zod-locale.ts';

/**
 * References inside a file (a touchpoint's stage, an edge's nodes, a starter's `ref`s) that name
 * nothing: the problems the file formats add to zod's own, in the three languages.
 */
export type RefProblem =
	| 'unknownSegment'
	| 'unknownItem'
	| 'unknownChannel'
	| 'unknownStage'
	| 'unknownInitiative'
	| 'unknownNode';

const REFERENCE_PROBLEMS: Record<Locale, Record<RefProblem, (ref: string) => string>> = {
	en: {
		unknownSegment: (ref) => `no segment has the ref "${ref}"`,
		unknownItem: (ref) => `no item has the ref "${ref}"`,
		unknownChannel: (ref) => `no channel has the ref "${ref}"`,
		unknownStage: (ref) => `no journey stage has the ref "${ref}"`,
		unknownInitiative: (ref) => `no change-plan initiative has the ref "${ref}"`,
		unknownNode: (ref) => `no workflow node on this side has the ref "${ref}"`
	},
	'zh-CN': {
		unknownSegment: (ref) => `没有 ref 为“${ref}”的客户细分`,
		unknownItem: (ref) => `没有 ref 为“${ref}”的条目`,
		unknownChannel: (ref) => `没有 ref 为“${ref}”的渠道`,
		unknownStage: (ref) => `没有 ref 为“${ref}”的旅程阶段`,
		unknownInitiative: (ref) => `没有 ref 为“${ref}”的变革举措`,
		unknownNode: (ref) => `同一版本的流程图中没有 ref 为“${ref}”的节点`
	},
	'zh-TW': {
		unknownSegment: (ref) => `沒有 ref 為「${ref}」的客戶區隔`,
		unknownItem: (ref) => `沒有 ref 為「${ref}」的項目`,
		unknownChannel: (ref) => `沒有 ref 為「${ref}」的通路`,
		unknownStage: (ref) => `沒有 ref 為「${ref}」的旅程階段`,
		unknownInitiative: (ref) => `沒有 ref 為「${ref}」的變革措施`,
		unknownNode: (ref) => `同一版本的流程圖中沒有 ref 為「${ref}」的節點`
	}
};

/** Zod's messages in the user's language, and ours for a reference that names nothing. */
export function errorMap(locale: Locale): z.core.$ZodErrorMap {
	const zodMap = zodErrorMap(locale);
	return (issue) => {
		const params = (issue as { params?: { problem?: RefProblem; ref?: string } }).params;
		if (issue.code === 'custom' && params?.problem)
			return REFERENCE_PROBLEMS[locale][params.problem](params.ref ?? '');
		return zodMap(issue);
	};
}
