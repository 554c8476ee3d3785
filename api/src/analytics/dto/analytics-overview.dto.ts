import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsUUID, Max, Min, IsOptional } from 'class-validator';
import { Type } from 'class-transformer';

export const ANALYTICS_MAX_DAYS = 365;
export const ANALYTICS_DEFAULT_DAYS = 30;

export class AnalyticsOverviewQuery {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  business_id!: string;

  @ApiPropertyOptional({ minimum: 1, maximum: ANALYTICS_MAX_DAYS, default: ANALYTICS_DEFAULT_DAYS, description: 'Length of the period in calendar days (in the business time zone), today included' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(ANALYTICS_MAX_DAYS)
  days?: number;
}
