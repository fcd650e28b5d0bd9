import { ApplicationError, updateDisplayOptions } from 'n8n-workflow';
import { noticeField } from './descriptions';
import type {
	IHttpRequestMethods,
	INodeProperties,
	INodePropertyOptions,
	PostReceiveAction,
	PreSendAction,
} from 'n8n-workflow';
import { fieldChecks } from './fieldSpec';
import type { FieldSpec, WriteOperation } from './fieldSpec';
import { deletedResult, vendorObjectResponse } from './output';
import { checkRegistrationOption } from './registrationDescriptions';
import {
	generatePasswordOption,
	passwordOperationFields,
	rotatePasswordOption,
	withIndefiniteArticle,
} from './rotationDescriptions';
import type { VendorProfile } from './vendor';

// One resource of a node, declared once as a spec (its noun, URLs, field table and operations) in
// its resources/<resource>/index.ts; this file turns the spec into the Operation parameter n8n
// shows and the fields of each operation. Every vendor's Create, Delete, Get, Get Many and Update
// are routed alike, so their wording and routing live here and only what differs is in the spec.

/** A URL template of the resource and the preSend that fills and checks its path parameters (fillPath). */
export interface ResourcePath {
	url: string;
	/** None for a URL without parameters. */
	preSend?: PreSendAction[];
}

/** One of Create, Delete, Get, Get Many, Update. */
export interface OperationSpec {
	/** The option's description in the operation list. */
	description: string;
	/** The operation's own fields, shown only for this resource and operation. */
	fields: INodeProperties[];
	/** Checks after the path's and the field table's (a rule spanning fields, a query check). */
	checks?: PreSendAction[];
	/** What the answer goes through instead of the resource's `answer` (or `{deleted: true}`). */
	postReceive?: PostReceiveAction[];
}

export interface ResourceSpec {
	vendor: VendorProfile;
	/** The node's resource value, e.g. 'sipUser'. */
	resource: string;
	/** The resource in words, singular, as the actions say it: 'SIP user', 'endpoint'. */
	noun: string;
	/** One per account (SignalWire's SIP profile): "the SIP profile", no ID, no list. */
	singleton?: boolean;
	/** A notice shown above the operations (SignalWire's legacy SIP endpoints). */
	notice?: { name: string; text: string };
	/** Where Create posts and Get Many reads. */
	collection?: ResourcePath;
	/** Get Many's own path, where it is not the collection's (NetSapiens: a user's or a domain's). */
	list?: ResourcePath;
	/** One resource: Get, Update, Delete, and the password operations. */
	item: ResourcePath;
	/** The FieldSpec table of Create and Update (checked by fieldChecks before sending). */
	fields?: readonly FieldSpec[];
	/** The method of Update and of Rotate Password's apply: the vendor's partial update. */
	updateMethod?: IHttpRequestMethods;
	/** What a returned resource goes through (default vendorObjectResponse: shape check, secrets out). */
	answer?: PostReceiveAction[];
	operations: {
		/** Only where the vendor exposes registration state (its rotation profile's `registration`). */
		checkRegistration?: { fields: INodeProperties[] };
		create?: OperationSpec;
		delete?: OperationSpec;
		get?: OperationSpec;
		getAll?: OperationSpec;
		/** The vendor's rotation resource only; Generate Password comes with it. */
		rotatePassword?: { fields: INodeProperties[] };
		update?: OperationSpec;
	};
}

type Operation = keyof ResourceSpec['operations'];

/** "devices", "SIP addresses": the nouns of the pack take -s or -es. */
const pluralOf = (noun: string) => (/(s|x|ch|sh)$/.test(noun) ? `${noun}es` : `${noun}s`);

/** "a SIP user" / "an endpoint", or "the SIP profile" for a resource there is one of. */
const oneOf = (spec: ResourceSpec) =>
	spec.singleton ? `the ${spec.noun}` : withIndefiniteArticle(spec.noun);

/** routing.send only where there is something to run: n8n's own routing is unchanged otherwise. */
function routing(
	method: IHttpRequestMethods,
	path: ResourcePath,
	preSend: PreSendAction[],
	postReceive?: PostReceiveAction[],
): INodePropertyOptions['routing'] {
	return {
		request: { method, url: path.url },
		...(preSend.length ? { send: { preSend } } : {}),
		...(postReceive ? { output: { postReceive } } : {}),
	};
}

function required<T>(value: T | undefined, what: string, spec: ResourceSpec): T {
	if (value === undefined)
		throw new ApplicationError(
			`${spec.vendor.displayName} ${spec.resource}: the spec has no ${what}`,
		);
	return value;
}

