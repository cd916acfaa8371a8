/**
 * Upload benchmark: our node's streamed upload (ContentGroove → Media → Upload, run in n8n-core's
 * engine with filesystem binary data) against `curl -T` of the same bytes to the same emulator,
 * alternated run by run. See bench/README.md.
 *
 *   npx tsx bench/upload.ts [--size-mib N] [--runs R]        (npm run bench:upload -- …)
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import diagnosticsChannel from 'node:diagnostics_channel';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, statfsSync, writeFileSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { constants as perfConstants, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { parseArgs } from 'node:util';

import type { ClientRequest } from 'node:http';
import type { IBinaryData } from 'n8n-workflow';

import { EmulatorControl } from '../test/emulator/client';
import {
	CONTENTGROOVE_TYPE,
	MANUAL_TRIGGER_TYPE,
	removeBinaryDataStorage,
	runWorkflow,
	withOurNodes,
	type NodeTypeMap,
	type WorkflowNodeJson,
} from '../test/harness';
import { BenchFile, BENCH_FILE_TYPE } from './benchNodes';
import type { EmulatorAddress } from './emulatorProcess';

const MiB = 1024 * 1024;
const SAMPLE_INTERVAL_MS = 50;

// ---------------------------------------------------------------------------------------------
// Options

interface Options {
	sizeMiB: number;
	smallSizeMiB: number;
	runs: number;
	outDir: string;
}

function readOptions(): Options {
	const { values } = parseArgs({
		options: {
			'size-mib': { type: 'string', default: '1024' },
			'small-size-mib': { type: 'string' },
			runs: { type: 'string', default: '3' },
			'out-dir': { type: 'string', default: path.join(__dirname, 'results') },
		},
	});
	const sizeMiB = positiveInteger('--size-mib', values['size-mib'] as string);
	const smallSizeMiB = positiveInteger('--small-size-mib', values['small-size-mib'] ?? String(Math.max(1, Math.floor(sizeMiB / 4))));
	const runs = positiveInteger('--runs', values.runs as string);
	if (sizeMiB * MiB > 5 * 1024 ** 3) throw new Error('--size-mib: the upload host accepts at most 5 GiB (5120 MiB)');
	if (smallSizeMiB >= sizeMiB) throw new Error('--small-size-mib must be smaller than --size-mib');
	return { sizeMiB, smallSizeMiB, runs, outDir: values['out-dir'] as string };
}

function positiveInteger(name: string, value: string): number {
	const parsed = Number(value);
	if (!Number.isInteger(parsed) || parsed < 1) throw new Error(`${name} must be a positive integer, got "${value}"`);
	return parsed;
}

// ---------------------------------------------------------------------------------------------
// Resources to clean up, whatever happens

const cleanups: Array<() => Promise<void> | void> = [];

async function cleanUp(): Promise<void> {
	while (cleanups.length) {
		try {
			await cleanups.pop()?.();
		} catch (error) {
			console.error('cleanup failed:', error);
		}
	}
}

// ---------------------------------------------------------------------------------------------
// Emulator in a child process

async function startEmulatorProcess(): Promise<{ address: EmulatorAddress; child: ChildProcess }> {
	const child = fork(path.join(__dirname, 'emulatorProcess.ts'), [], {
		execArgv: ['--import', 'tsx'],
		stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
	});
	cleanups.push(() => stopChild(child));
	const address = await new Promise<EmulatorAddress>((resolve, reject) => {
		child.once('message', (message) => resolve(message as EmulatorAddress));
		child.once('exit', (code) => reject(new Error(`The emulator process exited early (code ${code})`)));
		child.once('error', reject);
	});
	return { address, child };
}

async function stopChild(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	if (child.connected) child.send('close');
	const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
	await exited;
	clearTimeout(timer);
}

// ---------------------------------------------------------------------------------------------
// Files

interface PreparedFile {
	sizeMiB: number;
	bytes: number;
	path: string;
	sha256: string;
	/** The same bytes in n8n's filesystem binary storage, as a previous node left them. */
	stored: IBinaryData;
}

