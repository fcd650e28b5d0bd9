import { checkRegistration } from './checkRegistration';
import { waitBounds } from './registration';
import { verifyByRegistration } from './rotationVerification';
import type { RegistrationOperations } from './types';

/**
 * Rotate Password's verification by registration, its wait, and Check Registration, for the nodes of the vendors with a registration state
 * (NetSapiens, Vobiz, Ultravox) to pass to declarativeNode. Nothing else imports this module: a node that does
 * not pass it (SignalWire, Opentact) bundles none of it.
 */
export const registrationOperations: RegistrationOperations = {
	verifyRotation: verifyByRegistration,
	waitBounds,
	checkRegistration,
};
