import { createContext } from 'svelte';
import type { EngagementSession } from './session.svelte.ts';

/** The open engagement, for the pages inside the engagement layout. */
export const [getSessionHolder, setSessionHolder] = createContext<{
	session: EngagementSession | null;
}>();
