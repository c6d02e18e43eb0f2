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
	| 'unknownNode'
	| 'unknownTemplate'
	| 'unknownParticipant'
	| 'unknownQuestion'
	| 'unknownDimension'
	| 'duplicateId'
	| 'levelsNotConsecutive'
	| 'levelNotOnScale'
	| 'thresholdOrder'
	| 'rangeOrder'
	| 'oneScope'
	| 'naWithoutReason'
	| 'unknownOption'
	| 'oneBaseline'
	| 'rangeAroundOne'
	| 'unknownPhase'
	| 'unknownTask'
	| 'unknownKpi'
	| 'unknownMember'
	| 'unknownCostLine'
	| 'unknownAssessment'
	| 'milestoneDuration'
	| 'dependencyCycle'
	| 'endBeforeStart'
	| 'dateOutOfRange';

const REFERENCE_PROBLEMS: Record<Locale, Record<RefProblem, (ref: string) => string>> = {
	en: {
		unknownSegment: (ref) => `no segment has the ref "${ref}"`,
		unknownItem: (ref) => `no item has the ref "${ref}"`,
		unknownChannel: (ref) => `no channel has the ref "${ref}"`,
		unknownStage: (ref) => `no journey stage has the ref "${ref}"`,
		unknownInitiative: (ref) => `no change-plan initiative has the ref "${ref}"`,
		unknownNode: (ref) => `no workflow node on this side has the ref "${ref}"`,
		unknownTemplate: (ref) =>
			`the assessment model "${ref}" is missing: it must be in assessmentTemplates, or bundled under templates/assessments`,
		unknownParticipant: (ref) => `no participant of this assessment has the id "${ref}"`,
		unknownQuestion: (ref) => `the template has no question with the id "${ref}"`,
		unknownDimension: (ref) => `the template has no dimension with the id "${ref}"`,
		duplicateId: (ref) => `the id "${ref}" is used twice; give each one its own`,
		levelsNotConsecutive: (ref) =>
			`level ${ref} does not follow the one before it; list the levels lowest first, one apart (for example 1, 2, 3, 4, 5)`,
		levelNotOnScale: (ref) => `level ${ref} is not on the template's scale, or is given twice`,
		thresholdOrder: (ref) =>
			`the stage threshold ${ref} is out of order: the first stage starts at the lowest level, and each next one higher, up to the highest level`,
		rangeOrder: (ref) => `max (${ref}) is below min; swap them`,
		oneScope: () => 'a rule needs exactly one of "dimension" or "question"',
		naWithoutReason: () => 'an answer marked not applicable needs a reason',
		unknownOption: (ref) => `no option of the business case has the id "${ref}"`,
		oneBaseline: () => 'only one option can be the do-nothing baseline',
		rangeAroundOne: () =>
			'the range must hold the likely value: low at most 1 (100 %) and high at least 1',
		unknownPhase: (ref) => `no roadmap phase has the id "${ref}"`,
		unknownTask: (ref) => `no roadmap task has the id "${ref}"`,
		unknownKpi: (ref) => `no phase KPI has the ref "${ref}"`,
		unknownMember: (ref) => `no one in the engagement team has the id "${ref}"`,
		unknownCostLine: (ref) => `no cost line of the business case has the id "${ref}"`,
		unknownAssessment: (ref) => `no assessment run has the id "${ref}"`,
		milestoneDuration: () => 'a milestone takes no time: set its duration to 0',
		dependencyCycle: (ref) =>
			`these tasks wait for each other in a loop, so none could ever start: ${ref}; remove one of the dependencies`,
		endBeforeStart: (ref) => `the end (${ref}) comes before the start; correct one of the dates`,
		dateOutOfRange: () => 'a roadmap date must fall between the years 1900 and 2199'
	},
	'zh-CN': {
		unknownSegment: (ref) => `没有 ref 为“${ref}”的客户细分`,
		unknownItem: (ref) => `没有 ref 为“${ref}”的条目`,
		unknownChannel: (ref) => `没有 ref 为“${ref}”的渠道`,
		unknownStage: (ref) => `没有 ref 为“${ref}”的旅程阶段`,
		unknownInitiative: (ref) => `没有 ref 为“${ref}”的变革举措`,
		unknownNode: (ref) => `同一版本的流程图中没有 ref 为“${ref}”的节点`,
		unknownTemplate: (ref) =>
			`缺少评估模型“${ref}”：它必须在 assessmentTemplates 中，或随应用放在 templates/assessments 下`,
		unknownParticipant: (ref) => `这次评估没有 id 为“${ref}”的参与者`,
		unknownQuestion: (ref) => `模板中没有 id 为“${ref}”的问题`,
		unknownDimension: (ref) => `模板中没有 id 为“${ref}”的维度`,
		duplicateId: (ref) => `id“${ref}”出现了两次，请给每一项单独的 id`,
		levelsNotConsecutive: (ref) =>
			`等级 ${ref} 没有紧接上一级；请从最低级开始依次列出，每级相差 1（例如 1、2、3、4、5）`,
		levelNotOnScale: (ref) => `等级 ${ref} 不在模板的等级量表上，或者重复出现`,
		thresholdOrder: (ref) =>
			`阶段门槛 ${ref} 的顺序不对：第一个阶段从最低等级开始，之后每个阶段依次更高，且不超过最高等级`,
		rangeOrder: (ref) => `max（${ref}）小于 min，请把两者对调`,
		oneScope: () => '每条规则必须且只能指定 "dimension" 或 "question" 其中之一',
		naWithoutReason: () => '标为“不适用”的回答需要填写原因',
		unknownOption: (ref) => `商业论证中没有 id 为“${ref}”的方案`,
		oneBaseline: () => '只能有一个方案作为“维持现状”基准',
		rangeAroundOne: () => '区间必须包含最可能值：低值不超过 1（100%），高值不低于 1',
		unknownPhase: (ref) => `路线图中没有 id 为“${ref}”的阶段`,
		unknownTask: (ref) => `路线图中没有 id 为“${ref}”的任务`,
		unknownKpi: (ref) => `没有 ref 为“${ref}”的阶段 KPI`,
		unknownMember: (ref) => `项目团队中没有 id 为“${ref}”的成员`,
		unknownCostLine: (ref) => `商业论证中没有 id 为“${ref}”的成本项`,
		unknownAssessment: (ref) => `没有 id 为“${ref}”的评估`,
		milestoneDuration: () => '里程碑不占用工期，请把工期设为 0',
		dependencyCycle: (ref) =>
			`这些任务互相等待，形成循环，哪一个都无法开始：${ref}；请删除其中一条依赖`,
		endBeforeStart: (ref) => `结束日期（${ref}）早于开始日期，请更正其中一个日期`,
		dateOutOfRange: () => '路线图中的日期必须在 1900 年至 2199 年之间'
	},
	'zh-TW': {
		unknownSegment: (ref) => `沒有 ref 為「${ref}」的客戶區隔`,
		unknownItem: (ref) => `沒有 ref 為「${ref}」的項目`,
		unknownChannel: (ref) => `沒有 ref 為「${ref}」的通路`,
		unknownStage: (ref) => `沒有 ref 為「${ref}」的旅程階段`,
		unknownInitiative: (ref) => `沒有 ref 為「${ref}」的變革措施`,
		unknownNode: (ref) => `同一版本的流程圖中沒有 ref 為「${ref}」的節點`,
		unknownTemplate: (ref) =>
			`缺少評估模型「${ref}」：它必須列在 assessmentTemplates 中，或隨應用程式放在 templates/assessments 下`,
		unknownParticipant: (ref) => `這次評估沒有 id 為「${ref}」的參與者`,
		unknownQuestion: (ref) => `範本中沒有 id 為「${ref}」的題目`,
		unknownDimension: (ref) => `範本中沒有 id 為「${ref}」的構面`,
		duplicateId: (ref) => `id「${ref}」出現了兩次，請為每一項設定各自的 id`,
		levelsNotConsecutive: (ref) =>
			`等級 ${ref} 沒有緊接上一級；請由最低級開始依序列出，每級相差 1（例如 1、2、3、4、5）`,
		levelNotOnScale: (ref) => `等級 ${ref} 不在範本的等級量尺上，或是重複出現`,
		thresholdOrder: (ref) =>
			`階段門檻 ${ref} 的順序有誤：第一個階段從最低等級開始，之後每個階段依序更高，且不超過最高等級`,
		rangeOrder: (ref) => `max（${ref}）小於 min，請將兩者對調`,
		oneScope: () => '每條規則必須且只能指定 "dimension" 或 "question" 其中之一',
		naWithoutReason: () => '標為「不適用」的回答需要填寫原因',
		unknownOption: (ref) => `商業論證中沒有 id 為「${ref}」的方案`,
		oneBaseline: () => '只能有一個方案作為「維持現狀」基準',
		rangeAroundOne: () => '區間必須包含最可能值：低值不超過 1（100%），高值不低於 1',
		unknownPhase: (ref) => `路線圖中沒有 id 為「${ref}」的階段`,
		unknownTask: (ref) => `路線圖中沒有 id 為「${ref}」的任務`,
		unknownKpi: (ref) => `沒有 ref 為「${ref}」的階段 KPI`,
		unknownMember: (ref) => `專案團隊中沒有 id 為「${ref}」的成員`,
		unknownCostLine: (ref) => `商業論證中沒有 id 為「${ref}」的成本項目`,
		unknownAssessment: (ref) => `沒有 id 為「${ref}」的評估`,
		milestoneDuration: () => '里程碑不佔用工期，請把工期設為 0',
		dependencyCycle: (ref) =>
			`這些任務互相等待，形成循環，哪一個都無法開始：${ref}；請刪除其中一條相依關係`,
		endBeforeStart: (ref) => `結束日期（${ref}）早於開始日期，請更正其中一個日期`,
		dateOutOfRange: () => '路線圖中的日期必須介於 1900 年至 2199 年之間'
	}
};

/** One of our problems, said in the user's language. */
export function refProblemMessage(locale: Locale, problem: RefProblem, ref: string): string {
	return REFERENCE_PROBLEMS[locale][problem](ref);
}

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
