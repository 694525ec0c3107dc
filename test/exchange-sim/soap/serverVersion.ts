/**
 * Which Exchange the simulator plays. Exchange 2019 answers every RequestServerVersion from
 * Exchange2007 to V2017_07_11. Exchange 2010 SP1 validates the header against its own Types.xsd,
 * whose ExchangeVersionType ends at Exchange2010_SP1, so a newer value (Exchange2013, …) fails
 * schema validation before any operation runs; so does a property path its schema does not list
 * (calendar:JoinOnlineMeetingUrl came with 2013), and an operation it does not have (FindPeople).
 */
export type ExchangeRelease = 'Exchange2019' | 'Exchange2010_SP1';

export interface ServerVersionInfo {
  readonly MajorVersion: number;
  readonly MinorVersion: number;
  readonly MajorBuildNumber: number;
  readonly MinorBuildNumber: number;
  readonly Version: string;
}

export interface ServerProfile {
  readonly release: ExchangeRelease;
  readonly info: ServerVersionInfo;
  /** RequestServerVersion values the server knows, oldest first. */
  readonly acceptedVersions: readonly string[];
  /** FieldURI values newer than the server's schema. */
  readonly unknownFieldUris: readonly string[];
  /** Operations (body elements) newer than the server's schema: FindPeople came with 2013. */
  readonly unknownOperations: readonly string[];
}

const VERSIONS_2010_SP1 = ['Exchange2007', 'Exchange2007_SP1', 'Exchange2010', 'Exchange2010_SP1'];

const VERSIONS_2019 = [
  ...VERSIONS_2010_SP1,
  'Exchange2010_SP2',
  'Exchange2013',
  'Exchange2013_SP1',
  'Exchange2015',
  'Exchange2016',
  'V2015_10_05',
  'V2016_01_06',
  'V2016_04_13',
  'V2016_07_13',
  'V2016_10_10',
  'V2017_01_07',
  'V2017_04_14',
  'V2017_07_11',
];

export const SERVER_PROFILES: Readonly<Record<ExchangeRelease, ServerProfile>> = {
  Exchange2019: {
    release: 'Exchange2019',
    info: { MajorVersion: 15, MinorVersion: 2, MajorBuildNumber: 1118, MinorBuildNumber: 7, Version: 'V2017_07_11' },
    acceptedVersions: VERSIONS_2019,
    unknownFieldUris: [],
    unknownOperations: [],
  },
  Exchange2010_SP1: {
    release: 'Exchange2010_SP1',
    info: {
      MajorVersion: 14,
      MinorVersion: 1,
      MajorBuildNumber: 218,
      MinorBuildNumber: 15,
      Version: 'Exchange2010_SP1',
    },
    acceptedVersions: VERSIONS_2010_SP1,
    unknownFieldUris: ['calendar:JoinOnlineMeetingUrl'],
    unknownOperations: ['FindPeople'],
  },
};

/** Every RequestServerVersion value that exists in any release (those this simulator knows). */
export const KNOWN_REQUEST_VERSIONS: readonly string[] = VERSIONS_2019;
