// The Socket.IO endpoint of live exercises.
import { Module } from '@nestjs/common';
import { ExercisesModule } from '../exercises/exercises.module.js';
import { ExerciseGateway } from './exercise.gateway.js';
import { SocketPolicyInterceptor } from './socket-policy.interceptor.js';

@Module({ imports: [ExercisesModule], providers: [ExerciseGateway, SocketPolicyInterceptor] })
export class GatewayModule {}
