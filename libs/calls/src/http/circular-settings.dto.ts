import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
} from 'class-validator';
import { NestedObject } from '@app/platform';
import {
  ADDRESSEE_CATEGORIES,
  AddresseeCategory,
  CIRCULAR_LIMITS,
  CIRCULAR_PLACEHOLDERS,
} from '../domain/circular-settings';

/**
 * A translation beside the English and French the circular always has (Arabic, Chinese, Russian,
 * Spanish); without it, the circular in that language prints the English text.
 */
function Translation(maxLength: number): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: String, minLength: 1, maxLength }),
    IsOptional(),
    IsString(),
    MinLength(1),
    MaxLength(maxLength),
  );
}

/** A line of text in each language of the circular. */
export class LocalizedLineDto {
  @IsString()
  @MinLength(1)
  @MaxLength(CIRCULAR_LIMITS.line)
  en: string;

  @IsString()
  @MinLength(1)
  @MaxLength(CIRCULAR_LIMITS.line)
  fr: string;

  @Translation(CIRCULAR_LIMITS.line)
  ar?: string;

  @Translation(CIRCULAR_LIMITS.line)
  zh?: string;

  @Translation(CIRCULAR_LIMITS.line)
  ru?: string;

  @Translation(CIRCULAR_LIMITS.line)
  es?: string;
}

/** A text of paragraphs (separated by a blank line) in each language of the circular. */
export class LocalizedTextDto {
  @IsString()
  @MinLength(1)
  @MaxLength(CIRCULAR_LIMITS.body)
  en: string;

  @IsString()
  @MinLength(1)
  @MaxLength(CIRCULAR_LIMITS.body)
  fr: string;

  @Translation(CIRCULAR_LIMITS.body)
  ar?: string;

  @Translation(CIRCULAR_LIMITS.body)
  zh?: string;

  @Translation(CIRCULAR_LIMITS.body)
  ru?: string;

  @Translation(CIRCULAR_LIMITS.body)
  es?: string;
}

/** Annex I in each language. */
export class LocalizedAboutDto {
  @IsString()
  @MinLength(1)
  @MaxLength(CIRCULAR_LIMITS.about)
  en: string;

  @IsString()
  @MinLength(1)
  @MaxLength(CIRCULAR_LIMITS.about)
  fr: string;

  @Translation(CIRCULAR_LIMITS.about)
  ar?: string;

  @Translation(CIRCULAR_LIMITS.about)
  zh?: string;

  @Translation(CIRCULAR_LIMITS.about)
  ru?: string;

  @Translation(CIRCULAR_LIMITS.about)
  es?: string;
}

export class SignatoryDto {
  /** As printed under the signature; empty: the title alone. */
  @IsString()
  @MaxLength(CIRCULAR_LIMITS.line)
  name: string;

  @NestedObject(() => LocalizedLineDto)
  title: LocalizedLineDto;
}

/** Whom addressees write to with their questions; the announcement prints it. */
export class CircularContactDto {
  @ApiProperty({ example: 'BDT Secretariat', minLength: 1, maxLength: CIRCULAR_LIMITS.line })
  @IsString()
  @MinLength(1)
  @MaxLength(CIRCULAR_LIMITS.line)
  name: string;

  @ApiProperty({ example: 'bdt-secretariat@itu.int', format: 'email', maxLength: CIRCULAR_LIMITS.email })
  @IsEmail()
  @MaxLength(CIRCULAR_LIMITS.email)
  email: string;

  /** As printed, e.g. +41 22 730 5111; absent: none printed. */
  @ApiPropertyOptional({ example: '+41 22 730 5111', minLength: 1, maxLength: CIRCULAR_LIMITS.phone })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(CIRCULAR_LIMITS.phone)
  phone?: string;
}

export class ResultsLetterDto {
  /** May name {call}, {applications}, {countries} and {selected}. */
  @ApiProperty({ example: { en: 'Results of the call {call}', fr: 'Résultats de l’appel {call}' } })
  @NestedObject(() => LocalizedLineDto)
  subject: LocalizedLineDto;

  /** Paragraphs separated by a blank line; may name the same figures as the subject. */
  @NestedObject(() => LocalizedTextDto)
  body: LocalizedTextDto;
}

export class AnnouncementLetterDto {
  /** May name {call} and {deadline}. */
  @NestedObject(() => LocalizedLineDto)
  subject: LocalizedLineDto;

  /** Paragraphs separated by a blank line; may name {call} and {deadline}. */
  @NestedObject(() => LocalizedTextDto)
  body: LocalizedTextDto;
}

/**
 * What a call's results circular and its announcement say. A subject or body naming a placeholder
 * its letter does not fill in is refused with 422 UNKNOWN_PLACEHOLDER.
 */
export class CircularSettingsDto {
  /** The letter's reference. */
  @ApiProperty({ example: 'BDT/DIR/DM/013', maxLength: CIRCULAR_LIMITS.reference })
  @IsString()
  @MinLength(1)
  @MaxLength(CIRCULAR_LIMITS.reference)
  reference: string;

  @ApiProperty({ type: LocalizedLineDto, example: { en: 'Geneva', fr: 'Genève' } })
  @NestedObject(() => LocalizedLineDto)
  place: LocalizedLineDto;

  /** Kept in the letters' order, each once. */
  @ApiProperty({ enum: ADDRESSEE_CATEGORIES, isArray: true, enumName: 'AddresseeCategory' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ADDRESSEE_CATEGORIES.length)
  @IsIn(ADDRESSEE_CATEGORIES, { each: true })
  addressees: AddresseeCategory[];

  @NestedObject(() => SignatoryDto)
  signatory: SignatoryDto;

  @ApiProperty({ type: ResultsLetterDto, description: `Placeholders: ${CIRCULAR_PLACEHOLDERS.results.join(', ')}.` })
  @NestedObject(() => ResultsLetterDto)
  results: ResultsLetterDto;

  @ApiProperty({
    type: AnnouncementLetterDto,
    description: `Placeholders: ${CIRCULAR_PLACEHOLDERS.announcement.join(', ')}.`,
  })
  @NestedObject(() => AnnouncementLetterDto)
  announcement: AnnouncementLetterDto;

  /** Annex I, about the programme; null: the call's description. */
  @ApiProperty({ type: LocalizedAboutDto, nullable: true })
  @IsOptional()
  @NestedObject(() => LocalizedAboutDto)
  about: LocalizedAboutDto | null;

  /** Printed on the announcement ("Contact: name, e-mail, phone"); null: none; left out of a PUT: the one written is kept. */
  @ApiPropertyOptional({ type: CircularContactDto, nullable: true })
  @IsOptional()
  @NestedObject(() => CircularContactDto)
  contact?: CircularContactDto | null;
}
