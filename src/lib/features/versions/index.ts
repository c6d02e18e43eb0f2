export { default as VersionsPage } from './VersionsPage.svelte';
export { default as RemovedEngagementVersions } from './RemovedEngagementVersions.svelte';
