export { default as SegmentsPage } from './SegmentsPage.svelte';
export { default as ValuePropositionPage } from './ValuePropositionPage.svelte';
export { default as CustomerStrategyPage } from './CustomerStrategyPage.svelte';
export { default as ChangePlanPage } from './ChangePlanPage.svelte';
export { default as SevenSPorterPage } from './SevenSPorterPage.svelte';
export { default as WorkshopPage } from './WorkshopPage.svelte';
export { default as ChannelsPage } from './ChannelsPage.svelte';
