import { ApiProperty } from '@nestjs/swagger';

/** Of an evaluator's submitted evaluations of a call, how many gave each confidence. */
export class EvaluatorConfidenceDto {
  @ApiProperty({ format: 'uuid' })
  evaluatorId: string;
  low: number;
  medium: number;
  high: number;
  /** Submitted without a confidence. */
  notStated: number;
}
