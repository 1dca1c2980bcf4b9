import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Principal } from '@kabar/org';
import { HomeDto } from './home.dto';
import { HomeService } from './home.service';

@ApiTags('home')
@ApiBearerAuth()
@Controller('v1/home')
export class HomeController {
  constructor(private readonly homeService: HomeService) {}

  @Get()
  @ApiOkResponse({ type: HomeDto })
  home(@CurrentUser() p: Principal): Promise<HomeDto> {
    return this.homeService.home(p);
  }
}
