import { ComponentType } from 'react';
import { HomePage } from './HomePage';
import { UnitsPage } from './UnitsPage';

/** Every page of the console: its path, its nav label key, and the component. Later issues add theirs here. */
export interface PageDef {
  path: string;
  labelKey: string;
  icon: string;
  component: ComponentType;
}

export const PAGES: PageDef[] = [
  { path: '/', labelKey: 'nav.home', icon: '⌂', component: HomePage },
  { path: '/units', labelKey: 'nav.units', icon: '▦', component: UnitsPage },
];
