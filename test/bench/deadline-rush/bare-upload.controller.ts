import {
  Controller,
  Headers,
  HttpCode,
  HttpException,
  Inject,
  NotFoundException,
  Param,
  Post,
  UnauthorizedException,
  UnsupportedMediaTypeException,
  UploadedFile,
  UseInterceptors,
  Body,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { JwtService } from '@nestjs/jwt';
import { createHash } from 'node:crypto';
import { fromBuffer } from 'file-type';
import { memoryStorage } from 'multer';
import { Pool } from 'pg';
import { submissionWindow } from '../../../libs/calls/src/domain/call-lifecycle';
import {
  ACCEPTED_DOCUMENT_TYPES,
  MAX_DOCUMENT_BYTES,
  safeFilename,
} from '../../../libs/applications/src/domain/file-types';
import { BARE_POOL } from '../http/bare-api.controller';

/** The caller (active, token version current, session live) and its draft $4, locked, with its call's window. */
const DRAFT_FOR_UPLOAD = `
WITH caller AS (
  SELECT u.id, u.organisation_id FROM users u
  WHERE u.id = $1 AND u.active AND u.token_version = $2 AND u.role = 'applicant'
    AND EXISTS (SELECT 1 FROM refresh_tokens t WHERE t.family_id = $3 AND t.user_id = u.id AND t.revoked_at IS NULL))
SELECT a.id, a.status, c.status AS call_status, c.opens_at, c.closes_at, now() AS now,
       (SELECT count(*)::int FROM documents d WHERE d.application_id = a.id) AS documents
FROM caller
JOIN applications a ON a.id = $4 AND a.organisation_id = caller.organisation_id
JOIN calls c ON c.id = a.call_id
FOR UPDATE OF a FOR SHARE OF c`;

/** $1 application, $2 kind, $3 filename, $4 MIME type, $5 size, $6 SHA-256, $7 bytes, $8 uploader. */
const INSERT_DOCUMENT = `
WITH d AS (
  INSERT INTO documents (application_id, kind, filename, mime_type, size, sha256, content, uploaded_by)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id, kind, filename, size, sha256, mime_type, created_at),
a AS (UPDATE applications SET version = version + 1, updated_at = now() WHERE id = $1),
audit AS (
  INSERT INTO audit_events (actor_id, action, entity_type, entity_id, after)
  SELECT $8, 'application.document_added', 'application', $1,
         jsonb_build_object('documentId', id, 'kind', kind, 'filename', filename, 'sha256', sha256) FROM d)
SELECT json_build_object('id', id, 'kind', kind, 'filename', filename, 'size', size, 'sha256', sha256,
                         'mimeType', mime_type, 'createdAt', created_at) AS document FROM d`;

/**
 * The deadline rush's floor for an upload: the multipart form read into memory by multer, the type
 * sniffed from the bytes, the SHA-256, and in one transaction the draft locked, the window checked
 * and the row inserted with its bytes and audit event. No problem documents, no quota but a count.
 */
@Controller('api/v1')
export class BareUploadController {
  constructor(
    @Inject(BARE_POOL) private readonly pool: Pool,
    private readonly jwt: JwtService,
  ) {}

  @Post('applications/:id/documents')
  @HttpCode(201)
  @UseInterceptors(
    FileInterceptor('file', {
      storage: memoryStorage(),
      limits: { fileSize: MAX_DOCUMENT_BYTES, files: 1, fields: 5 },
    }),
  )
  async upload(
    @Headers('authorization') authorization: string,
    @Param('id') id: string,
    @Body() body: { kind: string },
    @UploadedFile() file: Express.Multer.File | undefined,
  ) {
    const caller = this.caller(authorization);
    if (!file) throw new HttpException('a file is required', 400);
    const sniffed = await fromBuffer(file.buffer);
    const extension = sniffed && ACCEPTED_DOCUMENT_TYPES[sniffed.mime];
    if (!sniffed || !extension) throw new UnsupportedMediaTypeException();
    const sha256 = createHash('sha256').update(file.buffer).digest('hex');
    const db = await this.pool.connect();
    try {
      await db.query('BEGIN');
      const { rows } = await db.query(DRAFT_FOR_UPLOAD, [...caller, id]);
      if (rows.length === 0) throw new NotFoundException();
      const draft = rows[0];
      if (draft.status !== 'draft') throw new HttpException('not a draft', 409);
      const call = { status: draft.call_status, opensAt: draft.opens_at, closesAt: draft.closes_at };
      if (submissionWindow(call, draft.now) !== 'open') throw new HttpException('not accepting applications', 409);
      if (draft.documents >= 20) throw new HttpException('too many documents', 422);
      const { rows: inserted } = await db.query(INSERT_DOCUMENT, [
        id,
        body.kind,
        safeFilename(file.originalname, extension),
        sniffed.mime,
        file.size,
        sha256,
        file.buffer,
        caller[0],
      ]);
      await db.query('COMMIT');
      return inserted[0].document;
    } catch (error) {
      await db.query('ROLLBACK');
      throw error;
    } finally {
      db.release();
    }
  }

  /** Verifies the token's signature with the key object the module holds: [user, token version, session]. */
  private caller(authorization: string | undefined): [string, number, string] {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    if (!token) throw new UnauthorizedException();
    try {
      const { sub, ver, sid } = this.jwt.verify<{ sub: string; ver: number; sid: string }>(token);
      return [sub, ver, sid];
    } catch {
      throw new UnauthorizedException();
    }
  }
}
