export { EngagementSession } from './session.svelte.ts';
export { getSessionHolder, setSessionHolder } from './context.ts';
export { default as Workspace } from './Workspace.svelte';
export { default as ProfilePage } from './ProfilePage.svelte';
