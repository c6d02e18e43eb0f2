import type { EngagementFileError } from '#lib/domain/formats/engagement-file.ts';
import type { BackupFileError } from '#lib/domain/formats/backup-file.ts';
import type { MessageKey, Params } from '#lib/i18n/i18n.svelte.ts';

type T = (key: MessageKey, params?: Params) => string;

/** 1,000,000: the digit grouping is the same in the three languages. */
const grouped = (n: number) => new Intl.NumberFormat('en-US').format(n);

/** What went wrong with an import file, and how to fix it, in the user's language. */
export function describeImportError(error: EngagementFileError, fileName: string, t: T): string[] {
	switch (error.code) {
		case 'tooLarge':
			return [
				t('import.error.tooLarge', {
					file: fileName,
					size: Math.ceil(error.bytes / 1048576),
					limit: error.limitBytes / 1048576
				})
			];
		case 'notJson':
			return [t('import.error.notJson', { file: fileName })];
		case 'tooDeep':
			return [t('import.error.tooDeep', { file: fileName, limit: error.limit })];
		case 'tooManyItems':
			return [t('import.error.tooManyItems', { file: fileName, limit: grouped(error.limit) })];
		case 'forbiddenKey':
			return [t('import.error.forbiddenKey', { file: fileName, key: error.key, path: error.path })];
		case 'wrongKind':
			return [t('import.error.wrongKind', { file: fileName })];
		case 'badVersion':
			return [t('import.error.badVersion', { file: fileName })];
		case 'newerVersion':
			return [
				t('import.error.newerVersion', {
					file: fileName,
					found: error.found,
					supported: error.supported
				})
			];
		case 'invalid':
			return [
				t('import.error.invalid', { file: fileName }),
				...error.problems.map((p) =>
					t('import.error.problem', { path: p.path, message: p.message })
				)
			];
	}
}

/** What is wrong with a backup file, and how to fix it, in the user's language. */
export function describeBackupError(error: BackupFileError, fileName: string, t: T): string[] {
	switch (error.code) {
		case 'tooLarge':
			return [
				t('restore.error.tooLarge', {
					file: fileName,
					size: Math.ceil(error.bytes / 1048576),
					limit: error.limitBytes / 1048576
				})
			];
		case 'engagementFile':
			return [t('restore.error.engagementFile', { file: fileName })];
		case 'wrongKind':
			return [t('restore.error.wrongKind', { file: fileName })];
		case 'badVersion':
			return [t('restore.error.badVersion', { file: fileName })];
		case 'newerVersion':
			return [
				t('restore.error.newerVersion', {
					file: fileName,
					found: error.found,
					supported: error.supported
				})
			];
		case 'invalid':
			return [
				t('restore.error.invalid', { file: fileName }),
				...error.problems.map((p) =>
					t('import.error.problem', { path: p.path, message: p.message })
				)
			];
		default:
			// Not JSON, nested too deep, or a forbidden key: as for any file.
			return describeImportError(error, fileName, t);
	}
}
