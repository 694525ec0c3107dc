/** A paired display, once its device token is verified: it acts for one room and nothing else. */
export interface DisplayPrincipal {
  readonly displayId: string;
  readonly roomId: string;
}
