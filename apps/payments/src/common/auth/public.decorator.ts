import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'payments:isPublic';

/** Opts a route out of the api_key guard (health, docs, MSP's webhook). Everything else is protected by default. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
