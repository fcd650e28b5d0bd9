import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IHttpRequestOptions,
	INodeExecutionData,
} from 'n8n-workflow';
import { effectiveLength, DEFAULT_PASSWORD_LENGTH } from './password';
import { readResourceBody } from './readBack';
import type { RequestPathContext } from './types';
import { parameterValue } from './parameters';

/** What stands for the password in a dry run's report: never the password, provided or not. */
export const MASKED_PASSWORD = '********';

export interface DryRunPlan {
	source: 'generate' | 'provided';
	wait: { waitMs: number; pollMs: number };
	resourceId: string;
	notVerifiableDetail: string;
}

function verificationPlanDetail(path: RequestPathContext, plan: DryRunPlan, mode: string): string {
	const profile = path.vendor.rotation;
	if (mode === 'none') return 'None: the password would be applied and not checked.';
	if (!profile.registration)
		return `Read Back; the result would be "notVerifiable": ${plan.notVerifiableDetail}`;
	const how =
		mode === 'waitForRegistration'
			? `read every ${plan.wait.pollMs / 1000} s for up to ${plan.wait.waitMs / 1000} s`
			: 'read once (choose "Wait for Registration" to wait)';
	return `The ${profile.resourceLabel} would be ${how}; "verified" only if it shows a registration after the change, else "notVerified".`;
}

/**
 * Rotate Password's Dry Run: every parameter was checked by the caller; this reads the resource
 * (a GET, the same read the verification makes) and reports the write that would be sent — its
 * method, path and field names, the password masked — and the verification that would apply.
 * Nothing is written and, with "Password Source: Generate", no password is generated.
 */
export async function dryRunItem(
	path: RequestPathContext,
	requestData: DeclarativeRestApiSettings.ResultOptions,
	plan: DryRunPlan,
): Promise<INodeExecutionData> {
	const { context, vendor } = path;
	const profile = vendor.rotation;
	const apply = requestData.options as IHttpRequestOptions;
	const { body: _body, ...read } = { ...apply, method: 'GET' as const };
	const current = await readResourceBody(path, read);
	const mode = parameterValue(context, 'verification', 'readBack') as string;
	const length = effectiveLength(
		Number(parameterValue(context, 'passwordLength', DEFAULT_PASSWORD_LENGTH)),
		profile.policy,
	);
	const output: IDataObject = {
		vendor: vendor.displayName,
		resource: profile.resourceLabel,
		resourceId: plan.resourceId,
		outcome: 'dryRun',
		wouldSend: {
			method: (apply.method ?? 'GET').toUpperCase(),
			url: apply.url,
			body: profile.passwordBody(MASKED_PASSWORD),
		},
		passwordSource: plan.source,
		passwordDetail:
			plan.source === 'generate'
				? `A password of ${length} characters would be generated when the rotation runs; none was generated.`
				: `The provided password meets ${vendor.displayName}'s policy and would be applied as it is.`,
		verificationPlan: mode,
		verificationDetail: verificationPlanDetail(path, plan, mode),
	};
	if (profile.registration) {
		const state = profile.registration(current);
		output.registered = state.registered;
		output.registeredAt = state.registeredAt ?? null;
	}
	return { json: output };
}
