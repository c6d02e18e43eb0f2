export { app } from './app.svelte.ts';
export { attempt, describeError, isStorageFull, noticeWriteFailure } from './errors.ts';
export { default as LanguageSwitcher } from './LanguageSwitcher.svelte';
export { default as DataNotices } from './DataNotices.svelte';
export { rawExportFile } from './raw-export.ts';
