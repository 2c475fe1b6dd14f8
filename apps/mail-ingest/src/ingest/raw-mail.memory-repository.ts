import { EntityManager } from 'typeorm';
import { QuarantinedMail, RawMailInsert, RawMailRepository } from './raw-mail.repository';

type RawMailMethods = Pick<RawMailRepository, 'findAccepted' | 'insert' | 'listQuarantined'>;

/** raw_mails over an array, for unit specs; a position (mailbox, folder, UIDVALIDITY, UID) is imported once. */
export class InMemoryRawMailRepository implements RawMailMethods {
  readonly rows: (RawMailInsert & { createdAt: Date })[] = [];

  async findAccepted(
    _m: EntityManager,
    mailbox: string,
    messageId: string | null,
    contentHash: string,
    exceptId: string | null = null,
  ): Promise<string | null> {
    const seen = this.rows.find(
      (r) =>
        r.mailbox === mailbox &&
        r.id !== exceptId &&
        r.status === 'accepted' &&
        (messageId !== null ? r.messageId === messageId : r.contentHash === contentHash),
    );
    return seen?.id ?? null;
  }

  async insert(_m: EntityManager, row: RawMailInsert): Promise<boolean> {
    const taken = this.rows.some(
      (r) =>
        row.uid !== null &&
        r.uid === row.uid &&
        r.mailbox === row.mailbox &&
        r.folder === row.folder &&
        r.uidValidity === row.uidValidity,
    );
    if (taken) return false;
    this.rows.push({ ...row, createdAt: new Date() });
    return true;
  }

  async listQuarantined(limit: number): Promise<QuarantinedMail[]> {
    return this.rows
      .filter((r) => r.status === 'quarantined')
      .reverse()
      .slice(0, limit)
      .map(({ id, mailbox, folder, uid, size, error, createdAt }) => ({
        id,
        mailbox,
        folder,
        uid,
        size,
        error,
        createdAt,
      }));
  }
}
