/** The events ContentGroove can deliver (the OpenAPI document's callbacks), shared with the trigger. */
export const WEBHOOK_EVENTS = [
	{
		name: 'Media Processing Finished',
		value: 'media.processing_finished',
		description: 'A media has been transcribed and its suggested clips cut',
	},
	{ name: 'All Events', value: '*', description: 'Every event ContentGroove sends, now and in future' },
];
