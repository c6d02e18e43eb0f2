export interface Toast {
	id: number;
	message: string;
	kind: 'info' | 'error';
	action?: { label: string; run: () => void };
}

/** Short notices at the foot of the screen, announced to screen readers. */
class Toasts {
	items = $state<Toast[]>([]);
	#next = 1;

	show(
		message: string,
		options: { kind?: Toast['kind']; action?: Toast['action']; timeoutMs?: number | null } = {}
	) {
		const id = this.#next++;
		this.items.push({ id, message, kind: options.kind ?? 'info', action: options.action });
		// Errors stay until dismissed; notices go after a while (longer when they offer an action).
		const timeout =
			options.timeoutMs ?? (options.kind === 'error' ? null : options.action ? 10_000 : 5_000);
		if (timeout !== null) setTimeout(() => this.dismiss(id), timeout);
		return id;
	}

	dismiss(id: number) {
		this.items = this.items.filter((t) => t.id !== id);
	}
}

export const toasts = new Toasts();
