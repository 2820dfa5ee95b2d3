import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min } from 'class-validator';

const emptyToUndefined = ({ value }: { value: unknown }) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

/** Every environment variable the service reads; validated once at boot. */
export class EnvironmentVariables {
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(65535)
  PORT?: number;

  @IsOptional() @IsString()
  HOST?: string;

  @IsOptional() @Transform(emptyToUndefined)
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL?: string;

  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(65535)
  EMBEDDED_PG_PORT?: number;

  @IsOptional() @IsString()
  DATA_DIR?: string;

  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200)
  DB_POOL_SIZE?: number;

  @IsOptional() @Transform(emptyToUndefined) @IsIn(['sandbox', 'test', 'live'], { message: 'MSP_ENV must be one of sandbox, test, live' })
  MSP_ENV?: 'sandbox' | 'test' | 'live';

  @IsOptional() @Transform(emptyToUndefined) @IsString()
  MSP_API_KEY?: string;

  @IsOptional() @Transform(emptyToUndefined)
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true }, { message: 'MSP_BASE_URL must be an http(s) URL' })
  MSP_BASE_URL?: string;

  @IsOptional() @Type(() => Number) @IsInt() @Min(100) @Max(120000)
  MSP_TIMEOUT_MS?: number;

  @IsOptional() @Transform(emptyToUndefined)
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true }, { message: 'PUBLIC_URL must be an http(s) URL' })
  PUBLIC_URL?: string;

  @IsOptional() @Transform(emptyToUndefined)
  @Matches(/^\s*[A-Za-z0-9_.-]+:[^,:\s]{16,}\s*(,\s*[A-Za-z0-9_.-]+:[^,:\s]{16,}\s*)*$/, {
    message: 'API_CLIENTS must be name:key pairs separated by commas, each key at least 16 characters',
  })
  API_CLIENTS?: string;

  @IsOptional() @Transform(emptyToUndefined)
  @Matches(/^[A-Za-z0-9+/]{43}=$|^[0-9a-fA-F]{64}$/, { message: 'MASTER_KEY must be 32 bytes, base64 or hex encoded' })
  MASTER_KEY?: string;

  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(65535)
  SANDBOX_PORT?: number;

  @IsOptional() @Type(() => Number) @IsInt() @Min(0)
  MSP_NOTIFICATION_MAX_AGE_S?: number;

  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(86400)
  GATEWAY_CACHE_TTL_S?: number;

  @IsOptional() @Type(() => Number) @IsInt() @Min(1)
  RECONCILE_AFTER_S?: number;

  @IsOptional() @Type(() => Number) @IsInt() @Min(0)
  RECONCILE_INTERVAL_MS?: number;

  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000)
  RECONCILE_BATCH?: number;

  @IsOptional() @Type(() => Number) @IsInt() @Min(1)
  RECONCILE_MAX_BACKOFF_S?: number;

  @IsOptional() @Type(() => Number) @IsInt() @Min(1)
  BAD_SIGNATURE_LIMIT_PER_MIN?: number;

  @IsOptional() @Type(() => Number) @IsInt() @Min(0)
  DELIVERY_POLL_MS?: number;

  @IsOptional() @Type(() => Number) @IsInt() @Min(100) @Max(60000)
  DELIVERY_TIMEOUT_MS?: number;

  @IsOptional() @Type(() => Number) @IsInt() @Min(1)
  DELIVERY_MAX_AGE_S?: number;

  @IsOptional() @Type(() => Number) @IsInt() @Min(0)
  DELIVERY_BASE_DELAY_MS?: number;

  @IsOptional() @Type(() => Number) @IsInt() @Min(0)
  DELIVERY_MAX_DELAY_MS?: number;

  @IsOptional() @Transform(emptyToUndefined)
  @Matches(/^[A-Za-z0-9_.-]+=[A-Za-z0-9.*:-]+(\|[A-Za-z0-9.*:-]+)*(,[A-Za-z0-9_.-]+=[A-Za-z0-9.*:-]+(\|[A-Za-z0-9.*:-]+)*)*$/, {
    message: 'NOTIFY_ALLOWED_HOSTS must look like checkout=hooks.example.com|*.example.org,billing=billing.internal',
  })
  NOTIFY_ALLOWED_HOSTS?: string;

  @IsOptional() @IsIn(['fatal', 'error', 'warn', 'log', 'debug', 'verbose'])
  LOG_LEVEL?: 'fatal' | 'error' | 'warn' | 'log' | 'debug' | 'verbose';
}
