'use strict';
/**
 * The five per-vendor packages built from the umbrella's source (scripts/packages/build.js): one n8n service each,
 * as n8n's verification wants. `folder` is the vendor's folder under nodes/, `credential` the class (and file name)
 * of its credential under credentials/, `resources` what its node manages (for the package description); its
 * reference page is docs/vendors/<slug>.md.
 *
 * A per-vendor package's credential type is the umbrella's with `Package` before `Api` (vobizSipApi →
 * vobizSipPackageApi, class VobizSipPackageApi): n8n keys credential types by name alone, across packages, so the
 * umbrella and a per-vendor package installed side by side must not share one (docs/real-n8n.md, "Per-vendor
 * packages"). Node types need no such care: n8n prefixes them with the package name.
 */
const VENDORS = [
	{
		slug: 'signalwire',
		service: 'SignalWire',
		folder: 'SignalWire',
		credential: 'SignalWireSipApi',
		resources: 'SIP profiles, SIP endpoints and SIP addresses',
	},
	{
		slug: 'ultravox',
		service: 'Ultravox',
		folder: 'Ultravox',
		credential: 'UltravoxSipApi',
		resources: 'SIP registrations',
	},
	{
		slug: 'opentact',
		service: 'Opentact',
		folder: 'Opentact',
		credential: 'OpentactSipApi',
		resources: 'SIP users',
	},
	{
		slug: 'vobiz',
		service: 'Vobiz',
		folder: 'Vobiz',
		credential: 'VobizSipApi',
		resources: 'SIP endpoints',
	},
	{
		slug: 'netsapiens',
		service: 'NetSapiens',
		folder: 'NetSapiens',
		credential: 'NetSapiensSipApi',
		resources: 'SIP devices',
	},
].map((vendor) => ({
	...vendor,
	docs: `docs/vendors/${vendor.slug}.md`,
	packageName: `n8n-nodes-${vendor.slug}-sip`,
	/** the package's committed root (package.json, README, LICENSE, CHANGELOG); the build adds dist/ */
	packageDir: `packages/${vendor.slug}`,
	/** the credential class and type name in the per-vendor package */
	packageCredential: vendor.credential.replace(/Api$/, 'PackageApi'),
}));

/** `VobizSipApi` → `vobizSipApi`: the credential type name n8n keys it by. */
const credentialTypeOf = (className) => className.charAt(0).toLowerCase() + className.slice(1);

/** Where the build stages each package's source (git-ignored). */
const OUTPUT_DIR = 'packages-dist';

module.exports = { VENDORS, OUTPUT_DIR, credentialTypeOf };
