import { NotFoundException } from '@nestjs/common';

export enum CustomerErrorCode {
  NotFound = 'CUSTOMER_NOT_FOUND',
}

/** Also the answer for another shop's customer: whether they exist elsewhere is not this shop's to know. */
export const customerNotFound = (id: string) =>
  new NotFoundException({ code: CustomerErrorCode.NotFound, message: `customer ${id} not found` });
