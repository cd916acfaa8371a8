/** An append-only list that a test can await: "give me the first n entries, or fail after t ms". */
export class AwaitableLog<T> {
	private readonly entries: T[] = [];

	private readonly waiters = new Set<() => void>();

	constructor(private readonly what: string) {}

	push(entry: T): void {
		this.entries.push(entry);
		for (const wake of this.waiters) wake();
	}

	all(): readonly T[] {
		return this.entries;
	}

	async waitFor(count: number, timeoutMs: number): Promise<T[]> {
		if (this.entries.length >= count) return this.entries.slice(0, count);
		return await new Promise<T[]>((resolve, reject) => {
			const wake = () => {
				if (this.entries.length < count) return;
				finish();
				resolve(this.entries.slice(0, count));
			};
			const timer = setTimeout(() => {
				finish();
				reject(new Error(`Waited ${timeoutMs} ms for ${count} ${this.what}, got ${this.entries.length}`));
			}, timeoutMs);
			const finish = () => {
				clearTimeout(timer);
				this.waiters.delete(wake);
			};
			this.waiters.add(wake);
		});
	}
}
