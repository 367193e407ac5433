import { ConfigType, registerAs } from '@nestjs/config';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsUrl, Max, Min } from 'class-validator';
import { readEnv } from '@app/platform';

class CohortsEnv {
  /** Where the web app is served, as the public reaches it: outcome e-mails link to its cohort page. */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  PUBLIC_BASE_URL: string = 'http://127.0.0.1:3000';

  /** The days a selected centre has, from publication, to accept or decline its offer. */
  @IsInt()
  @Min(1)
  @Max(365)
  OFFER_RESPONSE_DAYS: number = 14;

  /**
   * The worker renders a published cohort's annexes and circulars (nineteen documents) right after
   * publication, so that their first readers wait for none; when off, each is rendered on its first request.
   */
  @Transform(({ obj, key }: { obj: Record<string, unknown>; key: string }) =>
    [true, 'true', '1'].includes(obj[key] as string),
  )
  @IsBoolean()
  COHORT_DOCUMENTS_AT_PUBLICATION: boolean = true;
}

export const cohortsConfig = registerAs('cohorts', () => readEnv(CohortsEnv));
export type CohortsConfig = ConfigType<typeof cohortsConfig>;

/** The web app's page of a cohort, which people read (the API's document is for machines): e-mails link to it. */
export function publicCohortPage(config: CohortsConfig, cohortId: string): string {
  return new URL(`/cohorts/${encodeURIComponent(cohortId)}`, config.PUBLIC_BASE_URL).toString();
}

/** The web app's page of a registration call's programme: the allocation's notices link to it. */
export function publicProgrammePage(config: CohortsConfig, callId: string): string {
  return new URL(`/calls/${encodeURIComponent(callId)}/programme`, config.PUBLIC_BASE_URL).toString();
}

/** The web app's page of a call, where centres read it and apply: its announcement links to it. */
export function publicCallPage(config: CohortsConfig, callId: string): string {
  return new URL(`/calls/${encodeURIComponent(callId)}`, config.PUBLIC_BASE_URL).toString();
}

/** The secretariat's page of a cohort in the web app, where it promotes a replacement: its notices link to it. */
export function secretariatCohortPage(config: CohortsConfig, cohort: { id: string; callId: string }): string {
  const path = `/secretariat/calls/${encodeURIComponent(cohort.callId)}/cohorts/${encodeURIComponent(cohort.id)}`;
  return new URL(path, config.PUBLIC_BASE_URL).toString();
}
