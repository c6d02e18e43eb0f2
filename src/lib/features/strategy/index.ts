export { default as SegmentsPage } from './SegmentsPage.svelte';
