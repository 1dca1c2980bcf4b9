import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AppError, currentContext } from '@kabar/common';
import { CurrentUser, Principal } from '@kabar/org';
import { ClassifierRegistry } from './classifier-registry';
import { ClassifyRequestDto, ClassifyResponseDto } from './classify.dto';

@ApiTags('aduan')
@ApiBearerAuth()
@Controller('v1/aduan')
export class ClassifyController {
  constructor(private readonly registry: ClassifierRegistry) {}

  @Post('classify')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Classify comments: complaint or not, category, place, responsible OPD, score and reasons (in the same order, up to 1,000)',
  })
  @ApiOkResponse({ type: ClassifyResponseDto })
  async classify(@CurrentUser() p: Principal, @Body() body: ClassifyRequestDto): Promise<ClassifyResponseDto> {
    // classifying changes nothing: no audit entry
    const ctx = currentContext();
    if (ctx) ctx.audited = true;
    const root = await this.registry.rootOf(p.memberships.map((m) => m.path));
    if (!root) throw AppError.notFound('aduan.noUnitTree');
    const classifier = await this.registry.forRoot(root);
    return { items: classifier.classify(body.items) };
  }
}
