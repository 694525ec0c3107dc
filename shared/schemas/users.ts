import { z } from 'zod';

/** `analyst`: an employee who may also read the room analytics (no facility or admin powers). */
export const ROLES = ['admin', 'facility', 'analyst', 'employee', 'external'] as const;
export const roleSchema = z.enum(ROLES).meta({ id: 'Role' });
export type Role = z.infer<typeof roleSchema>;
