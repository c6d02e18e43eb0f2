import type { CsvLabels } from '#lib/domain/roadmap/exports.ts';
import type { Roadmap, RoadmapTask } from '#lib/domain/roadmap/model.ts';
import { i18n } from '#lib/i18n/i18n.svelte.ts';

/** A task's name as shown: its title, or "Task n" by its row number. */
export function taskName(task: RoadmapTask, tasks: readonly RoadmapTask[]): string {
	return task.title.trim() || i18n.t('roadmap.task.untitled', { n: tasks.indexOf(task) + 1 });
}

/** A phase's name as shown: its title, "Phase n" by its place, or "No phase" for null. */
export function phaseName(roadmap: Roadmap, id: string | null): string {
	const i = roadmap.phases.findIndex((p) => p.id === id);
	if (i < 0) return i18n.t('roadmap.phase.none');
	return roadmap.phases[i]!.title.trim() || i18n.t('roadmap.phase.untitled', { n: i + 1 });
}

/** The words of the CSV export, in the UI language. */
export function exportLabels(): CsvLabels {
	const t = i18n.t;
	return {
		headers: {
			phase: t('roadmap.col.phase'),
			title: t('roadmap.col.title'),
			kind: t('roadmap.col.kind'),
			owner: t('roadmap.col.owner'),
			role: t('roadmap.col.role'),
			start: t('roadmap.col.start'),
			finish: t('roadmap.col.finish'),
			duration: t('roadmap.col.duration'),
			dependsOn: t('roadmap.col.dependsOn'),
			status: t('roadmap.col.status'),
			percent: t('roadmap.col.percent'),
			effort: t('roadmap.col.effort'),
			critical: t('roadmap.col.critical'),
			baselineFinish: t('roadmap.col.baselineFinish'),
			drift: t('roadmap.col.drift')
		},
		task: t('roadmap.kind.task'),
		milestone: t('roadmap.kind.milestone'),
		yes: t('roadmap.yes'),
		no: t('roadmap.no'),
		role: (r) => t(`roadmap.role.${r}`),
		status: (s) => t(`roadmap.status.${s}`),
		untitled: (n) => t('roadmap.task.untitled', { n }),
		unphased: t('roadmap.phase.none')
	};
}
