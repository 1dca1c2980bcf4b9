import * as fs from 'fs';
import * as path from 'path';
import express, { Express, NextFunction, Request, Response } from 'express';
import { projectRoot } from '../runtime/project-root';

/** Serves the built console (dist/web) at `/`, with index.html for client-side routes. */
export function serveWebConsole(app: Express): boolean {
  const dir = path.join(projectRoot(), 'dist', 'web');
  const index = path.join(dir, 'index.html');
  if (!fs.existsSync(index)) return false;
  app.use(express.static(dir, { index: false, maxAge: '1h', setHeaders: (res, file) => file.endsWith('.html') && res.setHeader('Cache-Control', 'no-cache') }));
  app.get(/^\/(?!api(\/|$)).*/, (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET') return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return true;
}
