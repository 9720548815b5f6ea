import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@helpdesk/auth';
import { Page, PageOf } from '@helpdesk/service-runtime';
import { ApiErrorResponses } from '@helpdesk/service-runtime';
import { AuditService } from './audit.service';
import { AuditEntryDto } from './dto/audit-entry.dto';
import { ListAuditQueryDto } from './dto/list-audit.query.dto';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'Audit trail (admin)', description: 'Admin changes to users and groups, and sign-ins, newest first.' })
  @ApiOkResponse({ type: PageOf(AuditEntryDto) })
  @ApiErrorResponses(400, 401, 403)
  list(@Query() query: ListAuditQueryDto): Promise<Page<AuditEntryDto>> {
    return this.audit.list(query);
  }
}