function standardOption(
	spec: ResourceSpec,
	operation: Exclude<Operation, 'checkRegistration' | 'rotatePassword'>,
	op: OperationSpec,
): INodePropertyOptions {
	const answer = op.postReceive ?? spec.answer ?? [vendorObjectResponse(spec.vendor)];
	const writeChecks = (write: WriteOperation) =>
		spec.fields ? [fieldChecks(spec.fields, write, spec.vendor.displayName)] : [];
	const itemPreSend = spec.item.preSend ?? [];
	const checks = op.checks ?? [];
	const option = (name: string, action: string, route: INodePropertyOptions['routing']) => ({
		name,
		value: operation,
		action,
		description: op.description,
		routing: route,
	});
	switch (operation) {
		case 'create': {
			const collection = required(spec.collection, 'collection', spec);
			return option(
				'Create',
				`Create ${oneOf(spec)}`,
				routing(
					'POST',
					collection,
					[...(collection.preSend ?? []), ...writeChecks('create'), ...checks],
					answer,
				),
			);
		}
		case 'delete':
			return option(
				'Delete',
				`Delete ${oneOf(spec)}`,
				routing(
					'DELETE',
					spec.item,
					[...itemPreSend, ...checks],
					op.postReceive ?? [deletedResult],
				),
			);
		case 'get':
			return option(
				'Get',
				`Get ${oneOf(spec)}`,
				routing('GET', spec.item, [...itemPreSend, ...checks], answer),
			);
		case 'getAll': {
			const list = spec.list ?? required(spec.collection, 'collection', spec);
			return option(
				'Get Many',
				`Get many ${pluralOf(spec.noun)}`,
				routing('GET', list, [...(list.preSend ?? []), ...checks], op.postReceive),
			);
		}
		case 'update':
			return option(
				'Update',
				`Update ${oneOf(spec)}`,
				routing(
					required(spec.updateMethod, 'updateMethod', spec),
					spec.item,
					[...itemPreSend, ...writeChecks('update'), ...checks],
					answer,
				),
			);
	}
}

/**
 * The operations in the order n8n's lint wants (by name): Check Registration, Create, Delete,
 * Generate Password, Get, Get Many, Rotate Password, Update.
 */
function operationOptions(spec: ResourceSpec): INodePropertyOptions[] {
	const { operations, vendor, item } = spec;
	const profile = vendor.rotation;
	const passwords = operations.rotatePassword !== undefined;
	// The operation table (passwordOperations.ts) serves these by the rotation profile: the options
	// must offer exactly what it runs.
	if (passwords !== (spec.resource === profile.resource))
		throw new ApplicationError(
			`${vendor.displayName}: Rotate Password belongs to ${profile.resource}`,
		);
	if (
		(passwords && profile.registration !== undefined) !==
		(operations.checkRegistration !== undefined)
	)
		throw new ApplicationError(
			`${vendor.displayName}: Check Registration goes with a registration state`,
		);
	const options: INodePropertyOptions[] = [];
	if (operations.checkRegistration) options.push(checkRegistrationOption(profile, item));
	if (operations.create) options.push(standardOption(spec, 'create', operations.create));
	if (operations.delete) options.push(standardOption(spec, 'delete', operations.delete));
	if (passwords) options.push(generatePasswordOption(profile));
	if (operations.get) options.push(standardOption(spec, 'get', operations.get));
	if (operations.getAll) options.push(standardOption(spec, 'getAll', operations.getAll));
	if (passwords) {
		const method = required(spec.updateMethod, 'updateMethod', spec);
		options.push(rotatePasswordOption(profile, { method, ...item }));
	}
	if (operations.update) options.push(standardOption(spec, 'update', operations.update));
	return options;
}

/** The resource's node properties: its Operation parameter, then each operation's fields. */
export function resourceDescription(spec: ResourceSpec): INodeProperties[] {
	const { resource, operations } = spec;
	const show = { resource: [resource] };
	// Get Many where there is a list; else Get (a resource there is one of).
	const defaultOperation = operations.getAll ? 'getAll' : 'get';
	const fieldsOf = (operation: Operation) => {
		const fields = operations[operation]?.fields;
		return fields
			? updateDisplayOptions({ show: { ...show, operation: [operation] } }, fields)
			: [];
	};
	const notice: INodeProperties[] = spec.notice
		? [{ ...noticeField(spec.notice.name, spec.notice.text), displayOptions: { show } }]
		: [];
	return [
		...notice,
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show },
			options: operationOptions(spec),
			default: defaultOperation,
		},
		...fieldsOf('checkRegistration'),
		...fieldsOf('create'),
		...fieldsOf('delete'),
		...fieldsOf('get'),
		...fieldsOf('getAll'),
		...fieldsOf('update'),
		...fieldsOf('rotatePassword'),
		...(operations.rotatePassword
			? passwordOperationFields(
					spec.vendor.rotation,
					spec.vendor.rotation.registration !== undefined,
				)
			: []),
	];
}
