export { default as BusinessCasePage } from './BusinessCasePage.svelte';
