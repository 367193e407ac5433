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

  /**
   * Replicates of the bootstrap of a calibrated stage's ranks (issue 16 item 2). At 1000 the 90%
   * interval's bounds rest on 50 draws each side; a replicate of 100,000 applications takes about 0.14 s.
   */
  @IsInt()
  @Min(1)
  @Max(100_000)
  SCORING_BOOTSTRAP_REPLICATES: number = 1_000;
}

export const scoringJobsConfig = registerAs('scoringJobs', () => readEnv(ScoringJobsEnv));
export type ScoringJobsConfig = ConfigType<typeof scoringJobsConfig>;
