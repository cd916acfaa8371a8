import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';

import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';
import { BinaryDataService, ErrorReporter, type BinaryDataConfig } from 'n8n-core';
import { BINARY_ENCODING, type IBinaryData, type INodeExecutionData } from 'n8n-workflow';


export type BinaryDataMode = 'default' | 'filesystem';

let storagePath: string | undefined;
const services = new Map<BinaryDataMode, BinaryDataService>();

/**
 * Puts a real BinaryDataService for `mode` into n8n's DI container, where the node helpers fetch
 * it. Files live in one temp dir per test file, so items stay readable after their run; the dir
 * goes in afterAll (registered below) or by calling `removeBinaryDataStorage()`.
 */
export async function useBinaryDataMode(mode: BinaryDataMode): Promise<void> {
	let service = services.get(mode);
	if (!service) {
		// Only the fields BinaryDataService reads; the real config class wants a DB-backed secret.
		const config = {
			mode,
			availableModes: [mode],
			localStoragePath: storageDir(),
			signingSecret: 'harness-signing-secret',
			dbMaxFileSize: 512,
		} as BinaryDataConfig;
		service = new BinaryDataService(config, Container.get(ErrorReporter), Container.get(Logger));
		await service.init();
		services.set(mode, service);
	}
	Container.set(BinaryDataService, service);
}

function storageDir(): string {
	storagePath ??= mkdtempSync(path.join(tmpdir(), 'cg-harness-binary-'));
	return storagePath;
}

export async function removeBinaryDataStorage(): Promise<void> {
	if (storagePath) rmSync(storagePath, { recursive: true, force: true });
	storagePath = undefined;
	services.clear();
}

// Jest gives every test file its own module instance, so this runs once per file. A process
// 'exit' listener would not do: jest's sandboxed `process` never emits it.
if (typeof afterAll === 'function') {
	try {
		afterAll(removeBinaryDataStorage);
	} catch {
		// First imported inside a test, where jest refuses new hooks: the caller must clean up.
	}
}

/** Where filesystem-mode files are written, so a test can prove they really hit the disk. */
export function binaryDataStoragePath(): string | undefined {
	return storagePath;
}

function binaryOf(item: INodeExecutionData, property: string): IBinaryData {
	const binary = item.binary?.[property];
	if (!binary) throw new Error(`Item has no binary property "${property}"`);
	return binary;
}

/** Streams the binary the way a node would read it; only valid until the run's storage is removed. */
export async function binaryStream(item: INodeExecutionData, property = 'data'): Promise<Readable> {
	const binary = binaryOf(item, property);
	if (!binary.id) return Readable.from(Buffer.from(binary.data, BINARY_ENCODING));
	return await Container.get(BinaryDataService).getAsStream(binary.id);
}

export async function binaryToBuffer(item: INodeExecutionData, property = 'data'): Promise<Buffer> {
	return await Container.get(BinaryDataService).getAsBuffer(binaryOf(item, property));
}

export async function binarySha256(item: INodeExecutionData, property = 'data'): Promise<string> {
	const hash = createHash('sha256');
	for await (const chunk of await binaryStream(item, property)) hash.update(chunk as Buffer);
	return hash.digest('hex');
}
