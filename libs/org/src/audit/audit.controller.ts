import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Principal } from '../access/principal';
import { CurrentUser } from '../auth/auth.decorators';
import { AuditPageDto, AuditQuery } from './audit.dto';
import { AuditQueryService } from './audit-query.service';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('v1/audit')
export class AuditController {
  constructor(private readonly audit: AuditQueryService) {}

  @Get()
  @ApiOkResponse({ type: AuditPageDto })
  list(@CurrentUser() p: Principal, @Query() q: AuditQuery): Promise<AuditPageDto> {
    return this.audit.list(p, q);
  }
}
