export { default as AssessmentsPage } from './AssessmentsPage.svelte';
export { default as RunPage } from './RunPage.svelte';
export { default as FacilitatorPage } from './FacilitatorPage.svelte';
export { default as ResultsPage } from './ResultsPage.svelte';
export { default as VoteHostPage } from './VoteHostPage.svelte';
