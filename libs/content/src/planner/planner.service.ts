import { Injectable } from '@nestjs/common';
import { EntityTarget, ObjectLiteral } from 'typeorm';
import { AppError } from '@kabar/common';
import { AccessPolicy, Principal } from '@kabar/org';
import { CampaignEntity, HashtagSetEntity, PillarEntity, ProgramEntity, TemplateEntity } from '../entities/planner.entities';
import { CampaignInput, HashtagSetInput, ProgramInput, TemplateInput } from './planner.dto';
import { PlannerRepository } from './planner.repository';

type Owned = ObjectLiteral & { id: string; unitId: string };

const KINDS = {
  program: ProgramEntity,
  campaign: CampaignEntity,
  template: TemplateEntity,
  hashtagSet: HashtagSetEntity,
} as const;
export type PlannerKind = keyof typeof KINDS;

/** Programs, campaigns, templates and hashtag sets: read along the unit lineage, written by admins of the owner unit. */
@Injectable()
export class PlannerService {
  constructor(
    private readonly repo: PlannerRepository,
    private readonly access: AccessPolicy,
  ) {}

  pillars(): Promise<PillarEntity[]> {
    return this.repo.all(PillarEntity, { position: 'ASC' });
  }

  programs(): Promise<ProgramEntity[]> {
    return this.repo.all(ProgramEntity, { nameId: 'ASC' });
  }

  async list(p: Principal, kind: Exclude<PlannerKind, 'program'>, unitId?: string): Promise<Owned[]> {
    const entity = KINDS[kind] as EntityTarget<Owned>;
    if (unitId) return this.repo.lineage(entity, (await this.access.requireUnit(p, unitId)).path);
    return this.repo.around(entity, this.access.unitScope(p));
  }

  async get(p: Principal, kind: PlannerKind, id: string): Promise<Owned> {
    const row = await this.repo.findById(KINDS[kind] as EntityTarget<Owned>, id);
    if (!row || (kind !== 'program' && !(await this.readable(p, row.unitId)))) throw AppError.notFound(`content.${kind}.notFound`);
    return row;
  }

  async createProgram(p: Principal, dto: ProgramInput): Promise<ProgramEntity> {
    const unitId = dto.unitId ?? (await this.repo.rootUnitId());
    await this.access.requireUnit(p, unitId, ['admin']);
    return this.repo.save(ProgramEntity, { ...dto, unitId });
  }

  async create(p: Principal, kind: 'campaign' | 'template' | 'hashtagSet', dto: CampaignInput | TemplateInput | HashtagSetInput): Promise<Owned> {
    await this.access.requireUnit(p, dto.unitId, ['admin']);
    if (kind === 'campaign') await this.checkCampaign(dto as CampaignInput);
    return this.repo.save(KINDS[kind] as EntityTarget<Owned>, this.clean(kind, dto));
  }

  async update(p: Principal, kind: PlannerKind, id: string, dto: Partial<ProgramInput & CampaignInput & TemplateInput & HashtagSetInput>): Promise<Owned> {
    const row = await this.owned(p, kind, id);
    const { unitId, ...patch } = dto;
    void unitId;
    if (kind === 'campaign') await this.checkCampaign({ ...(row as CampaignEntity), ...patch } as CampaignInput);
    return this.repo.save(KINDS[kind] as EntityTarget<Owned>, { ...row, ...this.clean(kind, patch) });
  }

  async remove(p: Principal, kind: PlannerKind, id: string): Promise<void> {
    await this.owned(p, kind, id);
    await this.repo.remove(KINDS[kind] as EntityTarget<Owned>, id);
  }

  private clean(kind: PlannerKind, dto: object): Partial<Owned> {
    if (kind === 'template') {
      const t = dto as Partial<TemplateInput>;
      return {
        ...t,
        variants: t.variants?.map((v) => ({ language: v.language, text: v.text, hashtags: v.hashtags ?? [], link: v.link ?? null })),
      } as Partial<Owned>;
    }
    return dto as Partial<Owned>;
  }

  private async checkCampaign(dto: CampaignInput) {
    if (dto.startsOn && dto.endsOn && dto.endsOn < dto.startsOn) throw AppError.validation([{ field: 'endsOn', code: 'content.campaign.endsBeforeStart' }]);
    if (dto.programId && !(await this.repo.findById(ProgramEntity, dto.programId)))
      throw AppError.validation([{ field: 'programId', code: 'content.program.unknown' }]);
  }

  private async owned(p: Principal, kind: PlannerKind, id: string): Promise<Owned> {
    const row = await this.repo.findById(KINDS[kind] as EntityTarget<Owned>, id);
    if (!row) throw AppError.notFound(`content.${kind}.notFound`);
    try {
      await this.access.requireUnit(p, row.unitId, ['admin']);
    } catch (e) {
      if (e instanceof AppError && e.status === 404 && kind !== 'program') throw AppError.notFound(`content.${kind}.notFound`);
      throw e instanceof AppError && e.status === 404 ? AppError.forbidden() : e;
    }
    return row;
  }

  /** Visible: inside one of the caller's subtrees, or an ancestor of one of them. */
  private async readable(p: Principal, unitId: string): Promise<boolean> {
    const unitPath = await this.repo.unitPath(unitId);
    return !!unitPath && this.access.unitScope(p).coversOrAbove(unitPath);
  }
}
