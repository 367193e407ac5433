import { ConfigType, registerAs } from '@nestjs/config';
import { IsUrl } from 'class-validator';
import { readEnv } from '@app/platform';

class CohortsEnv {
  /** Where the public reaches the API: the links in outcome e-mails point there. */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  PUBLIC_BASE_URL: string = 'http://127.0.0.1:3000';
}

export const cohortsConfig = registerAs('cohorts', () => readEnv(CohortsEnv));
export type CohortsConfig = ConfigType<typeof cohortsConfig>;
