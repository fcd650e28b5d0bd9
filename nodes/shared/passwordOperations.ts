import { checkRegistration } from './checkRegistration';
import { operationKey } from './operationTable';
import { generatePasswordItem, rotatePassword, settleRotationFailure } from './rotation';
import type { OperationTable } from './types';
import type { VendorProfile } from './vendor';
import { parameterValue } from './parameters';

/**
 * The password operations of the vendor's rotation resource, for its node's operation table:
 * Generate Password, Rotate Password (which settles its own failures: a refusal before the apply
 * sent nothing, and says so in the item) and, where the vendor exposes registration state, Check
 * Registration.
 */
export function passwordOperations(vendor: VendorProfile): OperationTable {
	const { resource, registration } = vendor.rotation;
	return {
		[operationKey(resource, 'generatePassword')]: {
			run: async (path) => [generatePasswordItem(path)],
		},
		[operationKey(resource, 'rotatePassword')]: {
			run: async (path, requestData) => [await rotatePassword(path, requestData)],
			// A rotation refused before its apply (a parameter check): nothing was sent.
			settle: (path, error) =>
				settleRotationFailure(path, error, {
					outcome: 'notApplied',
					attempted: false,
					source:
						parameterValue(path.context, 'passwordSource', 'generate') === 'provided'
							? 'provided'
							: 'generate',
				}),
		},
		...(registration
			? {
					[operationKey(resource, 'checkRegistration')]: {
						run: async (path, requestData) => [await checkRegistration(path, requestData)],
					},
				}
			: {}),
	};
}
