export {
	DISPLAY_NAME_SETTING,
	SyncConnection,
	type Peer,
	type SyncStatus
} from './connection.svelte.ts';
export { default as SharingPage } from './SharingPage.svelte';
export { default as JoinPage } from './JoinPage.svelte';
export { default as SyncBadge } from './SyncBadge.svelte';
export { default as QrCode } from './QrCode.svelte';
export { default as SyncStatusLine } from './SyncStatusLine.svelte';
export { appBase } from './app-base.ts';
export { sharingDefaults, MAX_DISPLAY_NAME } from './actions.ts';
