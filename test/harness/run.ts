import {
	ExecutionLifecycleHooks,
	LoadOptionsContext,
	RoutingNode,
	ExecuteContext,
	WorkflowExecute,
} from 'n8n-core';
import { LoggerProxy, Workflow } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	IRun,
	IRunExecutionData,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startSandbox } from '../../sandbox';
import type { Sandbox, SandboxOptions } from '../../sandbox';
import { CredentialsHelper } from './credentials';
import { allNodeTypes, PACKAGE_NAME, packCredentialTypes } from './pack';
import type { NodeTypes } from './pack';
import { recordTranscript } from './transcript';

export const EXAMPLES_DIR = path.resolve(__dirname, '..', '..', 'examples');

/** Log lines n8n-core writes during the suite, kept for the secret-leak scan. */
const logLines: string[] = [];
const capture =
	(level: string) =>
	(message: string, meta?: object): void => {
		const line = `${level} ${message} ${meta ? JSON.stringify(meta, (_k, v) => (typeof v === 'bigint' ? String(v) : v)) : ''}`;
		logLines.push(line);
		recordTranscript('log', line);
	};
LoggerProxy.init({
	error: capture('error'),
	warn: capture('warn'),
	info: capture('info'),
	debug: capture('debug'),
});

export function capturedLogLines(): string[] {
	return [...logLines];
}

export interface RunResult {
	/** Items the node output (error items included, with Continue On Fail). */
	items: INodeExecutionData[];
	/** Items on the node's error output (with `onError: 'continueErrorOutput'`). */
	errorItems: INodeExecutionData[];
	/** The execution error when the node failed the run. */
	error?: Error & { description?: string; httpCode?: string; context?: IDataObject };
	run: IRun;
}

export interface RunOptions {
	/** Node name as in package.json, e.g. 'ultravox'. */
	node: string;
	parameters: INodeParameters;
	credential?: { type: string; id: string };
	/** Input items; one empty item when absent. */
	items?: IDataObject[];
	continueOnFail?: boolean;
	/** The node's "On Error" setting; `continueOnFail: true` stands for 'continueRegularOutput'. */
	onError?: 'stopWorkflow' | 'continueRegularOutput' | 'continueErrorOutput';
}

function additionalDataFor(
	credentialsHelper: CredentialsHelper,
	workflowData: { id: string; name: string; nodes: INode[]; connections: object },
): IWorkflowExecuteAdditionalData {
	const executionId = randomUUID();
	return {
		credentialsHelper,
		executionId,
		hooks: new ExecutionLifecycleHooks('manual', executionId, {
			...workflowData,
			active: false,
			activeVersionId: null,
			isArchived: false,
			createdAt: new Date(),
			updatedAt: new Date(),
		} as any),
		executeWorkflow: async () => {
			throw new Error('Sub-workflows are not used by this pack');
		},
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		currentNodeExecutionIndex: 0,
		restApiUrl: 'http://127.0.0.1/rest',
		instanceBaseUrl: 'http://127.0.0.1/',
		formBaseUrl: 'http://127.0.0.1/form',
		formWaitingBaseUrl: 'http://127.0.0.1/form-waiting',
		formTestBaseUrl: 'http://127.0.0.1/form-test',
		webhookBaseUrl: 'http://127.0.0.1/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1/webhook-test',
		mcpBaseUrl: 'http://127.0.0.1/mcp',
		mcpTestBaseUrl: 'http://127.0.0.1/mcp-test',
		variables: {},
		userId: 'test-user',
		logAiEvent: () => {},
	} as unknown as IWorkflowExecuteAdditionalData;
}

/**
 * One n8n-core engine with the pack's nodes, an in-memory credential store and the vendor
 * sandbox on 127.0.0.1. Tests run workflows through WorkflowExecute exactly as n8n does.
 */
export class TestEnvironment {
	readonly credentials = new CredentialsHelper();
	readonly nodeTypes: NodeTypes = allNodeTypes();

	private constructor(readonly sandbox: Sandbox) {}

	static async start(options: SandboxOptions = {}): Promise<TestEnvironment> {
		const sandbox = await startSandbox(options);
		recordTranscript('secrets', sandbox.secrets());
		return new TestEnvironment(sandbox);
	}

	/**
	 * `recordSecrets: false` for runs whose resources were given generated test inputs as passwords
	 * (fuzzing): those strings are inputs the test also used elsewhere, not secrets the pack holds.
	 */
	async close({ recordSecrets = true }: { recordSecrets?: boolean } = {}): Promise<void> {
		if (recordSecrets) recordTranscript('secrets', this.sandbox.secrets());
		await this.sandbox.close();
	}

