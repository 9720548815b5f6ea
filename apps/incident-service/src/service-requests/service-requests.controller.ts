import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, Principal, Roles } from '@helpdesk/auth';
import { ServiceRequestSnapshot } from '@helpdesk/contracts';
import { etagOf, expectedVersion, Page, PageOf, PageQueryDto } from '@helpdesk/service-runtime';
import type { Request, Response } from 'express';
import { REQUEST_STAFF_ROLES } from './domain/request-access';
import { AssignTaskDto } from './dto/assign-task.dto';
import { CancelRequestDto } from './dto/cancel-request.dto';
import { CreateRequestCommentDto } from './dto/create-request-comment.dto';
import { CreateServiceRequestDto } from './dto/create-service-request.dto';
import { DecideRequestDto } from './dto/decide-request.dto';
import { ListServiceRequestsQueryDto } from './dto/list-service-requests.query.dto';
import { RequestActionDto } from './dto/request-action.dto';
import { RequestCommentDto } from './dto/request-comment.dto';
import { RequestHistoryEntryDto } from './dto/request-history-entry.dto';
import { ServiceRequestDto } from './dto/service-request.dto';
import { ServiceRequestsService } from './service-requests.service';

const ID_PARAM = { name: 'id', description: 'The request’s UUID or number (REQ0000042)' };
const IF_MATCH = { name: 'If-Match', required: false, description: 'The ETag (version) you read; a stale one gets 409' };
const TASK_ID = new ParseUUIDPipe({ errorHttpStatusCode: 404 });

