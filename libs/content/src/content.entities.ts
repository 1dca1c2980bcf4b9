import { MediaEntity } from './entities/media.entity';
import { PostHistoryEntity } from './entities/post-history.entity';
import { PostMediaEntity } from './entities/post-media.entity';
import { PostTargetEntity } from './entities/post-target.entity';
import { PostVariantEntity } from './entities/post-variant.entity';
import { PostEntity } from './entities/post.entity';
import { CampaignEntity, GlossaryTermEntity, HashtagSetEntity, IcalFeedEntity, PillarEntity, ProgramEntity, TemplateEntity } from './entities/planner.entities';

export const CONTENT_ENTITIES = [
  PostEntity,
  PostVariantEntity,
  PostTargetEntity,
  PostMediaEntity,
  PostHistoryEntity,
  MediaEntity,
  PillarEntity,
  ProgramEntity,
  CampaignEntity,
  GlossaryTermEntity,
  TemplateEntity,
  HashtagSetEntity,
  IcalFeedEntity,
];
