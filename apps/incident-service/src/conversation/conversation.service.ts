import { HttpStatus, Injectable } from '@nestjs/common';
import { Principal } from '@helpdesk/auth';
import { IncidentCommented } from '@helpdesk/contracts';
import { decodeCursor, Page, toPage } from '@helpdesk/service-runtime';
import { createHash, randomUUID } from 'node:crypto';
import { IncidentConfig } from '../config/incident.config';
import { DirectoryRepository } from '../directory/directory.repository';
import { isOpenState } from '../incidents/domain/incident-state';
import { canSeeWorkNotes, isStaff } from '../incidents/incident-access.policy';
import { IncidentErrorCode, IncidentException } from '../incidents/incident.exception';
import { factsOf, withFacts } from '../incidents/incident-facts.mapper';
import { IncidentAttachmentEntity } from '../incidents/entities/incident-attachment.entity';
import { IncidentCommentEntity } from '../incidents/entities/incident-comment.entity';
import { IncidentsRepository } from '../incidents/incidents.repository';
import { actorOf, IncidentsService } from '../incidents/incidents.service';
import { IncidentWriter } from '../incidents/incident-writer.service';
import { checkAttachment } from './attachment-policy';
import { AttachmentDto, CommentDto, CreateCommentDto } from './dto/comment.dto';
import { quoteText, replyWithQuote } from './quote-text';

export interface UploadedFileLike {
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}

/** Public replies, work notes and attachments of an incident. */
@Injectable()
export class ConversationService {
  constructor(
    private readonly incidents: IncidentsService,
    private readonly repository: IncidentsRepository,
    private readonly writer: IncidentWriter,
    private readonly directory: DirectoryRepository,
    private readonly config: IncidentConfig,
  ) {}

  async addComment(principal: Principal, ref: string, dto: CreateCommentDto): Promise<CommentDto> {
    const visibility = dto.visibility ?? 'public';
    if (visibility === 'work_note' && !isStaff(principal)) {
      throw IncidentException.forbidden('Work notes are for IT staff; employees add public replies');
    }
    let saved: IncidentCommentEntity | undefined;
    await this.incidents.mutate(principal, ref, undefined, async (manager, current) => {
      if (!isOpenState(current.state) && current.state !== 'resolved') {
        throw new IncidentException(
          HttpStatus.CONFLICT,
          IncidentErrorCode.IllegalTransition,
          `The incident is ${current.state}; open a new incident instead of replying`,
        );
      }
      let body = dto.body;
      let quotedCommentId: string | null = null;
      if (dto.quoteCommentId) {
        const quoted = await this.repository.findComment(current.id, dto.quoteCommentId, manager);
        if (!quoted || (quoted.visibility === 'work_note' && (!canSeeWorkNotes(principal) || visibility === 'public'))) {
          throw IncidentException.badField(IncidentErrorCode.NotFound, 'quoteCommentId', 'is not a comment you can quote here');
        }
        const author = await this.directory.findUser(quoted.authorId, manager);
        body = replyWithQuote(body, quoteText(author?.displayName ?? '?', quoted.createdAt, quoted.body, localeOf(principal)));
        quotedCommentId = quoted.id;
      } else if (dto.quoteDescription) {
        const caller = await this.directory.findUser(current.callerId, manager);
        const words = current.description || current.shortDescription;
        body = replyWithQuote(body, quoteText(caller?.displayName ?? '?', current.openedAt, words, localeOf(principal)));
      }
      if ([...body].length > 40_000) {
        throw IncidentException.badField(
          IncidentErrorCode.IllegalTransition,
          'body',
          'with the quote is longer than 40000 characters',
        );
      }
      const at = new Date();
      saved = Object.assign(new IncidentCommentEntity(), {
        id: randomUUID(),
        incidentId: current.id,
        authorId: principal.id,
        visibility,
        body,
        quotedCommentId,
        createdAt: at,
      });
      await this.repository.addComment(manager, saved);
      // A public reply by IT staff to someone else's incident is the first response (itil.md SLA).
      let next = withFacts(current, factsOf(current));
      if (visibility === 'public' && isStaff(principal) && principal.id !== current.callerId && isOpenState(current.state)) {
        next = withFacts(current, this.incidents.transition(current, { type: 'respond' }, principal, at).facts);
      }
      return this.writer.commit(manager, current, next, {
        action: visibility === 'work_note' ? 'work_note' : 'comment',
        actor: actorOf(principal),
        at,
        note: visibility,
        extraChanges: [{ field: 'comment', from: null, to: saved.id }],
        events: [
          {
            event: IncidentCommented,
            detail: { commentId: saved.id, visibility, authorId: principal.id, body },
          },
        ],
      });
    });
    return (await this.toCommentDtos([saved!]))[0];
  }

