/**
 * Exchange's directory as an attendee picker sees it (a view of the one Exchange connection):
 * ResolveNames on Exchange 2010, FindPeople on 2013 and later. Failures are GatewayErrors.
 */

export interface DirectoryPerson {
  readonly name: string;
  /** Lower-case SMTP address. */
  readonly email: string;
}

export interface PeopleDirectory {
  /** People whose name, address or alias starts with the query (at most `max`, best first). */
  searchPeople(query: string, max: number): Promise<DirectoryPerson[]>;
  /** The mailbox or contact with exactly this SMTP address; undefined when the directory has none. */
  resolveAddress(email: string): Promise<DirectoryPerson | undefined>;
}
