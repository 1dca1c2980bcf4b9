import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { AccessPolicy, Principal } from '@kabar/org';
import { AccountPlatform, AccountStatus, SocialAccountEntity } from './entities/social-account.entity';

export interface AccountFilter {
  unitId?: string;
  platform?: AccountPlatform;
  status?: AccountStatus;
}

@Injectable()
export class AccountsRepository {
  constructor(
    @InjectRepository(SocialAccountEntity) private readonly repo: Repository<SocialAccountEntity>,
    private readonly access: AccessPolicy,
  ) {}

  listVisible(p: Principal, f: AccountFilter): Promise<SocialAccountEntity[]> {
    const qb = this.repo.createQueryBuilder('a').orderBy('a.platform').addOrderBy('a.handle');
    this.access.scope(qb, p, 'a.unit_id');
    if (f.unitId) qb.andWhere('a.unit_id = :unitId', { unitId: f.unitId });
    if (f.platform) qb.andWhere('a.platform = :platform', { platform: f.platform });
    if (f.status) qb.andWhere('a.status = :status', { status: f.status });
    return qb.getMany();
  }

  findById(id: string): Promise<SocialAccountEntity | null> {
    return this.repo.findOne({ where: { id } });
  }

  findByExternal(platform: AccountPlatform, externalId: string): Promise<SocialAccountEntity | null> {
    return this.repo.findOne({ where: { platform, externalId } });
  }

  /** The ciphertext, which the ordinary reads never select. */
  async credentialsOf(id: string, em: EntityManager = this.repo.manager): Promise<string | null> {
    const row = await em
      .getRepository(SocialAccountEntity)
      .createQueryBuilder('a')
      .select('a.credentials_enc', 'enc')
      .where('a.id = :id', { id })
      .getRawOne<{ enc: string }>();
    return row?.enc ?? null;
  }

  insert(em: EntityManager, row: Partial<SocialAccountEntity> & { id: string; credentialsEnc: string }): Promise<SocialAccountEntity> {
    return em.getRepository(SocialAccountEntity).save(em.getRepository(SocialAccountEntity).create(row));
  }

  async update(em: EntityManager, id: string, patch: Partial<SocialAccountEntity>): Promise<void> {
    await em.getRepository(SocialAccountEntity).update({ id }, patch);
  }

  async remove(em: EntityManager, id: string): Promise<void> {
    await em.getRepository(SocialAccountEntity).delete({ id });
  }

  /**
   * Marks an account needs_reconnect only if it is still active: a disabled account stays disabled.
   * Returns whether this call changed it (so one auth failure notifies once).
   */
  async markNeedsReconnect(id: string, reason: string): Promise<boolean> {
    const res = await this.repo
      .createQueryBuilder()
      .update(SocialAccountEntity)
      .set({ status: 'needs_reconnect', statusReason: reason })
      .where('id = :id AND status = :s', { id, s: 'active' })
      .execute();
    return (res.affected ?? 0) > 0;
  }
}
