// Controller accounts: the first one is created on first start, and controllers log in with a password.
import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { LoginRequest, LoginResponse } from '@ttx/contracts';
import bcrypt from 'bcryptjs';
import { DataSource } from 'typeorm';
import { TtxConfig } from '../config/ttx-config.js';
import { TtxException } from '../common/ttx.exception.js';
import { UserEntity } from '../database/user.entity.js';
import { WriteQueue } from '../database/write-queue.service.js';
import { TokenService } from './token.service.js';

const BCRYPT_ROUNDS = 10;
/** bcrypt reads this many bytes of a password and ignores the rest: a longer one is refused, not cut. */
export const PASSWORD_MAX_BYTES = 72;
// Compared against when the user does not exist, so that a wrong name costs as long as a wrong password: a fixed
// hash of a random secret at the same cost, so that no start spends a blocking hash on it.
const DUMMY_HASH = '$2b$10$JrS9YCnkLI.GF9ZPUQRHAuvooVqdWbQk.QgfwY4wqw8yLscBiOHn.';

@Injectable()
export class AuthService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Auth');
  /** Set when this start created the admin account with a generated password. */
  generatedAdminPassword?: string;

  constructor(
    @Inject(TtxConfig) private readonly config: TtxConfig,
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(WriteQueue) private readonly writes: WriteQueue,
    @Inject(TokenService) private readonly tokens: TokenService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const users = this.dataSource.getRepository(UserEntity);
    if ((await users.count()) > 0) return;
    const password = this.config.adminPassword ?? randomBytes(12).toString('base64url');
    if (!this.config.adminPassword) this.generatedAdminPassword = password;
    const passwordHash = await bcrypt.hash(password, BCRYPT_ROUNDS);
    await this.writes.transaction((m) =>
      m.insert(UserEntity, { username: this.config.adminUser, passwordHash, role: 'controller', createdAt: Date.now() }),
    );
    this.logger.log(`Created the controller account "${this.config.adminUser}".`);
  }

  async login(request: LoginRequest): Promise<LoginResponse> {
    if (Buffer.byteLength(request.password) > PASSWORD_MAX_BYTES)
      throw new TtxException('VALIDATION_FAILED', `Passwords are at most ${PASSWORD_MAX_BYTES} bytes (UTF-8); this one is longer, so it cannot be right.`, [
        `password: at most ${PASSWORD_MAX_BYTES} bytes`,
      ]);
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ username: request.username });
    const matches = await bcrypt.compare(request.password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !matches) throw new TtxException('UNAUTHENTICATED', 'The user name or password is wrong; check both and try again.');
    const { token, expiresAt } = this.tokens.issue({ role: 'controller', name: user.username }, this.config.tokenTtlSeconds);
    return { token, role: 'controller', username: user.username, expiresAt };
  }
}