	/** The vendor's seeded fixtures (IDs, domains, logins) as they are now: a reset replaces them. */
	seeded(vendor: string): Record<string, any> {
		return this.sandbox.endpoints()[vendor].seeded as Record<string, any>;
	}

	/** Stores the sandbox's sample credential for a vendor (optionally altered) and returns its reference. */
	credential(
		vendor: string,
		type: string,
		overrides: ICredentialDataDecryptedObject = {},
	): { type: string; id: string } {
		const id = `${vendor}-${randomUUID()}`;
		const data = {
			...this.sandbox.endpoints()[vendor].credentials,
			...overrides,
		} as ICredentialDataDecryptedObject;
		this.credentials.add({ id, name: `${vendor} sandbox`, type, data });
		return { type, id };
	}

	/** Runs a workflow JSON (as exported from n8n) and returns the run. */
	async runWorkflow(workflowData: {
		id?: string;
		name?: string;
		nodes: INode[];
		connections: object;
	}): Promise<IRun> {
		const data = {
			id: workflowData.id ?? randomUUID(),
			name: workflowData.name ?? 'test',
			...workflowData,
		};
		const workflow = new Workflow({
			id: data.id,
			name: data.name,
			nodes: data.nodes,
			connections: data.connections as any,
			active: false,
			nodeTypes: this.nodeTypes,
			staticData: {},
			settings: { executionOrder: 'v1' },
		});
		// Like `n8n execute`, start at the node nothing feeds into (a trigger in exported workflows).
		const fed = new Set(
			Object.values(data.connections as Record<string, { main?: { node: string }[][] }>).flatMap(
				(outputs) => (outputs.main ?? []).flat().map((connection) => connection.node),
			),
		);
		const startNode = workflow.getNode(data.nodes.find((node) => !fed.has(node.name))!.name)!;
		const run = await new WorkflowExecute(
			additionalDataFor(this.credentials, data as any),
			'manual',
		).run({
			workflow,
			startNode,
		});
		// Only what the pack's own nodes produced: test fixtures' items are the test's inputs, not outputs.
		const packNodes = new Set(
			data.nodes
				.filter((node) => node.type.startsWith(`${PACKAGE_NAME}.`))
				.map((node) => node.name),
		);
		for (const [name, tasks] of Object.entries(run.data.resultData.runData)) {
			if (!packNodes.has(name)) continue;
			for (const task of tasks) {
				recordTranscript('output', task.data?.main ?? []);
				if (task.error)
					recordTranscript('error', {
						message: task.error.message,
						description: task.error.description,
					});
			}
		}
		if (run.data.resultData.error) {
			const { message, description } = run.data.resultData.error as any;
			recordTranscript('error', { message, description });
		}
		return run;
	}

	/**
	 * Runs an importable example workflow from examples/. Its credentials reference the sandbox
	 * credentials by the ids used in examples/credentials.json (`sandbox-<vendor>`); each is
	 * registered here with the sandbox's sample data for that vendor.
	 */
	async runExample(fileName: string): Promise<IRun> {
		const workflow = JSON.parse(readFileSync(path.join(EXAMPLES_DIR, fileName), 'utf8'));
		for (const node of workflow.nodes as INode[]) {
			for (const [type, reference] of Object.entries(node.credentials ?? {})) {
				const vendor = String(reference.id).replace(/^sandbox-/, '');
				if (!this.credentials.stored(String(reference.id))) {
					this.credentials.add({
						id: String(reference.id),
						name: reference.name,
						type,
						data: this.sandbox.endpoints()[vendor].credentials as ICredentialDataDecryptedObject,
					});
				}
			}
		}
		return await this.runWorkflow(workflow);
	}

	/** Runs one pack node on the given input items: Item Source → node. */
	async run(options: RunOptions): Promise<RunResult> {
		const nodeName = 'Node Under Test';
		const node: INode = {
			id: randomUUID(),
			name: nodeName,
			type: `${PACKAGE_NAME}.${options.node}`,
			typeVersion: 1,
			position: [200, 0],
			parameters: options.parameters,
			...(options.credential
				? {
						credentials: {
							[options.credential.type]: {
								id: options.credential.id,
								name: options.credential.type,
							},
						},
					}
				: {}),
			...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
			...(options.onError && options.onError !== 'stopWorkflow'
				? { onError: options.onError }
				: {}),
		};
		const source: INode = {
			id: randomUUID(),
			name: 'Items',
			type: 'test.itemSource',
			typeVersion: 1,
			position: [0, 0],
			parameters: { items: JSON.stringify(options.items ?? [{}]) },
		};
		const run = await this.runWorkflow({
			nodes: [source, node],
			connections: { Items: { main: [[{ node: nodeName, type: 'main', index: 0 }]] } },
		});
		const task = run.data.resultData.runData[nodeName]?.[0];
		return {
			items: task?.data?.main?.[0] ?? [],
			errorItems: task?.data?.main?.[1] ?? [],
			error: (task?.error ?? run.data.resultData.error) as RunResult['error'],
			run,
		};
	}

