/** A JSON Schema (draft 2020-12) as ajv reads it. */
export type JsonSchema = { [keyword: string]: unknown };

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * One documented operation. Schemas describe the resource as the vendor models it: `readOnly`
 * fields are only answered, `writeOnly` fields (passwords) only sent; the checker derives each
 * direction from these flags.
 */
export interface ContractOperation {
	method: HttpMethod;
	/** The vendor's path with `{name}` for each path parameter. */
	path: string;
	/** The JSON request body; `required` says whether a request without one is refused. */
	request?: { required: boolean; schema: JsonSchema };
	/** The JSON answer per documented status (statuses without a JSON body are left out). */
	responses: Partial<Record<number, JsonSchema>>;
}

/** A vendor's API contract as the sandbox holds it, written from the vendor's public documentation. */
export interface VendorContract {
	vendor: string;
	/** Where each fact below is published. */
	sources: string[];
	operations: ContractOperation[];
}
