import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Principal } from '../access/principal';
import { CurrentUser } from '../auth/auth.decorators';
import { ImportWilayahDto, WilayahImportResultDto, WilayahRegionsDto, WilayahRegionsQuery } from './wilayah.dto';
import { WilayahService } from './wilayah.service';

/** Kemendagri wilayah codes (config/wilayah): what can be imported, and the import. The installation's admins only. */
@ApiTags('units')
@ApiBearerAuth()
@Controller('v1/wilayah')
export class WilayahController {
  constructor(private readonly wilayah: WilayahService) {}

  @Get('regions')
  @ApiOkResponse({
    type: WilayahRegionsDto,
    description: 'The provinces, or the kabupaten/kota of `province`, with sizes and how much of each is in the tree.',
  })
  regions(@CurrentUser() p: Principal, @Query() q: WilayahRegionsQuery): Promise<WilayahRegionsDto> {
    return this.wilayah.regions(p, q.province);
  }

  /** Idempotent: a second run changes nothing. The whole country takes seconds to a minute. */
  @Post('import')
  @HttpCode(200)
  @ApiOkResponse({ type: WilayahImportResultDto })
  import(@CurrentUser() p: Principal, @Body() dto: ImportWilayahDto): Promise<WilayahImportResultDto> {
    return this.wilayah.import(p, dto);
  }
}
