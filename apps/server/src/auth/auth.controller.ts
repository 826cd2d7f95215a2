// POST /api/auth/login: a controller trades user name and password for a token.
import { Body, Controller, HttpCode, Inject, Post, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '../common/api-docs.decorators.js';
import { loginRequestSchema, type LoginRequest, type LoginResponse } from '@ttx/contracts';
import { ZodPipe } from '../common/zod-body.pipe.js';
import { AttemptsLimitGuard } from './attempts-limit.guard.js';
import { Public } from './roles.decorator.js';
import { AuthService } from './auth.service.js';

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(@Inject(AuthService) private readonly auth: AuthService) {}

  @Post('login')
  @Public()
  @UseGuards(AttemptsLimitGuard)
  @HttpCode(200)
  @ApiOperation({ summary: 'Log in as a controller; failed attempts are limited per address and per user name.' })
  login(@Body(new ZodPipe(loginRequestSchema)) body: LoginRequest): Promise<LoginResponse> {
    return this.auth.login(body);
  }
}
