import { ConfigType, registerAs } from '@nestjs/config';
import { IsInt, Max, Min } from 'class-validator';
import { readEnv } from '@app/platform';

class ScoringJobsEnv {
  /** Scoring jobs one worker runs at once (chunks of a run go side by side; writers of a call wait in the database). */
  @IsInt()
  @Min(1)
  @Max(64)
  SCORING_CONCURRENCY: number = 2;

  /** Applications per chunk of a full scoring run. */
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  SCORING_CHUNK_SIZE: number = 5_000;
}

export const scoringJobsConfig = registerAs('scoringJobs', () => readEnv(ScoringJobsEnv));
export type ScoringJobsConfig = ConfigType<typeof scoringJobsConfig>;
