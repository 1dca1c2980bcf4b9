import { Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { KABAR_CONFIG } from '@kabar/common';
import { KabarConfig } from '@kabar/config';
import { AccessPolicy } from './access/access-policy.service';
import { AuditController } from './audit/audit.controller';
import { AuditQueryService } from './audit/audit-query.service';
import { AuditRepository } from './audit/audit.repository';
import { AuditService } from './audit/audit.service';
import { AccountService } from './auth/account.service';
import { AuthCookies } from './auth/auth-cookies';
import { AuthController } from './auth/auth.controller';
import { AuthGuard, JWT_SERVICE } from './auth/auth.guard';
import { AuthService } from './auth/auth.service';
import { LoginAttemptsRepository } from './auth/login-attempts.repository';
import { LoginThrottle } from './auth/login-throttle.service';
import { MeController } from './auth/me.controller';
import { PrincipalLoader } from './auth/principal.loader';
import { SessionsRepository } from './auth/sessions.repository';
import { TokenIssuer } from './auth/token-issuer';
import { deriveKey } from './auth/token-keys';
import { MembershipEntity } from './entities/membership.entity';
import { UnitEntity } from './entities/unit.entity';
import { UserEntity } from './entities/user.entity';
import { UnitsController } from './units/units.controller';
import { UnitsRepository } from './units/units.repository';
import { UnitsService } from './units/units.service';
import { PasswordResetService } from './users/password-reset.service';
import { UserAccess } from './users/user-access';
import { UsersController } from './users/users.controller';
import { UsersRepository } from './users/users.repository';
import { UsersService } from './users/users.service';
import { AuditInterceptor } from './audit/audit.interceptor';
import { RateLimitGuard } from './rate-limit/rate-limit.guard';
import { RateLimitsRepository } from './rate-limit/rate-limits.repository';
import { WilayahController } from './wilayah/wilayah.controller';
import { WilayahService } from './wilayah/wilayah.service';

export const ORG_ENTITIES = [UnitEntity, UserEntity, MembershipEntity];

@Module({
  imports: [TypeOrmModule.forFeature(ORG_ENTITIES)],
  controllers: [UnitsController, WilayahController, AuthController, MeController, UsersController, AuditController],
  providers: [
    UnitsRepository,
    UnitsService,
    WilayahService,
    AccessPolicy,
    PrincipalLoader,
    AuditRepository,
    AuditService,
    AuditQueryService,
    UsersRepository,
    UserAccess,
    UsersService,
    PasswordResetService,
    SessionsRepository,
    LoginAttemptsRepository,
    LoginThrottle,
    RateLimitsRepository,
    TokenIssuer,
    AuthCookies,
    AuthService,
    AccountService,
    {
      provide: JWT_SERVICE,
      inject: [KABAR_CONFIG],
      useFactory: (config: KabarConfig) =>
        new JwtService({
          secret: deriveKey(config.secretKey!, 'jwt'),
          signOptions: { expiresIn: config.accessTokenTtlSeconds, algorithm: 'HS256' },
          verifyOptions: { algorithms: ['HS256'] },
        }),
    },
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_GUARD, useClass: RateLimitGuard },
    { provide: APP_INTERCEPTOR, useClass: AuditInterceptor },
  ],
  exports: [UnitsRepository, UnitsService, AccessPolicy, PrincipalLoader, JWT_SERVICE, AuditService],
})
export class OrgModule {}
