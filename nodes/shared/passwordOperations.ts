import { operationKey } from './operationTable';
import { generatePasswordItem, rotatePassword, settleRotationFailure } from './rotation';
import type { OperationTable, RegistrationOperations } from './types';
import type { VendorProfile } from './vendor';
import { parameterValue } from './parameters';

/**
 * The password operations of the vendor's rotation resource, for its node's operation table:
 * Generate Password, Rotate Password (which settles its own failures: a refusal before the apply
 * sent nothing, and says so in the item) and, where the vendor exposes registration state, Check
 * Registration. `registration` is the registration code (registrationOperations.ts), passed by the nodes of the
 * vendors that have a registration state only, so that no other bundle carries it.
 */
export function passwordOperations(
	vendor: VendorProfile,
	registration?: RegistrationOperations,
): OperationTable {
	const { resource } = vendor.rotation;
	return {
		[operationKey(resource, 'generatePassword')]: {
			run: async (path) => [generatePasswordItem(path)],
		},
		[operationKey(resource, 'rotatePassword')]: {
			run: async (path, requestData) => [await rotatePassword(path, requestData, registration)],
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
						run: async (path, requestData) => [
							await registration.checkRegistration(path, requestData),
						],
					},
				}
			: {}),
	};
}