  async listComments(principal: Principal, ref: string, limit: number, cursor?: string): Promise<Page<CommentDto>> {
    const incident = await this.incidents.findVisible(principal, ref);
    const after = decodeCursor(cursor, { at: 'timestamp', id: 'uuid' });
    const rows = await this.repository.comments(incident.id, canSeeWorkNotes(principal), after, limit);
    const page = toPage(rows, limit, (c) => ({ at: c.createdAt.toISOString(), id: c.id }));
    return { items: await this.toCommentDtos(page.items), nextCursor: page.nextCursor };
  }

  async addAttachment(
    principal: Principal,
    ref: string,
    file: UploadedFileLike | undefined,
    visibility: 'public' | 'work_note',
  ): Promise<AttachmentDto> {
    if (!file) throw IncidentException.badField(IncidentErrorCode.AttachmentType, 'file', 'is required (multipart field "file")');
    if (visibility === 'work_note' && !isStaff(principal)) {
      throw IncidentException.forbidden('Work-note attachments are for IT staff');
    }
    const check = checkAttachment(utf8FileName(file.originalname), file.buffer, this.config.ATTACHMENT_MAX_BYTES);
    if (!check.ok) {
      const code = check.reason?.includes('larger') ? IncidentErrorCode.AttachmentTooLarge : IncidentErrorCode.AttachmentType;
      throw IncidentException.badField(code, 'file', check.reason!);
    }
    let saved: IncidentAttachmentEntity | undefined;
    await this.incidents.mutate(principal, ref, undefined, async (manager, current) => {
      if (current.state === 'closed' || current.state === 'cancelled') {
        throw new IncidentException(HttpStatus.CONFLICT, IncidentErrorCode.IllegalTransition, `The incident is ${current.state}`);
      }
      const at = new Date();
      saved = Object.assign(new IncidentAttachmentEntity(), {
        id: randomUUID(),
        incidentId: current.id,
        commentId: null,
        fileName: check.fileName!,
        contentType: check.contentType!,
        sizeBytes: file.buffer.length,
        sha256: createHash('sha256').update(file.buffer).digest('hex'),
        visibility,
        uploadedById: principal.id,
        createdAt: at,
      });
      await this.repository.addAttachment(manager, saved, file.buffer);
      return this.writer.commit(manager, current, withFacts(current, factsOf(current)), {
        action: visibility === 'work_note' ? 'work_note' : 'attachment',
        actor: actorOf(principal),
        at,
        note: saved.fileName,
        extraChanges: [{ field: 'attachment', from: null, to: saved.fileName }],
        events: [],
      });
    });
    return toAttachmentDto(saved!);
  }

  async listAttachments(principal: Principal, ref: string): Promise<AttachmentDto[]> {
    const incident = await this.incidents.findVisible(principal, ref);
    const rows = await this.repository.attachments(incident.id, canSeeWorkNotes(principal));
    return rows.map(toAttachmentDto);
  }

  async download(principal: Principal, ref: string, attachmentId: string) {
    const incident = await this.incidents.findVisible(principal, ref);
    const meta = await this.repository.findAttachment(incident.id, attachmentId);
    if (!meta || (meta.visibility === 'work_note' && !canSeeWorkNotes(principal))) {
      throw new IncidentException(HttpStatus.NOT_FOUND, IncidentErrorCode.NotFound, `Attachment ${attachmentId} not found`);
    }
    const content = await this.repository.attachmentContent(meta.id);
    return { meta, content: content ?? Buffer.alloc(0) };
  }

  private async toCommentDtos(rows: IncidentCommentEntity[]): Promise<CommentDto[]> {
    const authors = await this.directory.findUsers([...new Set(rows.map((r) => r.authorId))]);
    const names = new Map(authors.map((a) => [a.id, a.displayName]));
    return rows.map((c) => ({
      id: c.id,
      incidentId: c.incidentId,
      authorId: c.authorId,
      authorName: names.get(c.authorId) ?? null,
      visibility: c.visibility,
      body: c.body,
      quotedCommentId: c.quotedCommentId,
      createdAt: c.createdAt.toISOString(),
    }));
  }
}

/** Multipart parsers read the filename parameter as latin1; browsers send UTF-8 (Japanese names). */
export function utf8FileName(name: string): string {
  if (![...name].every((c) => c.charCodeAt(0) <= 0xff)) return name;
  const decoded = Buffer.from(name, 'latin1').toString('utf8');
  return decoded.includes('\uFFFD') ? name : decoded;
}

function localeOf(principal: Principal): 'ja' | 'en' {
  return principal.locale === 'en' ? 'en' : 'ja';
}

function toAttachmentDto(a: IncidentAttachmentEntity): AttachmentDto {
  return {
    id: a.id,
    incidentId: a.incidentId,
    fileName: a.fileName,
    contentType: a.contentType,
    sizeBytes: a.sizeBytes,
    sha256: a.sha256,
    visibility: a.visibility,
    uploadedById: a.uploadedById,
    createdAt: a.createdAt.toISOString(),
    downloadPath: `/api/v1/incidents/${a.incidentId}/attachments/${a.id}`,
  };
}
