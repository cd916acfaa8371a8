import { unreachableWebhookProblem, WEBHOOK_URL_HINT } from '../../../nodes/ContentGrooveTrigger/webhookUrlCheck';

const PUBLIC_API = 'https://api.contentgroove.com';
const path = '/webhook/4a9d6b8e-0c1f-4e7a-9a55-5d1c7b6f2e10/webhook';

describe('unreachableWebhookProblem', () => {
	it.each([
		['localhost', 'http://localhost:5678'],
		['LOCALHOST in capitals', 'http://LOCALHOST:5678'],
		['a *.localhost name', 'http://n8n.localhost'],
		['a .local (mDNS) name', 'http://n8n.local:5678'],
		['a .internal name', 'http://n8n.internal'],
		['127.0.0.1', 'http://127.0.0.1:5678'],
		['127.x (any loopback)', 'http://127.8.9.10'],
		['0.0.0.0', 'http://0.0.0.0:5678'],
		['10.x', 'http://10.0.0.5:5678'],
		['172.16.x (first of 172.16/12)', 'https://172.16.0.1'],
		['172.31.x (last of 172.16/12)', 'https://172.31.255.254'],
		['192.168.x', 'http://192.168.1.20:5678'],
		['169.254.x (link-local)', 'http://169.254.10.10'],
		['100.64.x (carrier-grade NAT)', 'http://100.64.0.1'],
		['::1', 'http://[::1]:5678'],
		['an IPv6 unique-local address', 'http://[fd12:3456::1]'],
		['an IPv6 link-local address', 'http://[fe80::1]'],
		['an IPv4-mapped IPv6 loopback', 'http://[::ffff:127.0.0.1]:5678'],
		['an IPv4-mapped IPv6 private address', 'http://[::ffff:192.168.1.20]'],
		['localhost written fully qualified (trailing dot)', 'http://localhost.:5678'],
	])('explains that a webhook URL on %s cannot be reached by a public ContentGroove', (_name, base) => {
		const problem = unreachableWebhookProblem(`${base}${path}`, PUBLIC_API);

		expect(problem).toBe(
			`n8n's webhook URL (${new URL(base).origin}) is a local address that ContentGroove at api.contentgroove.com cannot reach`,
		);
	});

	it.each([
		['a public name', 'https://n8n.example.com'],
		['a tunnel', 'https://abc123.ngrok-free.app'],
		['a public IPv4 address', 'http://203.0.113.10:5678'],
		['172.15.x (just below 172.16/12)', 'http://172.15.255.255'],
		['172.32.x (just above 172.16/12)', 'http://172.32.0.1'],
		['192.169.x', 'http://192.169.0.1'],
		['11.x', 'http://11.0.0.1'],
		['128.0.0.1 (not loopback)', 'http://128.0.0.1'],
		['a public IPv6 address', 'http://[2001:db8::1]:5678'],
		['an IPv4-mapped IPv6 public address', 'http://[::ffff:203.0.113.10]'],
		['a public name written fully qualified', 'https://n8n.example.com.'],
		['a name that starts like an IPv6 local prefix', 'https://fc-barcelona.example'],
		['a name ending in "localhost" without the dot', 'https://mylocalhost.com'],
	])('accepts a webhook URL on %s', (_name, base) => {
		expect(unreachableWebhookProblem(`${base}${path}`, PUBLIC_API)).toBeUndefined();
	});

	it.each([
		['the sandbox emulator', 'http://127.0.0.1:4010'],
		['localhost', 'http://localhost:4010'],
		['a private network', 'http://10.1.2.3:3000'],
		['::1', 'http://[::1]:4010'],
	])('accepts a local webhook URL when ContentGroove is local too (%s)', (_name, apiBase) => {
		expect(unreachableWebhookProblem(`http://localhost:5678${path}`, apiBase)).toBeUndefined();
		expect(unreachableWebhookProblem(`http://192.168.1.20:5678${path}`, apiBase)).toBeUndefined();
	});

	it('accepts a public webhook URL with a local ContentGroove', () => {
		expect(unreachableWebhookProblem(`https://n8n.example.com${path}`, 'http://127.0.0.1:4010')).toBeUndefined();
	});

	it('names n8n\'s WEBHOOK_URL setting in the hint shown with the problem', () => {
		expect(WEBHOOK_URL_HINT).toContain('WEBHOOK_URL');
		expect(WEBHOOK_URL_HINT).toContain('https://docs.n8n.io/hosting/configuration/configuration-examples/webhook-url/');
	});
});
