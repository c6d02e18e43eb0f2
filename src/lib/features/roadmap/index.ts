export { default as RoadmapPage } from './RoadmapPage.svelte';
