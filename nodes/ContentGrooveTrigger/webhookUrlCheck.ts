/**
 * A cloud service cannot call back to an address that only exists inside the user's network.
 * Catching that at activation saves users from a trigger that silently never fires.
 */

/** `[::ffff:127.0.0.1]`, which URL writes `::ffff:7f00:1`, is an IPv4 address: returns it as one. */
function unmapIpv4(host: string): string {
	const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(host);
	if (!mapped) return host;
	const [high, low] = [parseInt(mapped[1], 16), parseInt(mapped[2], 16)];
	return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}

function isLocalHostname(hostname: string): boolean {
	// A fully qualified name may end with a dot (`localhost.`).
	const host = unmapIpv4(hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '').toLowerCase());
	if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local') || host.endsWith('.internal')) {
		return true;
	}
	if (host === '::1' || host === '::' || host.startsWith('fc') || host.startsWith('fd') || host.startsWith('fe80:')) {
		return host.includes(':');
	}
	const octets = host.split('.').map(Number);
	if (octets.length !== 4 || octets.some((octet) => !Number.isInteger(octet))) return false;
	const [a, b] = octets;
	return (
		a === 127 || a === 10 || a === 0 ||
		(a === 172 && b >= 16 && b <= 31) ||
		(a === 192 && b === 168) ||
		(a === 169 && b === 254) ||
		(a === 100 && b >= 64 && b <= 127)
	);
}

/**
 * Explains the problem when n8n's webhook URL is local while ContentGroove is a public host;
 * undefined when the pair can work (both public, or a local sandbox calling a local n8n).
 */
export function unreachableWebhookProblem(webhookUrl: string, apiBaseUrl: string): string | undefined {
	const webhookHost = new URL(webhookUrl).hostname;
	const apiHost = new URL(apiBaseUrl).hostname;
	if (!isLocalHostname(webhookHost) || isLocalHostname(apiHost)) return undefined;
	return `n8n's webhook URL (${new URL(webhookUrl).origin}) is a local address that ContentGroove at ${apiHost} cannot reach`;
}

// n8n 2.41 renamed WEBHOOK_URL to N8N_WEBHOOK_URL (the old name still works, with a deprecation warning).
export const WEBHOOK_URL_HINT =
	'Set n8n\'s N8N_WEBHOOK_URL environment variable (WEBHOOK_URL before n8n 2.41) to the public URL that reaches this n8n (e.g. https://n8n.example.com/) and restart n8n. See https://docs.n8n.io/hosting/configuration/configuration-examples/webhook-url/';
