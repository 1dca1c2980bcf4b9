import { aduanHolidays as holidaysFile, aduanSla as bogorSla } from '@kabar/config';
import { WorkingCalendar, WorkingHours } from './working-calendar';

export interface Holiday {
  date: string;
  name: string;
  kind: string;
  estimated?: boolean;
}

export interface SlaTarget {
  firstAnswerWorkingDays: number;
}

/** A city's response targets (config/aduan/<city>/sla.json) and the national holidays (config/aduan/holidays-id.json). */
export interface SlaConfig {
  workingHours: WorkingHours;
  default: SlaTarget;
  categories: Record<string, SlaTarget>;
  /** Wall-clock hours past the due time: [to the OPD's admins, to Diskominfo]. */
  escalateAfterHours: [number, number];
  holidays: Holiday[];
}

export const HOLIDAYS_ID: Holiday[] = holidaysFile.days;

export const KOTA_BOGOR_SLA: SlaConfig = {
  workingHours: bogorSla.workingHours,
  default: bogorSla.default,
  categories: bogorSla.categories,
  escalateAfterHours: [bogorSla.escalateAfterHours[0], bogorSla.escalateAfterHours[1]],
  holidays: HOLIDAYS_ID,
};

/** Seeded cities by root unit code; others use Kota Bogor's targets (like the classifier's categories). */
const SLA_CONFIGS: Readonly<Record<string, SlaConfig>> = { '32.71': KOTA_BOGOR_SLA };

export function slaConfigFor(rootCode: string | null | undefined): SlaConfig {
  return (rootCode && SLA_CONFIGS[rootCode]) || KOTA_BOGOR_SLA;
}

export function targetFor(sla: SlaConfig, category: string | null): SlaTarget {
  return (category && sla.categories[category]) || sla.default;
}

export function calendarOf(sla: SlaConfig): WorkingCalendar {
  return new WorkingCalendar(
    sla.workingHours,
    sla.holidays.map((h) => h.date),
  );
}
