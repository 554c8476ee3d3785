import { Controller, Get, Param, Post, Query, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import type { Response } from 'express';
import { CurrentUser } from '../common/decorators/current-user.decorator.js';
import { Public } from '../common/decorators/public.decorator.js';
import type { AuthenticatedUser } from '../auth/auth.types.js';
import { TenantAccessService } from '../tenancy/tenant-access.service.js';
import { loadSettings } from '@crosschat/core';
import { AttachmentsService } from './attachments.service.js';

class UploadQuery {
  @IsUUID()
  business_id!: string;
}

@ApiTags('attachments')
@Controller('attachments')
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService, private readonly access: TenantAccessService) {}

  /** Upload first, then send a message with the returned attachment. */
  @ApiBearerAuth()
  @ApiConsumes('multipart/form-data')
  @Post()
  // Multer stops reading one byte past the limit; the service answers 413 with the limit in MB.
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: loadSettings().attachmentMaxBytes + 1, files: 1 } }))
  async upload(@CurrentUser() user: AuthenticatedUser, @Query() query: UploadQuery, @UploadedFile() file: Express.Multer.File | undefined) {
    await this.access.requireMember(user.id, query.business_id);
    const stored = await this.attachments.store(query.business_id, file);
    return { ...stored, signed_url: this.attachments.signedUrl(stored.key, stored.name, stored.type) };
  }

  /** Serves a file through a signed, short-lived link. */
  @Public()
  @Get(':businessId/:fileId')
  async download(
    @Param('businessId') businessId: string,
    @Param('fileId') fileId: string,
    @Query('expires') expires: string | undefined,
    @Query('sig') sig: string | undefined,
    @Query('type') type: string | undefined,
    @Query('name') name: string | undefined,
    @Res() res: Response,
  ) {
    const file = await this.attachments.open(`${businessId}/${fileId}`, expires, type, sig);
    res.setHeader('content-type', file.type);
    res.setHeader('cache-control', 'private, max-age=300');
    res.setHeader('x-content-type-options', 'nosniff');
    // Only printable ASCII goes into the header (anything else makes Node throw); a repeated name is an array.
    res.setHeader('content-disposition', `${file.type.startsWith('image/') ? 'inline' : 'attachment'}; filename="${(typeof name === 'string' ? name : 'file').replace(/[^\x20-\x7e]|["\\]/g, '_')}"`);
    file.stream.pipe(res);
  }
}
