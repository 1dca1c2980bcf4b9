import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { KabarConfig } from '@kabar/config';
import { Logger } from 'nestjs-pino';
import { AllExceptionsFilter, LogLevel, createValidationPipe, refuseDeepJson, requestContextMiddleware, rootLogger } from '@kabar/common';
import { ApiModule } from '../app.module';
import { serveWebConsole } from '../web/web-static';
import { createOpenApiDocument } from './openapi-document';

/** Builds the HTTP app exactly as production runs it; tests call this too. */
export async function createApiApp(
  config: KabarConfig,
  databaseUrl: string,
  logLevel: LogLevel = config.logLevel,
  opts: { withWorker?: boolean } = {},
): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(config, databaseUrl, { ...opts, logger: rootLogger(logLevel) }), {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          styleSrc: ["'self'", "'unsafe-inline'"],
          scriptSrc: ["'self'"],
          connectSrc: ["'self'"],
        },
      },
    }),
  );
  app.enableCors(config.corsOrigins.length ? { origin: config.corsOrigins, credentials: true } : { origin: false });
  app.use(cookieParser());
  app.use(requestContextMiddleware());
  app.useBodyParser('json', { limit: '1mb', verify: refuseDeepJson() });
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());
  app.enableShutdownHooks();

  if (config.apiDocs) {
    const doc = createOpenApiDocument(app);
    SwaggerModule.setup('api/docs', app, doc, { jsonDocumentUrl: 'api/docs-json' });
  }
  serveWebConsole(app.getHttpAdapter().getInstance());
  return app;
}
