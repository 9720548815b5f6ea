import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC_KEY = 'helpdesk:auth:public';

/** Opts a route (or controller) out of the global token check. A valid token, if sent, is still read. */
export const Public = () => SetMetadata(IS_PUBLIC_KEY, true);
