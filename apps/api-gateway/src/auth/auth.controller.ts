import { Body, Controller, Get, HttpCode, Post, Req, UseInterceptors } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { AuthKeys, Public, publicJwk } from '@helpdesk/auth';
import type { Request } from 'express';
import { ApiErrorDto } from '@helpdesk/service-runtime';
import { ApiErrorResponses } from '@helpdesk/service-runtime';
import { AuthSessionsService, ClientInfo } from './auth-sessions.service';
import { LoginDto } from './dto/login.dto';
import { RefreshTokenDto } from './dto/refresh-token.dto';
import { TokenPairDto } from './dto/token-pair.dto';
import { normaliseClientAddress } from './login-throttle.service';
import { RetryAfterInterceptor } from './retry-after.interceptor';

export function clientInfoOf(req: Request): ClientInfo {
  return { address: normaliseClientAddress(req.ip), userAgent: req.get('user-agent') ?? undefined };
}

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly sessions: AuthSessionsService,
    private readonly keys: AuthKeys,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @UseInterceptors(RetryAfterInterceptor)
  @ApiOperation({
    summary: 'Sign in with e-mail and password',
    description:
      'Returns an access token and a refresh token. A wrong e-mail or password gets the same 401. Failed attempts are counted per account and client address, ' +
      'per account and per client address; once a limit is reached every attempt in its scope gets 429 with Retry-After until enough failures leave the window, ' +
      'including one with the right password (else the answer would give the password away). Successful sign-ins are never counted.',
  })
  @ApiOkResponse({ type: TokenPairDto })
  @ApiTooManyRequestsResponse({
    type: ApiErrorDto,
    description: 'Too many failed sign-ins; see Retry-After',
    headers: { 'Retry-After': { description: 'Seconds to wait' } },
  })
  @ApiErrorResponses(400, 401)
  login(@Body() dto: LoginDto, @Req() req: Request): Promise<TokenPairDto> {
    return this.sessions.login(dto.email, dto.password, clientInfoOf(req));
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Exchange a refresh token for new tokens',
    description:
      'Every refresh token works once: the answer carries its successor. Presenting a used one again signs out every session of that sign-in (401).',
  })
  @ApiOkResponse({ type: TokenPairDto })
  @ApiErrorResponses(400, 401)
  refresh(@Body() dto: RefreshTokenDto, @Req() req: Request): Promise<TokenPairDto> {
    return this.sessions.refresh(dto.refreshToken, clientInfoOf(req));
  }

  @Post('logout')
  @Public()
  @HttpCode(204)
  @ApiOperation({
    summary: 'Sign out',
    description: 'Revokes the refresh token and its family. Access tokens stay valid until they expire (minutes).',
  })
  @ApiNoContentResponse({ description: 'Signed out (also for an unknown token)' })
  @ApiErrorResponses(400)
  async logout(@Body() dto: RefreshTokenDto, @Req() req: Request): Promise<void> {
    await this.sessions.logout(dto.refreshToken, clientInfoOf(req));
  }

  @Get('jwks.json')
  @Public()
  @ApiOperation({
    summary: 'Public keys that verify access tokens (JWKS)',
    description: 'For services and tools that verify tokens; keys are identified by `kid`.',
  })
  @ApiOkResponse({ schema: { type: 'object', properties: { keys: { type: 'array', items: { type: 'object' } } } } })
  jwks() {
    return { keys: this.keys.resolved.verificationKeys.map(publicJwk) };
  }
}
