import { PlatformModule } from '../module';
import { facebook } from './facebook';
import { instagram } from './instagram';
import { mastodon } from './mastodon';
import { telegram } from './telegram';
import { threads } from './threads';
import { tiktok } from './tiktok';
import { x } from './x';
import { youtube } from './youtube';

export const MODULES: PlatformModule[] = [facebook, instagram, x, telegram, mastodon, tiktok, youtube, threads];
