import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, Principal } from '@helpdesk/auth';
import { ApiErrorResponses, Page, PageOf, PageQueryDto } from '@helpdesk/service-runtime';
import type { Response } from 'express';
import { IncidentErrorCode, IncidentException } from '../incidents/incident.exception';
import { ConversationService, UploadedFileLike } from './conversation.service';
import { AttachmentDto, CommentDto, CreateCommentDto } from './dto/comment.dto';

const ID_PARAM = { name: 'id', description: 'UUID or number (INC0001234)' };
/** Multer's own ceiling; the configured limit (ATTACHMENT_MAX_BYTES) is checked after, with a clear 400. */
const UPLOAD_CEILING = 100 * 1024 * 1024;

@ApiTags('incidents')
@ApiBearerAuth()
@Controller('incidents/:id')
export class ConversationController {
  constructor(private readonly conversation: ConversationService) {}

  @Get('comments')
  @ApiOperation({ summary: 'Replies and work notes, oldest first (employees see public replies only)' })
  @ApiParam(ID_PARAM)
  @ApiOkResponse({ type: PageOf(CommentDto) })
  @ApiErrorResponses(400, 401, 404)
  list(@Param('id') id: string, @Query() page: PageQueryDto, @CurrentUser() p: Principal): Promise<Page<CommentDto>> {
    return this.conversation.listComments(p, id, page.limit ?? 100, page.cursor);
  }

  @Post('comments')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Add a public reply or a work note',
    description:
      'A public reply by IT staff is the first response for the SLA. `quoteCommentId` / `quoteDescription` quote earlier words below the reply, e-mail style.',
  })
  @ApiParam(ID_PARAM)
  @ApiCreatedResponse({ type: CommentDto })
  @ApiErrorResponses(400, 401, 403, 404, 409)
  add(@Param('id') id: string, @Body() dto: CreateCommentDto, @CurrentUser() p: Principal): Promise<CommentDto> {
    return this.conversation.addComment(p, id, dto);
  }

  @Get('attachments')
  @ApiOperation({ summary: 'Attachments (employees see public ones only)' })
  @ApiParam(ID_PARAM)
  @ApiOkResponse({ type: [AttachmentDto] })
  @ApiErrorResponses(401, 404)
  attachments(@Param('id') id: string, @CurrentUser() p: Principal): Promise<AttachmentDto[]> {
    return this.conversation.listAttachments(p, id);
  }

  @Post('attachments')
  @HttpCode(201)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: UPLOAD_CEILING, files: 1 } }))
  @ApiOperation({
    summary: 'Attach a file (multipart field `file`)',
    description:
      'Images, PDF, text, CSV, JSON, e-mail, zip and Office files up to the configured size; the content must match the extension.',
  })
  @ApiParam(ID_PARAM)
  @ApiQuery({ name: 'visibility', required: false, enum: ['public', 'work_note'] })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] } })
  @ApiCreatedResponse({ type: AttachmentDto })
  @ApiErrorResponses(400, 401, 403, 404, 409, 413)
  upload(
    @Param('id') id: string,
    @UploadedFile() file: UploadedFileLike | undefined,
    @Query('visibility') visibility: string | undefined,
    @CurrentUser() p: Principal,
  ): Promise<AttachmentDto> {
    if (visibility !== undefined && visibility !== 'public' && visibility !== 'work_note') {
      throw IncidentException.badField(IncidentErrorCode.AttachmentType, 'visibility', 'must be public or work_note');
    }
    return this.conversation.addAttachment(p, id, file, visibility ?? 'public');
  }

  @Get('attachments/:attachmentId')
  @ApiOperation({ summary: 'Download an attachment (only for those who may see the incident)' })
  @ApiParam(ID_PARAM)
  @ApiErrorResponses(400, 401, 404)
  async download(
    @Param('id') id: string,
    @Param(
      'attachmentId',
      new ParseUUIDPipe({
        exceptionFactory: () => IncidentException.badField(IncidentErrorCode.NotFound, 'attachmentId', 'must be a UUID'),
      }),
    )
    attachmentId: string,
    @CurrentUser() p: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { meta, content } = await this.conversation.download(p, id, attachmentId);
    // Always a download, never rendered in our origin; the type is ours, not the uploader's.
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    return new StreamableFile(content, {
      type: meta.contentType,
      disposition: `attachment; filename*=UTF-8''${encodeURIComponent(meta.fileName)}`,
      length: content.length,
    });
  }
}
