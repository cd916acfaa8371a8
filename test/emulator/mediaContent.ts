import { createHash } from 'node:crypto';

/**
 * Deterministic "AI results" for a media: the same media id always yields the same duration,
 * transcription and suggested clips, so tests can rely on them.
 */

const WORDS = (
	'the capsule landed in the sea south of bermuda and the crew brought it to the islands for quick ' +
	'medical checks scientists are pleased with the condition of both chimp and capsule they came ' +
	'through the test in a manner that brings a manned flight closer to reality for the space team'
).split(' ');

const WORDS_PER_SECOND = 2.5;

function seeded(seed: string): () => number {
	let counter = 0;
	return () => createHash('sha256').update(`${seed}:${counter++}`).digest().readUInt32BE(0) / 2 ** 32;
}

export function mediaDuration(mediaId: string): number {
	return Number((60 + seeded(mediaId)() * 120).toFixed(6));
}

export function transcriptText(mediaId: string, duration: number): string {
	const random = seeded(`${mediaId}:words`);
	const sentences: string[] = [];
	let words = Math.round(duration * WORDS_PER_SECOND);
	while (words > 0) {
		const length = Math.min(words, 8 + Math.floor(random() * 10));
		const sentence = Array.from({ length }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ');
		sentences.push(`${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`);
		words -= length;
	}
	return sentences.join(' ');
}

export interface TextSpan {
	startChar: number;
	endChar: number;
	text: string;
}

/** The part of the transcript spoken between two times, assuming an even speech rate. */
export function spanForTimes(transcript: string, duration: number, startTime: number, endTime: number): TextSpan {
	const toChar = (time: number): number => Math.min(transcript.length, Math.round((time / duration) * transcript.length));
	let startChar = toChar(startTime);
	let endChar = toChar(endTime);
	while (startChar > 0 && transcript[startChar - 1] !== ' ') startChar--;
	while (endChar < transcript.length && transcript[endChar] !== ' ') endChar++;
	return { startChar, endChar, text: transcript.slice(startChar, endChar) };
}

export interface SuggestedClipTimes {
	startTime: number;
	endTime: number;
}

/** Non-overlapping windows spread over the media, each 10–30 s long. */
export function suggestedClipTimes(mediaId: string, duration: number, count: number): SuggestedClipTimes[] {
	const random = seeded(`${mediaId}:clips`);
	const slot = duration / Math.max(1, count);
	return Array.from({ length: count }, (_, index) => {
		const length = Math.min(slot * 0.9, 10 + random() * 20);
		const startTime = Number((index * slot + random() * (slot - length)).toFixed(2));
		return { startTime, endTime: Number((startTime + length).toFixed(2)) };
	});
}

export function clipNameFrom(text: string): string {
	return text.split(' ').slice(0, 6).join(' ').replace(/[.,]$/, '');
}
