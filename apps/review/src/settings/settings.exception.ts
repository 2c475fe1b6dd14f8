import { NotFoundException } from '@nestjs/common';

export enum SettingsErrorCode {
  ShopNotFound = 'SHOP_NOT_FOUND',
}

export const shopNotFound = (id: string) =>
  new NotFoundException({ code: SettingsErrorCode.ShopNotFound, message: `shop ${id} not found`, errors: [] });
