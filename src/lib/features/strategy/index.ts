export { default as SegmentsPage } from './SegmentsPage.svelte';
export { default as ValuePropositionPage } from './ValuePropositionPage.svelte';
