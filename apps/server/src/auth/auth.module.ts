// Tokens, controller accounts, login and the roles guard applied to every route.
import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthController } from './auth.controller.js';
import { AttemptsLimitGuard } from './attempts-limit.guard.js';
import { AuthService } from './auth.service.js';
import { JoinCodeGenerations } from './join-code-generations.service.js';
import { RolesGuard } from './roles.guard.js';
import { TokenService } from './token.service.js';

@Global()
@Module({
  controllers: [AuthController],
  providers: [TokenService, AuthService, AttemptsLimitGuard, JoinCodeGenerations, { provide: APP_GUARD, useClass: RolesGuard }],
  exports: [TokenService, AuthService, AttemptsLimitGuard, JoinCodeGenerations],
})
export class AuthModule {}
