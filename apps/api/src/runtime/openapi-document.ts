import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { KabarConfig } from '@kabar/config';
import { rootLogger } from '@kabar/common';
import { ApiModule } from '../app.module';

/** The OpenAPI document of an app whose routes are registered (served at /api/docs-json when apiDocs is on). */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  return SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Kabar API')
      .setDescription('Social-media scheduling and analytics for local government')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
}

/**
 * The same document without a database or a port: Nest's preview mode registers the modules and their routes
 * but instantiates no provider (so nothing connects anywhere). Used by `npm run api:types`.
 */
export async function buildOpenApiDocumentOffline(config: KabarConfig): Promise<OpenAPIObject> {
  const app = await NestFactory.create(ApiModule.forRoot(config, 'postgres://offline@127.0.0.1:1/none', { logger: rootLogger('error') }), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  app.setGlobalPrefix('api');
  try {
    return createOpenApiDocument(app);
  } finally {
    await app.close();
  }
}