	/**
	 * The context the editor gives a "From List" picker (listSearch method): n8n-core's
	 * LoadOptionsContext with the node's current parameters, authenticated through the credential.
	 */
	pickerContext(
		node: string,
		credential: { type: string; id: string },
		parameters: INodeParameters,
		path: string,
	): LoadOptionsContext {
		const pickerNode: INode = {
			id: 'picker',
			name: 'Picker',
			type: `${PACKAGE_NAME}.${node}`,
			typeVersion: 1,
			position: [0, 0],
			parameters,
			credentials: { [credential.type]: { id: credential.id, name: credential.type } },
		};
		const workflow = new Workflow({
			nodes: [pickerNode],
			connections: {},
			active: false,
			nodeTypes: this.nodeTypes,
		});
		const additionalData = {
			...additionalDataFor(this.credentials, {
				id: 'picker',
				name: 'picker',
				nodes: [pickerNode],
				connections: {},
			}),
			currentNodeParameters: parameters,
		} as IWorkflowExecuteAdditionalData;
		return new LoadOptionsContext(workflow, pickerNode, additionalData, path);
	}

	/**
	 * Tests a credential the way n8n's CredentialsTester does for a declarative `test` request:
	 * the request runs on a copy of the noOp node through RoutingNode, then the credential's rules
	 * and the HTTP status decide the verdict.
	 */
	async testCredential(
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<{ status: 'OK' | 'Error'; message: string }> {
		const credentialType = packCredentialTypes()[type];
		const testRequest = credentialType.test!;
		const id = `test-${randomUUID()}`;
		this.credentials.add({ id, name: 'Temp', type, data });
		const credentialsDecrypted: ICredentialsDecrypted = { id, name: 'Temp', type, data };
		const noOp = this.nodeTypes.getByNameAndVersion('n8n-nodes-base.noOp');
		const nodeTypeCopy: INodeType = {
			description: {
				...noOp.description,
				credentials: [{ name: type, required: true }],
				properties: [
					{
						displayName: 'Temp',
						name: 'temp',
						type: 'string',
						routing: { request: testRequest.request },
						default: '',
					},
				],
			},
		};
		const node: INode = {
			id: 'temp',
			parameters: {},
			name: 'Temp-Node',
			type: 'n8n-nodes-base.noOp',
			typeVersion: 1,
			position: [0, 0],
			credentials: { [type]: { id, name: 'Temp' } },
		};
		const testNodeTypes = allNodeTypes();
		testNodeTypes.add('n8n-nodes-base.noOp', nodeTypeCopy);
		const workflow = new Workflow({
			nodes: [node],
			connections: {},
			active: false,
			nodeTypes: testNodeTypes,
		});
		const runExecutionData: IRunExecutionData = {
			resultData: { runData: {} },
		} as IRunExecutionData;
		const additionalData = additionalDataFor(this.credentials, {
			id: 'temp',
			name: 'temp',
			nodes: [node],
			connections: {},
		});
		const context = new ExecuteContext(
			workflow,
			node,
			additionalData,
			'internal',
			runExecutionData,
			0,
			[],
			{ main: [[{ json: {} }]] },
			{ node, data: {}, source: null },
			[],
		);
		const verdict = await (async (): Promise<{ status: 'OK' | 'Error'; message: string }> => {
			try {
				await new RoutingNode(context, nodeTypeCopy, credentialsDecrypted).runNode();
			} catch (error: any) {
				if (error.cause?.response) {
					const statusCode = error.cause.response.status;
					for (const rule of testRequest.rules ?? []) {
						if (rule.type === 'responseCode' && rule.properties.value === statusCode) {
							return { status: 'Error', message: rule.properties.message };
						}
					}
					if (statusCode < 199 || statusCode > 299) {
						return {
							status: 'Error',
							message:
								error.cause.response.statusText || `Received HTTP status code: ${statusCode}`,
						};
					}
				} else if (error.cause?.code) {
					return { status: 'Error', message: error.cause.code };
				}
				return { status: 'Error', message: String(error.message) };
			}
			return { status: 'OK', message: 'Connection successful!' };
		})();
		recordTranscript('error', verdict);
		return verdict;
	}
}
