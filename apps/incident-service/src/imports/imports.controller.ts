import {
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Query,
  Req,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, Principal, Roles } from '@helpdesk/auth';
import { ApiErrorResponses } from '@helpdesk/service-runtime';
import type { Request, Response } from 'express';
import { CsvUploadReader, UploadedCsvFile } from './csv-upload.reader';
import { ImportDryRunDto, ImportJobDto } from './dto/import-job.dto';
import { ImportServiceNowQueryDto } from './dto/import-servicenow.query.dto';
import { ImportJobsService } from './import-jobs.service';

@ApiTags('imports')
@ApiBearerAuth()
@Controller('imports')
export class ImportsController {
  constructor(
    private readonly uploads: CsvUploadReader,
    private readonly imports: ImportJobsService,
  ) {}

  @Post('servicenow-incidents')
  @Roles('admin')
  @HttpCode(HttpStatus.ACCEPTED)
  // The size limit comes from ImportsModule's MulterModule options (IMPORT_MAX_BYTES).
  @UseInterceptors(FileInterceptor('file'))
  @ApiOperation({
    summary: 'Import the ServiceNow incident event log (admin)',
    description:
      'The CSV as multipart field `file` or as a `text/csv` body. Each incident is recreated with its history ' +
      '(states, reassignments, reopens, holds, historical times), emitting the same incident.* events as live work; ' +
      'incidents imported before are left unchanged. Runs as a background job: 202 with the job and a Location to ' +
      'follow its progress. `?dryRun=true` answers 200 with every problem and the counts, writing nothing. A file ' +
      'that does not parse as the export (quoting, columns, encoding) gets 400 with its first 100 problems.',
  })
  @ApiConsumes('multipart/form-data', 'text/csv')
  @ApiBody({
    schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] },
  })
  @ApiAcceptedResponse({ type: ImportJobDto, headers: { Location: { description: 'GET /imports/{id}: the job' } } })
  @ApiOkResponse({ type: ImportDryRunDto, description: 'With dryRun=true' })
  @ApiErrorResponses(400, 401, 403, 413)
  async importServiceNowIncidents(
    @Query() query: ImportServiceNowQueryDto,
    @UploadedFile() file: UploadedCsvFile | undefined,
    @CurrentUser() principal: Principal,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ImportJobDto | ImportDryRunDto> {
    const upload = await this.uploads.read(req, file, query.fileName);
    if (query.dryRun) {
      res.status(HttpStatus.OK);
      return this.imports.dryRunServiceNowIncidents(upload);
    }
    const job = await this.imports.enqueueServiceNowIncidents(upload, principal);
    res.location(`${req.baseUrl}${req.path}`.replace(/\/servicenow-incidents\/?$/, `/${job.id}`));
    return job;
  }

  @Get(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'An import job (admin): state, progress, counts and problems' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: ImportJobDto })
  @ApiErrorResponses(401, 403, 404)
  get(@Param('id') id: string): Promise<ImportJobDto> {
    return this.imports.get(id);
  }
}
