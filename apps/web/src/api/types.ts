import type { components } from './schema';

/** The API's DTOs, generated from its OpenAPI document (`npm run api:types`); the console copies none by hand. */
export type Schemas = components['schemas'];
export type AccountDto = Schemas['AccountDto'];
export type UnitDto = Schemas['UnitDto'];
export type UserDto = Schemas['UserDto'];
export type AuditEntryDto = Schemas['AuditEntryDto'];
export type AuditPageDto = Schemas['AuditPageDto'];
export type NotificationDto = Schemas['NotificationDto'];
export type NotificationListDto = Schemas['NotificationListDto'];
export type ProblemListDto = Schemas['ProblemListDto'];
export type CalendarDto = Schemas['CalendarDto'];
export type ReportDto = Schemas['ReportDto'];
