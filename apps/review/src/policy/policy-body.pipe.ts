import { invalidRequest, zodFieldErrors } from '@draftdesk/platform';
import { deskPolicySchema, type ShopPolicy } from '@draftdesk/shop';
import { PipeTransform } from '@nestjs/common';

/**
 * A policy in a request body, checked by the schema of policy.yaml. Fields are named as policy.yaml's reference and
 * `draftdesk shop check` name them, a list's entry by its index in brackets: `autoSend.intents[1]`.
 */
export class PolicyBodyPipe implements PipeTransform<unknown, ShopPolicy> {
  transform(value: unknown): ShopPolicy {
    const result = deskPolicySchema.safeParse(value ?? {});
    if (result.success) return result.data as ShopPolicy;
    throw invalidRequest(
      zodFieldErrors(result.error).map((e) => ({ ...e, field: e.field.replace(/\.(\d+)(?=\.|$)/g, '[$1]') })),
    );
  }
}
