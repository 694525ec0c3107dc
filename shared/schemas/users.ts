import { z } from 'zod';

export const ROLES = ['admin', 'facility', 'employee', 'external'] as const;
export const roleSchema = z.enum(ROLES).meta({ id: 'Role' });
export type Role = z.infer<typeof roleSchema>;
