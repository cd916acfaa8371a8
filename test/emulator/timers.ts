/** Every pending timer of the emulator, so that reset and close leave nothing running. */
export class Timers {
	private readonly pending = new Set<NodeJS.Timeout>();

	after(delayMs: number, run: () => void): NodeJS.Timeout | undefined {
		if (!Number.isFinite(delayMs)) return undefined;
		const handle = setTimeout(() => {
			this.pending.delete(handle);
			run();
		}, Math.max(0, delayMs));
		this.pending.add(handle);
		return handle;
	}

	cancel(handle: NodeJS.Timeout | undefined): void {
		if (!handle) return;
		clearTimeout(handle);
		this.pending.delete(handle);
	}

	cancelAll(): void {
		for (const handle of this.pending) clearTimeout(handle);
		this.pending.clear();
	}
}
