import { Body, Controller, Get, HttpCode, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AppError, Clock } from '@kabar/common';
import { AccessPolicy, CurrentUser, Principal, Role } from '@kabar/org';
import { ClassifierRegistry } from '../http/classifier-registry';
import { uuidParam } from './uuid-param';
import { TicketAction } from './ticket-states';
import { EXPORT_COLUMNS, exportRow, ticketsCsv } from './ticket-export';
import { TicketFilters, TicketsQueries } from './tickets.queries';
import { TicketActionDto, TicketExportQuery, TicketFilterQuery, TicketListQuery } from './tickets.dto';
import { TicketsService } from './tickets.service';

/** Who may act on a ticket they see: admins and reviewers (viewers only read). */
const ACT_ROLES: readonly Role[] = ['admin', 'reviewer'];
const EXPORT_LIMIT = 10_000;

/** The URL's action names (kebab-case) → the state machine's. */
const ACTIONS: Record<string, TicketAction> = {
  verify: 'verify',
  dispose: 'dispose',
  'follow-up': 'follow_up',
  resolve: 'resolve',
  'not-a-complaint': 'not_complaint',
  forward: 'forward',
  archive: 'archive',
  reclassify: 'reclassify',
};

function filters(q: TicketFilterQuery): TicketFilters {
  return {
    category: q.category,
    placeUnitId: q.placeUnitId,
    agencyUnitId: q.agencyUnitId,
    platform: q.platform,
    status: q.status,
    overdue: q.overdue,
    from: q.from ? new Date(`${q.from}T00:00:00Z`) : undefined,
    to: q.to ? new Date(new Date(`${q.to}T00:00:00Z`).getTime() + 86_400_000) : undefined,
  };
}

@ApiTags('aduan')
@ApiBearerAuth()
@Controller('v1/aduan/tickets')
export class TicketsController {
  constructor(
    private readonly tickets: TicketsService,
    private readonly queries: TicketsQueries,
    private readonly access: AccessPolicy,
    private readonly registry: ClassifierRegistry,
    private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({ summary: "Complaint tickets in the caller's scope (kelurahan: its place and accounts; OPD: routed to it; Diskominfo: all), newest first" })
  async list(@CurrentUser() p: Principal, @Query() q: TicketListQuery) {
    const limit = q.limit ?? 50;
    const offset = q.offset ?? 0;
    const { items, total } = await this.queries.list(this.access.paths(p), filters(q), { limit, offset }, this.clock.now());
    return { items, total, limit, offset };
  }

  @Get('meta')
  @ApiOperation({ summary: 'Categories, agencies (OPD) and places (kecamatan, kelurahan) of the caller’s city, for filters and routing' })
  async meta(@CurrentUser() p: Principal) {
    const root = await this.registry.rootOf(p.memberships.map((m) => m.path));
    if (!root) throw AppError.notFound('aduan.noUnitTree');
    const classifier = await this.registry.forRoot(root);
    const units = await this.queries.unitsOf(root);
    return {
      categories: classifier.city.categories.map((c) => ({ key: c.key, label: c.label })),
      agencies: units.filter((u) => u.kind === 'opd').map(({ id, name, code }) => ({ unitId: id, name, code })),
      places: units.filter((u) => u.kind !== 'opd').map(({ id, name, kind, parentId }) => ({ unitId: id, name, kind, parentId })),
      canAct: this.access.paths(p, ACT_ROLES).length > 0,
    };
  }

  @Get('export')
  @ApiOperation({ summary: 'Export for SP4N-LAPOR! or the city’s system (CSV or JSON): text, link, category, place, agency, dates; public handle only' })
  async export(@CurrentUser() p: Principal, @Query() q: TicketExportQuery) {
    const rows = (await this.queries.all(this.access.paths(p), filters(q), EXPORT_LIMIT, this.clock.now())).map(exportRow);
    const stamp = this.clock.now().toISOString().slice(0, 10);
    if (q.format === 'csv') {
      const body = ticketsCsv(rows);
      return new StreamableFile(body, { type: 'text/csv; charset=utf-8', disposition: `attachment; filename="kabar-aduan-${stamp}.csv"`, length: body.length });
    }
    return { columns: EXPORT_COLUMNS, items: rows };
  }

  @Get(':id')
  @ApiOperation({ summary: 'A ticket: the comment in context (the post it answers, links), why it was classified so, and its history' })
  async detail(@CurrentUser() p: Principal, @Param('id', uuidParam('id')) id: string) {
    const t = await this.queries.one(this.access.paths(p), id, this.clock.now());
    if (!t) throw AppError.notFound('aduan.tickets.notFound');
    const canAct = !!(await this.queries.one(this.access.paths(p, ACT_ROLES), id, this.clock.now()));
    return { ...t, ...(await this.queries.context(id)), canAct, allowedActions: canAct ? t.allowedActions : [] };
  }

  @Post(':id/:action')
  @HttpCode(200)
  @ApiOperation({ summary: 'verify, dispose (to an OPD and/or kelurahan), follow-up, resolve, not-a-complaint, forward (bukan wewenang), archive, reclassify' })
  async act(@CurrentUser() p: Principal, @Param('id', uuidParam('id')) id: string, @Param('action') name: string, @Body() body: TicketActionDto) {
    const action = ACTIONS[name];
    if (!action) throw AppError.notFound('aduan.tickets.unknownAction', { action: name });
    const now = this.clock.now();
    if (!(await this.queries.one(this.access.paths(p), id, now))) throw AppError.notFound('aduan.tickets.notFound');
    if (!(await this.queries.one(this.access.paths(p, ACT_ROLES), id, now))) throw AppError.forbidden();
    await this.tickets.act(id, { ...body, action, actorId: p.userId });
    return (await this.queries.one(this.access.paths(p), id, this.clock.now()))!;
  }
}
