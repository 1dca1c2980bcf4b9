export * from './accounts.module';
export * from './accounts.repository';
export * from './accounts.service';
export * from './credentials.service';
export * from './crypto/credential-cipher';
export * from './entities/social-account.entity';
export * from './dto/account.dto';
export * from './platform-registry.provider';
export { REFRESH_MARGIN_MS } from './token-refresher';