/** N MiB of incompressible, non-sparse bytes: one random MiB written again and again. */
function writeFile(filePath: string, sizeMiB: number): string {
	const block = randomBytes(MiB);
	const blocksPerWrite = 16;
	const big = Buffer.concat(Array.from({ length: blocksPerWrite }, () => block));
	const hash = createHash('sha256');
	const fd = openSync(filePath, 'w');
	try {
		for (let written = 0; written < sizeMiB; ) {
			const count = Math.min(blocksPerWrite, sizeMiB - written);
			const buffer = count === blocksPerWrite ? big : big.subarray(0, count * MiB);
			for (let offset = 0; offset < buffer.length; ) offset += writeSync(fd, buffer, offset);
			for (let i = 0; i < count; i++) hash.update(block);
			written += count;
		}
	} finally {
		closeSync(fd);
	}
	return hash.digest('hex');
}

async function prepareFile(dir: string, sizeMiB: number, nodeTypes: NodeTypeMap): Promise<PreparedFile> {
	const filePath = path.join(dir, `video-${sizeMiB}MiB.mp4`);
	const sha256 = writeFile(filePath, sizeMiB);
	const result = await runWorkflow({
		nodes: [
			{ name: 'Start', type: MANUAL_TRIGGER_TYPE, parameters: {} },
			{ name: 'File', type: BENCH_FILE_TYPE, parameters: { path: filePath, fileName: `video-${sizeMiB}MiB.mp4` } },
		],
		nodeTypes,
		binaryDataMode: 'filesystem',
	});
	if (result.error) throw result.error;
	const stored = result.outputOf('File')[0]?.binary?.data;
	if (!stored?.id) throw new Error('Preparing the file did not store it in filesystem binary mode');
	return { sizeMiB, bytes: sizeMiB * MiB, path: filePath, sha256, stored };
}

// ---------------------------------------------------------------------------------------------
// Measurements

interface MemoryPeaks {
	rssBefore: number;
	/** V8 heap in use before the run: what every full GC has to walk. */
	heapUsedBefore: number;
	peakRssDelta: number;
	/** Absolute peak: the delta alone hides pages malloc kept from earlier runs and reuses. */
	peakRss: number;
	peakArrayBuffersDelta: number;
	peakExternalDelta: number;
	samples: number;
}

/**
 * Samples this process's memory every 50 ms; deltas are against the values just before the run.
 * No forced `gc()` first: after one, V8 ran a full mark-compact every ~20 MiB of upload (45+ per
 * GiB, see README), which measured the benchmark's own artefact rather than the node.
 */
function startMemorySampler(): { stop(): MemoryPeaks } {
	const before = process.memoryUsage();
	const peak = { rss: before.rss, arrayBuffers: before.arrayBuffers, external: before.external };
	let samples = 0;
	const sample = (): void => {
		const now = process.memoryUsage();
		samples++;
		peak.rss = Math.max(peak.rss, now.rss);
		peak.arrayBuffers = Math.max(peak.arrayBuffers, now.arrayBuffers);
		peak.external = Math.max(peak.external, now.external);
	};
	const timer = setInterval(sample, SAMPLE_INTERVAL_MS);
	return {
		stop() {
			clearInterval(timer);
			sample();
			return {
				rssBefore: before.rss,
				heapUsedBefore: before.heapUsed,
				peakRssDelta: peak.rss - before.rss,
				peakRss: peak.rss,
				peakArrayBuffersDelta: peak.arrayBuffers - before.arrayBuffers,
				peakExternalDelta: peak.external - before.external,
				samples,
			};
		},
	};
}

/**
 * When our node's PUT got its response, in wall-clock ms. The emulator answers only once every byte
 * has arrived, so this is the end of the upload. (Node 20 publishes `http.client.request.start`
 * only when the body has been written, so the start comes from the emulator's request log.)
 */
class PutResponseClock {
	private at?: number;

	constructor() {
		diagnosticsChannel.subscribe('http.client.response.finish', (message) => {
			const { request } = message as { request: ClientRequest };
			if (request.method === 'PUT' && request.path.startsWith('/uploads/')) this.at = performance.timeOrigin + performance.now();
		});
	}

	reset(): void {
		this.at = undefined;
	}

	/** Seconds from the emulator receiving the PUT's headers to our process receiving its response. */
	async putSeconds(control: EmulatorControl): Promise<number> {
		const puts = (await control.requests()).filter((request) => request.host === 'upload' && request.method === 'PUT');
		if (puts.length !== 1 || this.at === undefined) throw new Error(`Expected one PUT to the upload host, saw ${puts.length}`);
		return (this.at - Date.parse(puts[0].at)) / 1000;
	}
}

