import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A content pillar of the city (cerita_wilayah, wisata, …); `key` is what posts store. */
@Entity('pillars')
export class PillarEntity {
  @PrimaryColumn({ type: 'varchar', length: 40 }) key: string;
  @Column({ name: 'name_id', type: 'varchar', length: 100 }) nameId: string;
  @Column({ name: 'name_en', type: 'varchar', length: 100 }) nameEn: string;
  @Column({ name: 'description_id', type: 'text', nullable: true }) descriptionId: string | null;
  @Column({ name: 'description_en', type: 'text', nullable: true }) descriptionEn: string | null;
  @Column({ type: 'varchar', length: 7 }) color: string;
  @Column({ name: 'requires_english', type: 'boolean', default: false }) requiresEnglish: boolean;
  @Column({ type: 'int', default: 0 }) position: number;
}

/** A priority program (program prioritas) owned by a unit (usually the kota). */
@Entity('programs')
export class ProgramEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'unit_id', type: 'uuid' }) unitId: string;
  @Column({ type: 'varchar', length: 60, nullable: true }) key: string | null;
  @Column({ name: 'name_id', type: 'varchar', length: 200 }) nameId: string;
  @Column({ name: 'name_en', type: 'varchar', length: 200, nullable: true }) nameEn: string | null;
  @Column({ name: 'description_id', type: 'text', nullable: true }) descriptionId: string | null;
  @Column({ name: 'description_en', type: 'text', nullable: true }) descriptionEn: string | null;
  @Column({ type: 'varchar', length: 100, nullable: true }) hashtag: string | null;
  @Column({ type: 'boolean', default: true }) active: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

/** A time-boxed campaign of a unit, optionally under a program. */
@Entity('campaigns')
export class CampaignEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'unit_id', type: 'uuid' }) unitId: string;
  @Column({ name: 'program_id', type: 'uuid', nullable: true }) programId: string | null;
  @Column({ type: 'varchar', length: 200 }) name: string;
  @Column({ type: 'text', nullable: true }) description: string | null;
  @Column({ name: 'starts_on', type: 'date', nullable: true }) startsOn: string | null;
  @Column({ name: 'ends_on', type: 'date', nullable: true }) endsOn: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

/** An approved English rendering of an Indonesian place or program name. */
@Entity('glossary_terms')
export class GlossaryTermEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'term_id', type: 'varchar', length: 200 }) termId: string;
  @Column({ name: 'term_en', type: 'varchar', length: 200 }) termEn: string;
  @Column({ type: 'varchar', length: 40, nullable: true }) kind: string | null;
  @Column({ name: 'id_aliases', type: 'text', array: true, default: () => "'{}'" }) idAliases: string[];
  @Column({ name: 'en_avoid', type: 'text', array: true, default: () => "'{}'" }) enAvoid: string[];
  @Column({ name: 'keep_id_in_en', type: 'boolean', default: false }) keepIdInEn: boolean;
  @Column({ type: 'text', nullable: true }) note: string | null;
}

export interface TemplateVariant {
  language: 'id' | 'en';
  text: string;
  hashtags: string[];
  link: string | null;
}

/** A reusable draft of a unit: pillar and texts per language. */
@Entity('post_templates')
export class TemplateEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'unit_id', type: 'uuid' }) unitId: string;
  @Column({ type: 'varchar', length: 200 }) name: string;
  @Column({ type: 'varchar', length: 40, nullable: true }) pillar: string | null;
  @Column({ type: 'jsonb', default: () => "'[]'" }) variants: TemplateVariant[];
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

/** A named set of hashtags of a unit; sets of an ancestor are offered to its whole subtree. */
@Entity('hashtag_sets')
export class HashtagSetEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'unit_id', type: 'uuid' }) unitId: string;
  @Column({ type: 'varchar', length: 60, nullable: true }) key: string | null;
  @Column({ type: 'varchar', length: 200 }) name: string;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) tags: string[];
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

/** A secret calendar subscription of a unit; only the token's sha256 is kept. */
@Entity('ical_feeds')
export class IcalFeedEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'unit_id', type: 'uuid' }) unitId: string;
  @Column({ name: 'token_hash', type: 'varchar', length: 64 }) tokenHash: string;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }) revokedAt: Date | null;
}
