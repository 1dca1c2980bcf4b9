import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { PublishContent, composeText } from '@kabar/platforms';
import { contentOf, variantFor } from '../checks/post-checks.service';
import { PostTargetEntity } from '../entities/post-target.entity';
import { MediaLinks } from '../media/media-links';
import { PostsRepository } from './posts.repository';

export interface TargetContent {
  targetId: string;
  postId: string;
  accountId: string;
  platform: string;
  language: string;
  /** What the adapter gets: text, link, hashtags and media with public, expiring URLs. */
  content: PublishContent;
  /** The text as composed for posting (body, link, hashtags): the fingerprint source. */
  text: string;
}

/** For publishing: what one target posts — its platform's override first, else its language's variant. */
@Injectable()
export class ContentForTarget {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly posts: PostsRepository,
    private readonly links: MediaLinks,
  ) {}

  async load(targetId: string, opts: { mediaTtlSeconds?: number; em?: EntityManager } = {}): Promise<TargetContent | null> {
    const em = opts.em ?? this.ds.manager;
    const target = await em.getRepository(PostTargetEntity).findOne({ where: { id: targetId } });
    if (!target) return null;
    const [account] = await em.query(`SELECT platform FROM social_accounts WHERE id = $1`, [target.accountId]);
    const [variants, media] = await Promise.all([this.posts.variantsOf(target.postId, em), this.posts.mediaOf(target.postId, em)]);
    const variant = variantFor(variants, target.language, account.platform);
    if (!variant) return null;
    const content = contentOf(variant, media, (id) => this.links.publicUrl(id, opts.mediaTtlSeconds ?? 6 * 3600));
    return {
      targetId,
      postId: target.postId,
      accountId: target.accountId,
      platform: account.platform,
      language: target.language,
      content,
      text: composeText(content),
    };
  }
}
