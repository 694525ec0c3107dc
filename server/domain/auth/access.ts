/** Whether an account may act now: active, and not past its end date (an external's expiry). */
export function hasAccess(
  user: { readonly active: boolean; readonly accessExpiresAt: Date | null },
  now: Date,
): boolean {
  return user.active && (user.accessExpiresAt === null || user.accessExpiresAt.getTime() > now.getTime());
}
