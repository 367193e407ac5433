import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { CallsService, CircularSettingsService, callIn } from '@app/calls';
import { AuthUser } from '@app/platform';
import type { AnnexLocale } from '../annex/annex-i18n';
import { renderCircularHtml } from '../circular/circular-html';
import { callAnnouncement } from '../circular/circular-model';
import { renderCircularPdf } from '../circular/circular-pdf';
import { CohortsConfig, cohortsConfig, publicCallPage } from '../cohorts.config';
import type { StoredAnnex } from '../infrastructure/annexes.repository';

/**
 * The announcement of a call, the same kind of letter as the results circular, rendered on request
 * from the call and its circular settings: until publication the secretariat may still change them,
 * so there is no final copy to store. The secretariat sees it at any status, the public once the call is open.
 */
@Injectable()
export class CallAnnouncementService {
  constructor(
    private readonly calls: CallsService,
    private readonly circulars: CircularSettingsService,
    @Inject(cohortsConfig.KEY) private readonly config: CohortsConfig,
  ) {}

  async render(
    actor: AuthUser | undefined,
    callId: string,
    format: 'pdf' | 'html',
    locale: AnnexLocale,
  ): Promise<StoredAnnex> {
    const call = await this.calls.getVisible(actor, callId);
    const settings = await this.circulars.get(callId);
    const announcement = callAnnouncement(settings, callIn(call, locale), publicCallPage(this.config, callId), locale);
    const content =
      format === 'pdf' ? await renderCircularPdf(announcement) : Buffer.from(renderCircularHtml(announcement), 'utf8');
    return { content, sha256: createHash('sha256').update(content).digest('hex') };
  }
}
