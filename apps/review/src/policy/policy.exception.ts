import { ConflictException } from '@nestjs/common';

export enum PolicyErrorCode {
  SavedMeanwhile = 'POLICY_SAVED_MEANWHILE',
}

export const savedMeanwhile = () =>
  new ConflictException({
    code: PolicyErrorCode.SavedMeanwhile,
    message: 'someone saved the policy at the same moment: load it again and repeat your change',
    errors: [],
  });
