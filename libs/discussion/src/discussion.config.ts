import { ConfigType, registerAs } from '@nestjs/config';
import { IsUrl } from 'class-validator';
import { readEnv } from '@app/platform';

class DiscussionEnv {
  /** Where the web app is served: a mention's e-mail links to the page that shows the thread. */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  PUBLIC_BASE_URL: string = 'http://127.0.0.1:3000';
}

export const discussionConfig = registerAs('discussion', () => readEnv(DiscussionEnv));
export type DiscussionConfig = ConfigType<typeof discussionConfig>;
