import {
	FIRST_POLL_DELAY_MS,
	MAX_POLL_DELAY_MS,
	nextPollDelayMs,
} from '../../../../nodes/ContentGroove/helpers/waitForProcessing';

describe('nextPollDelayMs', () => {
	it('starts quick and grows by half each poll up to the cap', () => {
		const delays: number[] = [];
		let delay: number | undefined;
		for (let poll = 0; poll < 12; poll++) delays.push((delay = nextPollDelayMs(delay)));
		expect(delays.slice(0, 4)).toEqual([FIRST_POLL_DELAY_MS, 1500, 2250, 3375]);
		expect(Math.max(...delays)).toBe(MAX_POLL_DELAY_MS);
		expect(delays.every((value, index) => index === 0 || value >= delays[index - 1])).toBe(true);
	});
});
