import { resolve } from '$app/paths';

/** Where this app is served (origin and base path, no trailing slash), for links other devices open. */
export function appBase(): string {
	return `${location.origin}${resolve('/')}`.replace(/\/+$/, '');
}
