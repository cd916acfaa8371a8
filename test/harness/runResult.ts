import type { ExecutionBaseError, INodeExecutionData, IRun, IRunData } from 'n8n-workflow';

export interface WorkflowRunResult {
	run: IRun;
	runData: IRunData;
	/** Items a node sent out of `outputIndex` in its run `runIndex`; [] if it did not run. */
	outputOf(nodeName: string, outputIndex?: number, runIndex?: number): INodeExecutionData[];
	/** The error a node failed with (the real NodeApiError/NodeOperationError object). */
	errorOf(nodeName: string, runIndex?: number): ExecutionBaseError | undefined;
	/** The error that stopped the workflow, if any. */
	error?: ExecutionBaseError;
}

let executionCounter = 0;

export function nextExecutionId(): string {
	return String(++executionCounter);
}

/**
 * What nodes threw, by execution and node. The engine keeps only `{ ...error }` in runData,
 * which loses the class and getters; tests want the object the node really threw.
 */
export class ThrownErrors {
	private readonly errors = new Map<string, unknown>();

	record(executionId: string, nodeName: string, error: unknown): void {
		this.errors.set(`${executionId}\0${nodeName}`, error);
	}

	original<T>(executionId: string, nodeName: string | undefined, stored: T): T {
		const key = `${executionId}\0${nodeName}`;
		return stored && nodeName && this.errors.has(key) ? (this.errors.get(key) as T) : stored;
	}
}

export function describeRun(run: IRun, executionId: string, thrown: ThrownErrors): WorkflowRunResult {
	const { runData, error, lastNodeExecuted } = run.data.resultData;
	return {
		run,
		runData,
		error: thrown.original(executionId, lastNodeExecuted, error),
		outputOf: (nodeName, outputIndex = 0, runIndex = 0) =>
			runData[nodeName]?.[runIndex]?.data?.main?.[outputIndex] ?? [],
		errorOf: (nodeName, runIndex = 0) =>
			thrown.original(executionId, nodeName, runData[nodeName]?.[runIndex]?.error),
	};
}
