/**
 * Injects the conversations service's CustomerThreadReadModel. That service reads the review desk's drafts too, so
 * only the module imports it (at registration); a class import in the services would make the two apps' files load
 * in a cycle.
 */
export const CUSTOMER_THREAD = Symbol('CustomerThreadReadModel');
