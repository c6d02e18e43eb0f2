export { default as VotePage } from './VotePage.svelte';
