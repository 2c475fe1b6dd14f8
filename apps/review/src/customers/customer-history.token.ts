/**
 * Injects the conversations service's CustomerHistoryReadModel; only the module imports the class (see
 * customer-thread.token.ts for why), and the customer panel's order source (an OrderHistorySource).
 */
export const CUSTOMER_HISTORY = Symbol('CustomerHistoryReadModel');
export const CUSTOMER_ORDERS = Symbol('CustomerOrders');
