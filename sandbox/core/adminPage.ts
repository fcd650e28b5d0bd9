import type { SandboxConfig, SandboxResponse } from './types';

/** One admin call, as the index page lists it. */
export interface AdminCall {
	method: string;
	path: string;
	does: string;
	body?: string;
}

export const ADMIN_CALLS: readonly AdminCall[] = [
	{
		method: 'GET',
		path: '/__admin',
		does: 'this page (JSON when the Accept header does not ask for HTML)',
	},
	{
		method: 'GET',
		path: '/__admin/requests?vendor=<vendor>',
		does: 'every request the sandbox received (optionally of one vendor), with its answer status',
	},
	{ method: 'DELETE', path: '/__admin/requests', does: 'forget the recorded requests' },
	{
		method: 'POST',
		path: '/__admin/faults',
		does: 'inject a fault into the next matching requests; modes: status, delay, reset, timeout, malformed, empty, applyThenDrop',
		body: '{"vendor": "vobiz", "mode": "status", "status": 500, "method": "POST", "path": "^/api/", "count": 1}',
	},
	{ method: 'DELETE', path: '/__admin/faults', does: 'remove every injected fault' },
	{
		method: 'GET',
		path: '/__admin/config',
		does: 'the current configuration (latency, registration delay, rate limits, fleet simulation)',
	},
	{
		method: 'POST',
		path: '/__admin/config',
		does: 'change the configuration; fields as in GET /__admin/config, e.g. turn the demo fleet off with {"fleet": null}',
		body: '{"registrationDelayMs": 2000, "fleet": {"provisionDelayMs": 3000, "neverProvisionedShare": 0.1}}',
	},
	{
		method: 'POST',
		path: '/__admin/reset',
		does: "restore every vendor's seeded data (new IDs) and forget requests and faults",
	},
	{
		method: 'GET',
		path: '/__admin/devices/<vendor>/<id>',
		does: 'the registration state of the simulated phone of one resource',
	},
	{
		method: 'POST',
		path: '/__admin/devices/<vendor>/<id>/provision',
		does: 'give that phone a password, as someone updating its configuration would; it registers after the registration delay',
		body: '{"password": "…"}',
	},
];

export interface AdminIndex {
	sandbox: string;
	vendors: Record<string, string>;
	config: SandboxConfig;
	calls: readonly AdminCall[];
}

const escapeHtml = (text: string) =>
	text.replace(
		/[&<>"']/g,
		(c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
	);

function html(index: AdminIndex): string {
	const row = (cells: string[]) => `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
	const code = (text: string) => `<code>${escapeHtml(text)}</code>`;
	const fleet = index.config.fleet
		? `on: phones get their new password ${index.config.fleet.provisionDelayMs} ms after a change; ` +
			`${Math.round(index.config.fleet.neverProvisionedShare * 100)} % never do`
		: 'off: a phone keeps its old password until provisioned (POST …/provision)';
	return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Vendor sandbox: admin</title>
<style>body{font:15px/1.45 system-ui,sans-serif;margin:2em;max-width:70em}td{padding:.3em .8em;vertical-align:top;border-bottom:1px solid #ddd}code{font-size:13px}</style>
</head><body>
<h1>Vendor sandbox</h1>
<p>An in-memory simulator of the vendors' APIs on ${code(index.sandbox)}. Point a credential's Base URL at a vendor's base URL below.</p>
<h2>Vendors</h2>
<table>${Object.entries(index.vendors)
		.map(([name, url]) => row([escapeHtml(name), code(url)]))
		.join('')}</table>
<h2>Simulated fleet</h2>
<p>${escapeHtml(fleet)}. Registration delay: ${index.config.registrationDelayMs} ms.</p>
<h2>Admin calls</h2>
<table>${index.calls.map((c) => row([code(c.method), code(c.path), escapeHtml(c.does) + (c.body ? `<br>body: ${code(c.body)}` : '')])).join('')}</table>
</body></html>
`;
}

/** The admin index: HTML for a browser, JSON for everything else. */
export function adminIndexResponse(index: AdminIndex, accept: string | undefined): SandboxResponse {
	if (accept?.includes('text/html')) {
		return {
			status: 200,
			body: html(index),
			headers: { 'content-type': 'text/html; charset=utf-8' },
		};
	}
	return { status: 200, body: index };
}
