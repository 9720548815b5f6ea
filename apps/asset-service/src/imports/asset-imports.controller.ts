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
import { CsvUpload, CsvUploadError, readCsvUpload, UploadedCsvFile } from '@helpdesk/csv';
import { ApiErrorResponses } from '@helpdesk/service-runtime';
import type { Request, Response } from 'express';
import { ASSET_MANAGER_ROLES } from '../cis/domain/ci-roles';
import { AssetConfig } from '../config/asset.config';
import { IMPORT_FIELD_COLUMNS } from './asset-import-columns';
import { AssetImportException } from './asset-import.exception';
import { AssetImportsService } from './asset-imports.service';
import { AssetImportDryRunDto, AssetImportJobDto } from './dto/asset-import.dto';
import { AssetImportQueryDto } from './dto/asset-import.query.dto';

@ApiTags('assets')
@ApiBearerAuth()
@Controller('assets/import')
export class AssetImportsController {
  constructor(
    private readonly config: AssetConfig,
    private readonly imports: AssetImportsService,
  ) {}

  @Post()
  @Roles(...ASSET_MANAGER_ROLES)
  @HttpCode(HttpStatus.ACCEPTED)
  // The multipart size limit comes from AssetImportsModule's MulterModule options (IMPORT_MAX_BYTES).
  @UseInterceptors(FileInterceptor('file'))
  @ApiOperation({
    summary: 'Import CIs from CSV (asset managers, admins)',
    description:
      `A CSV (UTF-8, RFC 4180) as multipart field \`file\` or as a \`text/csv\` body, up to IMPORT_MAX_BYTES (413 beyond). ` +
      `One CI per row; columns by name, case-insensitive: ${IMPORT_FIELD_COLUMNS.join(', ')}, and \`attr.<key>\` for ` +
      'custom attributes (type and name required; any other column is refused with 400). `licence`: the UUID or number ' +
      'of a licence CI, or the name of a licence on an earlier row; `assignedTo`: an active person by e-mail or id. ' +
      '`?dryRun=true` answers 200 with every problem of every row (row, column, reason) and writes nothing. Otherwise ' +
      'the whole file is checked first: any problem answers 400 with the same list and nothing is written; else 202 ' +
      'with a job that imports all rows in one transaction (all or nothing) and emits asset.created with origin import.',
  })
  @ApiConsumes('multipart/form-data', 'text/csv')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] } })
  @ApiAcceptedResponse({ type: AssetImportJobDto, headers: { Location: { description: 'GET /assets/import/{id}: the job' } } })
  @ApiOkResponse({ type: AssetImportDryRunDto, description: 'With dryRun=true' })
  @ApiErrorResponses(400, 401, 403, 413)
  async import(
    @Query() query: AssetImportQueryDto,
    @UploadedFile() file: UploadedCsvFile | undefined,
    @CurrentUser() principal: Principal,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AssetImportJobDto | AssetImportDryRunDto> {
    const upload = await this.read(req, file, query.fileName);
    if (query.dryRun) {
      res.status(HttpStatus.OK);
      return this.imports.dryRun(upload);
    }
    const job = await this.imports.enqueue(upload, principal);
    res.location(`${req.baseUrl}${req.path.replace(/\/$/, '')}/${job.id}`);
    return job;
  }

  @Get(':jobId')
  @Roles(...ASSET_MANAGER_ROLES)
  @ApiOperation({ summary: 'An import job (asset managers, admins): state, progress, outcome' })
  @ApiParam({ name: 'jobId', format: 'uuid' })
  @ApiOkResponse({ type: AssetImportJobDto })
  @ApiErrorResponses(401, 403, 404)
  get(@Param('jobId') jobId: string): Promise<AssetImportJobDto> {
    return this.imports.get(jobId);
  }

  private async read(req: Request, file: UploadedCsvFile | undefined, fileName: string | undefined): Promise<CsvUpload> {
    try {
      return await readCsvUpload(req, file, { maxBytes: this.config.IMPORT_MAX_BYTES, fileName });
    } catch (error) {
      if (!(error instanceof CsvUploadError)) throw error;
      throw error.code === 'too_large'
        ? AssetImportException.tooLarge(error.maxBytes)
        : AssetImportException.noFile(error.reason);
    }
  }
}