interface GcActivity {
	/** Mark-compact collections (full GCs: they walk the whole heap, whose size n8n sets). */
	major: number;
	/** Scavenges of the young generation. */
	minor: number;
	/** Sum of the GC pauses V8 reported (incremental marking steps come on top). */
	pauseMs: number;
}

/** Counts this process's garbage collections from now until `stop()`. */
function startGcObserver(): { stop(): Promise<GcActivity> } {
	const entries: PerformanceEntry[] = [];
	const observer = new PerformanceObserver((list) => entries.push(...list.getEntries()));
	observer.observe({ entryTypes: ['gc'] });
	return {
		async stop() {
			// GC entries are delivered asynchronously: let the last ones arrive.
			await new Promise((resolve) => setTimeout(resolve, 20));
			observer.disconnect();
			const kind = (entry: PerformanceEntry) => (entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind;
			return {
				major: entries.filter((entry) => kind(entry) === perfConstants.NODE_PERFORMANCE_GC_MAJOR).length,
				minor: entries.filter((entry) => kind(entry) === perfConstants.NODE_PERFORMANCE_GC_MINOR).length,
				pauseMs: entries.reduce((sum, entry) => sum + entry.duration, 0),
			};
		},
	};
}

interface RunSample {
	run: number;
	sizeMiB: number;
	uploader: 'curl' | 'ours';
	/** curl: the child process, spawn to exit. ours: the PUT alone. */
	seconds: number;
	mibPerSecond: number;
	/** ours: the whole workflow run (GET direct_uploads, PUT, POST medias, engine). */
	nodeRunSeconds?: number;
	memory?: MemoryPeaks;
	gc?: GcActivity;
	/** curl's own `%{speed_upload}`, as a cross-check of the process timing. */
	curlReportedMibPerSecond?: number;
	/** CPU time (user + system): curl's process (GNU time), or this whole process during the node run. */
	cpuSeconds?: number;
	curlMaxRssMiB?: number;
}

async function checkUpload(control: EmulatorControl, file: PreparedFile, who: string): Promise<void> {
	const uploads = (await control.uploads()).filter((blob) => blob.uploaded);
	if (uploads.length !== 1 || uploads[0].bytes !== file.bytes || uploads[0].sha256 !== file.sha256) {
		throw new Error(`${who}: the emulator recorded ${JSON.stringify(uploads.map(({ bytes, sha256 }) => ({ bytes, sha256 })))}, expected ${file.bytes} bytes with sha256 ${file.sha256}`);
	}
}

async function freshUploadUrl(address: EmulatorAddress): Promise<string> {
	const response = await fetch(`${address.url}/api/v1/direct_uploads`, { headers: { Authorization: `Bearer ${address.apiKey}` } });
	if (!response.ok) throw new Error(`GET /api/v1/direct_uploads answered ${response.status}`);
	const document = (await response.json()) as { data: { attributes: { upload_url: string } } };
	return document.data.attributes.upload_url;
}

const curlArgs = (file: string, url: string): string[] => ['-sS', '-T', file, '-o', '/dev/null', '-w', '%{http_code} %{speed_upload}', url];

/** GNU time, when installed, reports curl's CPU time and peak RSS; the timing itself stays ours. */
const GNU_TIME = '/usr/bin/time';
const hasGnuTime = existsSync(GNU_TIME);

interface CurlRun {
	seconds: number;
	stdout: string;
	cpuSeconds?: number;
	maxRssMiB?: number;
}

function runCurl(args: string[], timeFile: string): Promise<CurlRun> {
	return new Promise((resolve, reject) => {
		const [command, commandArgs] = hasGnuTime
			? [GNU_TIME, ['-f', '%U %S %M', '-o', timeFile, 'curl', ...args]]
			: ['curl', args];
		const started = process.hrtime.bigint();
		const child = spawn(command, commandArgs, { stdio: ['ignore', 'pipe', 'inherit'] });
		cleanups.push(() => void (child.exitCode === null && child.kill('SIGKILL')));
		let stdout = '';
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
		child.once('error', reject);
		child.once('close', (code) => {
			const seconds = Number(process.hrtime.bigint() - started) / 1e9;
			if (code !== 0) return reject(new Error(`curl exited with ${code}`));
			if (!hasGnuTime) return resolve({ seconds, stdout });
			const [user, system, maxRssKiB] = readFileSync(timeFile, 'utf8').trim().split(/\s+/).map(Number);
			resolve({ seconds, stdout, cpuSeconds: user + system, maxRssMiB: maxRssKiB / 1024 });
		});
	});
}

async function measureCurl(address: EmulatorAddress, control: EmulatorControl, file: PreparedFile, run: number): Promise<RunSample> {
	await control.reset();
	const url = await freshUploadUrl(address);
	const { seconds, stdout, cpuSeconds, maxRssMiB } = await runCurl(curlArgs(file.path, url), `${file.path}.time`);
	const [status, speed] = stdout.trim().split(' ');
	if (status !== '200') throw new Error(`curl: the upload host answered ${status}`);
	await checkUpload(control, file, 'curl');
	return {
		run,
		sizeMiB: file.sizeMiB,
		uploader: 'curl',
		seconds,
		mibPerSecond: file.sizeMiB / seconds,
		curlReportedMibPerSecond: Number(speed) / MiB,
		cpuSeconds,
		curlMaxRssMiB: maxRssMiB,
	};
}

async function measureOurs(
	address: EmulatorAddress,
	control: EmulatorControl,
	file: PreparedFile,
	run: number,
	nodeTypes: NodeTypeMap,
	putClock: PutResponseClock,
): Promise<RunSample> {
	await control.reset();
	putClock.reset();
	const nodes: WorkflowNodeJson[] = [
		{ name: 'Start', type: MANUAL_TRIGGER_TYPE, parameters: {} },
		{ name: 'File', type: BENCH_FILE_TYPE, parameters: { stored: JSON.stringify(file.stored) } },
		{
			name: 'ContentGroove',
			type: CONTENTGROOVE_TYPE,
			parameters: { resource: 'media', operation: 'upload', binaryPropertyName: 'data' },
			credentials: { contentGrooveApi: { id: '1', name: 'ContentGroove account' } },
		},
	];
	const sampler = startMemorySampler();
	const gcObserver = startGcObserver();
	const cpuBefore = process.cpuUsage();
	const started = process.hrtime.bigint();
	const result = await runWorkflow({
		nodes,
		nodeTypes,
		binaryDataMode: 'filesystem',
		credentials: { contentGrooveApi: { apiKey: address.apiKey, baseUrl: address.url } },
	});
	const nodeRunSeconds = Number(process.hrtime.bigint() - started) / 1e9;
	const cpu = process.cpuUsage(cpuBefore);
	const memory = sampler.stop();
	const gc = await gcObserver.stop();
	if (result.error) throw result.error;
	await checkUpload(control, file, 'ours');
	const seconds = await putClock.putSeconds(control);
	return { run, sizeMiB: file.sizeMiB, uploader: 'ours', seconds, mibPerSecond: file.sizeMiB / seconds, nodeRunSeconds, memory, gc, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
}

// ---------------------------------------------------------------------------------------------
// Summary

const median = (values: number[]): number => {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

interface Summary {
	sizeMiB: number;
	uploader: 'curl' | 'ours';
	medianSeconds: number;
	minSeconds: number;
	medianMibPerSecond: number;
	bestMibPerSecond: number;
	medianNodeRunSeconds?: number;
	/** CPU seconds per GiB uploaded: far less sensitive than wall-clock to what else the machine runs. */
	medianCpuSecondsPerGiB?: number;
	medianPeakRssDeltaMiB?: number;
	maxPeakRssDeltaMiB?: number;
	maxPeakRssMiB?: number;
	maxPeakArrayBuffersDeltaMiB?: number;
	maxPeakExternalDeltaMiB?: number;
	medianMajorGcs?: number;
	medianHeapUsedBeforeMiB?: number;
	medianGcPauseMs?: number;
}

function summarize(samples: RunSample[], sizeMiB: number, uploader: 'curl' | 'ours'): Summary {
	const mine = samples.filter((sample) => sample.sizeMiB === sizeMiB && sample.uploader === uploader);
	const seconds = mine.map((sample) => sample.seconds);
	const summary: Summary = {
		sizeMiB,
		uploader,
		medianSeconds: median(seconds),
		minSeconds: Math.min(...seconds),
		medianMibPerSecond: sizeMiB / median(seconds),
		bestMibPerSecond: sizeMiB / Math.min(...seconds),
	};
	const cpu = mine.flatMap((sample) => (sample.cpuSeconds === undefined ? [] : [sample.cpuSeconds / (sizeMiB / 1024)]));
	if (cpu.length) summary.medianCpuSecondsPerGiB = median(cpu);
	if (uploader === 'ours') {
		const memory = mine.map((sample) => sample.memory as MemoryPeaks);
		summary.medianNodeRunSeconds = median(mine.map((sample) => sample.nodeRunSeconds as number));
		summary.medianPeakRssDeltaMiB = median(memory.map((m) => m.peakRssDelta)) / MiB;
		summary.maxPeakRssDeltaMiB = Math.max(...memory.map((m) => m.peakRssDelta)) / MiB;
		summary.maxPeakRssMiB = Math.max(...memory.map((m) => m.peakRss)) / MiB;
		summary.maxPeakArrayBuffersDeltaMiB = Math.max(...memory.map((m) => m.peakArrayBuffersDelta)) / MiB;
		summary.maxPeakExternalDeltaMiB = Math.max(...memory.map((m) => m.peakExternalDelta)) / MiB;
		summary.medianHeapUsedBeforeMiB = median(memory.map((m) => m.heapUsedBefore)) / MiB;
		summary.medianMajorGcs = median(mine.map((sample) => (sample.gc as GcActivity).major));
		summary.medianGcPauseMs = median(mine.map((sample) => (sample.gc as GcActivity).pauseMs));
	}
	return summary;
}

const fixed = (value: number | undefined, digits = 1): string => (value === undefined ? '–' : value.toFixed(digits));

function markdownTable(summaries: Summary[]): string {
	const lines = [
		'| size (MiB) | uploader | median MiB/s | best MiB/s | median s | min s | ours/curl (median) | ours/curl (best) | node run median s | peak RSS Δ median / max (MiB) | peak arrayBuffers Δ max (MiB) | full GCs (median) | CPU s/GiB (median) |',
		'| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
	];
	for (const summary of summaries) {
		const curl = summaries.find((other) => other.sizeMiB === summary.sizeMiB && other.uploader === 'curl');
		const ours = summary.uploader === 'ours' && curl;
		lines.push(
			`| ${summary.sizeMiB} | ${summary.uploader === 'ours' ? 'ours (PUT)' : 'curl -T'} | ${fixed(summary.medianMibPerSecond)} | ${fixed(summary.bestMibPerSecond)} | ${fixed(summary.medianSeconds, 3)} | ${fixed(summary.minSeconds, 3)} | ${ours ? fixed(summary.medianMibPerSecond / curl.medianMibPerSecond, 2) : ''} | ${ours ? fixed(summary.bestMibPerSecond / curl.bestMibPerSecond, 2) : ''} | ${fixed(summary.medianNodeRunSeconds, 3)} | ${summary.uploader === 'ours' ? `${fixed(summary.medianPeakRssDeltaMiB)} / ${fixed(summary.maxPeakRssDeltaMiB)}` : ''} | ${fixed(summary.maxPeakArrayBuffersDeltaMiB)} | ${fixed(summary.medianMajorGcs, 0)} | ${fixed(summary.medianCpuSecondsPerGiB, 2)} |`,
		);
	}
	return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
	const options = readOptions();
	const command = `npx tsx bench/upload.ts --size-mib ${options.sizeMiB} --small-size-mib ${options.smallSizeMiB} --runs ${options.runs}`;
	const sizes = [options.sizeMiB, options.smallSizeMiB];

	const tempDir = mkdtempSync(path.join(os.tmpdir(), 'cg-bench-upload-'));
	cleanups.push(() => rmSync(tempDir, { recursive: true, force: true }));
	cleanups.push(() => removeBinaryDataStorage());
	const free = statfsSync(tempDir);
	const needed = 2 * (options.sizeMiB + options.smallSizeMiB) * MiB + 512 * MiB;
	if (free.bavail * free.bsize < needed) throw new Error(`Not enough free space in ${os.tmpdir()}: need ${Math.ceil(needed / MiB)} MiB`);

	const { address } = await startEmulatorProcess();
	const control = new EmulatorControl(address.url);
	const nodeTypes: NodeTypeMap = { ...(await withOurNodes()), [BENCH_FILE_TYPE]: new BenchFile() };
	const putClock = new PutResponseClock();

	console.error(`Preparing ${sizes.join(' and ')} MiB files in ${tempDir} and n8n's filesystem binary storage…`);
	const files: PreparedFile[] = [];
	for (const sizeMiB of sizes) files.push(await prepareFile(tempDir, sizeMiB, nodeTypes));

	// Warm-up (not recorded): loads n8n-core's lazy modules and JIT-compiles the upload path.
	const smallest = files[files.length - 1];
	await measureCurl(address, control, smallest, 0);
	await measureOurs(address, control, smallest, 0, nodeTypes, putClock);

	const samples: RunSample[] = [];
	for (let run = 1; run <= options.runs; run++) {
		for (const file of files) {
			for (const uploader of ['curl', 'ours'] as const) {
				const sample = uploader === 'curl'
					? await measureCurl(address, control, file, run)
					: await measureOurs(address, control, file, run, nodeTypes, putClock);
				samples.push(sample);
				const memory = sample.memory ? `, peak RSS Δ ${fixed(sample.memory.peakRssDelta / MiB)} MiB, node run ${fixed(sample.nodeRunSeconds, 3)} s, ${sample.gc?.major} full GCs` : '';
				console.error(`run ${run} ${file.sizeMiB} MiB ${uploader}: ${fixed(sample.seconds, 3)} s, ${fixed(sample.mibPerSecond)} MiB/s${memory}`);
			}
		}
	}

	const summaries = sizes.flatMap((sizeMiB) => [summarize(samples, sizeMiB, 'curl'), summarize(samples, sizeMiB, 'ours')]);
	const table = markdownTable(summaries);
	const curlCommand = `curl ${curlArgs('<file>', "'<presigned upload_url>'").join(' ')}`;
	const ours = summaries.filter((summary) => summary.uploader === 'ours');
	const curlRss = samples.flatMap((sample) => (sample.curlMaxRssMiB === undefined ? [] : [sample.curlMaxRssMiB]));
	const notes = [
		`ours: the PUT, from the emulator receiving its headers to our process receiving the response; curl: the process, spawn to exit.`,
		`CPU: curl's process (GNU time) vs this whole process during the node run (n8n engine, API calls, V8's GC threads).`,
		`This process's peak RSS during our runs: ${ours.map((s) => `${fixed(s.maxPeakRssMiB)} MiB at ${s.sizeMiB} MiB`).join(', ')}; V8 heap in use before them: ${ours.map((s) => `${fixed(s.medianHeapUsedBeforeMiB)} MiB`).join(', ')}.`,
		...(curlRss.length ? [`curl's own peak RSS: ${fixed(Math.max(...curlRss))} MiB.`] : []),
	];
	console.log(`\n${table}\n\n${notes.join('\n')}\n\nCommand: ${command}\nBaseline: ${curlCommand}\n`);

	const date = new Date().toISOString();
	const report = {
		date,
		command,
		curlCommand,
		machine: {
			cpus: os.cpus().length,
			cpuModel: os.cpus()[0]?.model,
			totalMemoryMiB: Math.round(os.totalmem() / MiB),
			node: process.version,
			platform: `${os.platform()} ${os.release()}`,
		},
		options: { sizeMiB: options.sizeMiB, smallSizeMiB: options.smallSizeMiB, runs: options.runs },
		summaries,
		samples,
	};
	mkdirSync(options.outDir, { recursive: true });
	const outFile = path.join(options.outDir, `upload-${date.replace(/:/g, '-').replace(/\.\d+Z$/, 'Z')}.json`);
	writeFileSync(outFile, `${JSON.stringify(report, null, '\t')}\n`);
	console.log(`Results: ${path.relative(process.cwd(), outFile)}`);
}

let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.once(signal, () => {
		interrupted = true;
		void cleanUp().then(() => process.exit(130));
	});
}

main()
	.catch((error: Error) => {
		if (!interrupted) console.error(error);
		process.exitCode = 1;
	})
	.finally(async () => {
		await cleanUp();
		// Nothing of ours should be left; exit rather than wait on a library's stray handle.
		process.exit();
	});