@ApiTags('service requests')
@ApiBearerAuth()
@Controller('requests')
export class ServiceRequestsController {
  constructor(private readonly requests: ServiceRequestsService) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Request something from the catalog',
    description:
      'The form is checked against the item’s schema (400 on `form.<key>`). Items needing approval wait for the ' +
      'manager of the person it is for, or a member of the named group; others go straight to fulfilment. IT staff ' +
      'may submit for someone else with requestedForId. Publishes request.submitted and request.approval-requested ' +
      'or request.fulfilment-started.',
  })
  @ApiCreatedResponse({ type: ServiceRequestDto })
  @ApiResponse({ status: 403, description: 'requestedForId from someone who is not IT staff' })
  @ApiResponse({ status: 409, description: 'The item needs an approver the directory does not have' })
  async submit(
    @Body() dto: CreateServiceRequestDto,
    @CurrentUser() principal: Principal,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ServiceRequestDto> {
    const request = await this.requests.submit(dto, principal);
    res.location(`${req.baseUrl}${req.path.replace(/\/$/, '')}/${request.id}`);
    return answer(request, res);
  }

  @Get()
  @ApiOperation({
    summary: 'List requests',
    description:
      'Employees see what they submitted, what is for them and what waits on their approval; IT staff see all. ' +
      'Filters: state, catalogItemId, category, requesterId, requestedForId, fulfilmentGroupId, taskAssigneeId, mine, ' +
      'myGroups (my groups’ fulfilment queue), awaitingMyApproval, q (number or item name). Newest first.',
  })
  @ApiOkResponse({ type: PageOf(ServiceRequestDto) })
  list(@Query() query: ListServiceRequestsQueryDto, @CurrentUser() principal: Principal): Promise<Page<ServiceRequestDto>> {
    return this.requests.list(query, principal);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a request with its approval decision and fulfilment tasks' })
  @ApiParam(ID_PARAM)
  @ApiOkResponse({ type: ServiceRequestDto, headers: { ETag: { description: 'The version, for If-Match' } } })
  @ApiResponse({ status: 404, description: 'No such request, or not yours to see' })
  async get(
    @Param('id') id: string,
    @CurrentUser() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ServiceRequestDto> {
    return answer(await this.requests.get(id, principal), res);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Approve (the named manager, or a member of the named group)',
    description: 'Publishes request.approved and request.fulfilment-started (tasks from the catalog item).',
  })
  @ApiParam(ID_PARAM)
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: ServiceRequestDto })
  @ApiResponse({ status: 403, description: 'Not the approver' })
  @ApiResponse({ status: 409, description: 'Not awaiting approval, or a stale version' })
  async approve(
    @Param('id') id: string,
    @Body() dto: DecideRequestDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentUser() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ServiceRequestDto> {
    return answer(await this.requests.approve(id, principal, expectedVersion(ifMatch, dto.version), dto.comment ?? null), res);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reject (the named manager, or a member of the named group); final' })
  @ApiParam(ID_PARAM)
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: ServiceRequestDto })
  async reject(
    @Param('id') id: string,
    @Body() dto: DecideRequestDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentUser() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ServiceRequestDto> {
    return answer(await this.requests.reject(id, principal, expectedVersion(ifMatch, dto.version), dto.comment ?? null), res);
  }

  @Post(':id/fulfil')
  @HttpCode(200)
  @Roles(...REQUEST_STAFF_ROLES)
  @ApiOperation({ summary: 'Mark fulfilled now (IT staff); open tasks are skipped', description: 'Publishes request.fulfilled.' })
  @ApiParam(ID_PARAM)
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: ServiceRequestDto })
  async fulfil(
    @Param('id') id: string,
    @Body() dto: RequestActionDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentUser() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ServiceRequestDto> {
    return answer(await this.requests.fulfil(id, principal, expectedVersion(ifMatch, dto.version)), res);
  }

  @Post(':id/tasks/:taskId/complete')
  @HttpCode(200)
  @Roles(...REQUEST_STAFF_ROLES)
  @ApiOperation({
    summary: 'Complete a fulfilment task (IT staff)',
    description: 'Publishes request.task-completed; the last one also fulfils the request (request.fulfilled).',
  })
  @ApiParam(ID_PARAM)
  @ApiParam({ name: 'taskId', format: 'uuid' })
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: ServiceRequestDto })
  async completeTask(
    @Param('id') id: string,
    @Param('taskId', TASK_ID) taskId: string,
    @Body() dto: RequestActionDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentUser() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ServiceRequestDto> {
    return answer(
      await this.requests.completeTask(id, taskId.toLowerCase(), principal, expectedVersion(ifMatch, dto.version)),
      res,
    );
  }

  @Post(':id/tasks/:taskId/assign')
  @HttpCode(200)
  @Roles(...REQUEST_STAFF_ROLES)
  @ApiOperation({ summary: 'Assign an open fulfilment task (IT staff)', description: 'Publishes request.task-assigned.' })
  @ApiParam(ID_PARAM)
  @ApiParam({ name: 'taskId', format: 'uuid' })
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: ServiceRequestDto })
  async assignTask(
    @Param('id') id: string,
    @Param('taskId', TASK_ID) taskId: string,
    @Body() dto: AssignTaskDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentUser() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ServiceRequestDto> {
    return answer(
      await this.requests.assignTask(id, taskId.toLowerCase(), dto.assigneeId, principal, expectedVersion(ifMatch, dto.version)),
      res,
    );
  }

  @Post(':id/close')
  @HttpCode(200)
  @ApiOperation({ summary: 'Confirm a fulfilled request and close it (the requester, or IT staff)' })
  @ApiParam(ID_PARAM)
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: ServiceRequestDto })
  async close(
    @Param('id') id: string,
    @Body() dto: RequestActionDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentUser() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ServiceRequestDto> {
    return answer(await this.requests.close(id, principal, expectedVersion(ifMatch, dto.version)), res);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel with a reason (the requester while not fulfilled, or IT staff)' })
  @ApiParam(ID_PARAM)
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: ServiceRequestDto })
  async cancel(
    @Param('id') id: string,
    @Body() dto: CancelRequestDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentUser() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ServiceRequestDto> {
    return answer(await this.requests.cancel(id, principal, expectedVersion(ifMatch, dto.version), dto.reason), res);
  }

  @Get(':id/comments')
  @ApiOperation({ summary: 'The conversation: public replies, and work notes for IT staff only' })
  @ApiParam(ID_PARAM)
  @ApiOkResponse({ type: PageOf(RequestCommentDto) })
  comments(
    @Param('id') id: string,
    @Query() page: PageQueryDto,
    @CurrentUser() principal: Principal,
  ): Promise<Page<RequestCommentDto>> {
    return this.requests.comments(id, principal, page);
  }

  @Post(':id/comments')
  @HttpCode(201)
  @ApiOperation({ summary: 'Add a public reply, or a work note (IT staff)', description: 'Publishes request.commented.' })
  @ApiParam(ID_PARAM)
  @ApiCreatedResponse({ type: RequestCommentDto })
  addComment(
    @Param('id') id: string,
    @Body() dto: CreateRequestCommentDto,
    @CurrentUser() principal: Principal,
  ): Promise<RequestCommentDto> {
    return this.requests.addComment(id, principal, dto.body, dto.visibility ?? 'public');
  }

  @Get(':id/history')
  @ApiOperation({ summary: 'Every change: who, what, when (work notes only for IT staff)' })
  @ApiParam(ID_PARAM)
  @ApiOkResponse({ type: PageOf(RequestHistoryEntryDto) })
  history(
    @Param('id') id: string,
    @Query() page: PageQueryDto,
    @CurrentUser() principal: Principal,
  ): Promise<Page<RequestHistoryEntryDto>> {
    return this.requests.history(id, principal, page);
  }
}

function answer(request: ServiceRequestSnapshot, res: Response): ServiceRequestDto {
  res.setHeader('ETag', etagOf(request.version));
  return request;
}
