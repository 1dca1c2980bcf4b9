import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsArray, IsBoolean, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { AppError, v } from '@kabar/common';
import { AccessPolicy, CurrentUser, Principal } from '@kabar/org';
import { uuidParam } from '../planner/uuid';
import { GlossaryTermEntity } from '../entities/planner.entities';
import { GlossaryRepository } from './glossary.repository';

export class GlossaryTermDto {
  @ApiProperty({ example: 'Kebun Raya Bogor' }) @MaxLength(200, v({ max: 200 })) @IsString() @IsNotEmpty() termId: string;
  @ApiProperty({ example: 'Bogor Botanical Gardens' }) @MaxLength(200, v({ max: 200 })) @IsString() @IsNotEmpty() termEn: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(40, v({ max: 40 })) kind?: string;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @IsString({ each: true }) idAliases?: string[];
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @IsString({ each: true }) enAvoid?: string[];
  @ApiPropertyOptional() @IsOptional() @IsBoolean() keepIdInEn?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000, v({ max: 2000 })) note?: string;
}

const view = (t: GlossaryTermEntity) => ({ ...t });

/** Everyone reads the glossary; city admins keep it. */
@ApiTags('glossary')
@ApiBearerAuth()
@Controller('v1/glossary')
export class GlossaryController {
  constructor(
    private readonly repo: GlossaryRepository,
    private readonly access: AccessPolicy,
  ) {}

  @Get()
  async list() {
    return (await this.repo.all()).map(view);
  }

  @Post()
  async create(@CurrentUser() p: Principal, @Body() dto: GlossaryTermDto) {
    this.access.requireCityAdmin(p);
    if (await this.repo.findByTerm(dto.termId)) throw AppError.conflict('content.glossary.exists', { name: dto.termId });
    return view(await this.repo.save({ ...dto, idAliases: dto.idAliases ?? [], enAvoid: dto.enAvoid ?? [] }));
  }

  @Patch(':id')
  async update(@CurrentUser() p: Principal, @Param('id', uuidParam('id')) id: string, @Body() dto: GlossaryTermDto) {
    this.access.requireCityAdmin(p);
    const row = await this.repo.findById(id);
    if (!row) throw AppError.notFound('content.glossary.notFound');
    return view(await this.repo.save({ ...row, ...dto }));
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@CurrentUser() p: Principal, @Param('id', uuidParam('id')) id: string): Promise<void> {
    this.access.requireCityAdmin(p);
    await this.repo.remove(id);
  }
}
