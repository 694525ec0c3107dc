/** Texts of the Outlook add-in page (docs/addin.md, "Installing it"). */
export const addinPageStrings = {
  tab: 'Outlook add-in',
  title: 'The Outlook add-in',
  intro:
    'The add-in books rooms and orders catering from an appointment in Outlook. Install it from its manifest, which points at this server.',
  download: 'Download manifest',
  manifestUrl: 'Manifest address',
  httpWarningTitle: 'Outlook will refuse this add-in',
  httpWarning: (url: string) =>
    `This server's public address (${url}) is not https. Outlook loads add-ins over https only: set PUBLIC_URL to an https address (behind a TLS proxy) and restart Roomserve before installing.`,
  stepsTitle: 'Installing it',
  oneUserTitle: 'Outlook on the web, for one user',
  oneUserSteps: [
    'Open Settings → Manage add-ins (or Get add-ins → My add-ins).',
    'Under Custom add-ins choose Add a custom add-in → Add from file…',
    'Pick the downloaded roomserve-manifest.xml. (Add from URL with the manifest address works too.)',
  ],
  everybodyTitle: 'Exchange admin, for everybody',
  everybodySteps: [
    'Exchange admin center → Organization → Add-ins → New (+) → Add from file (or from URL).',
    'Set it enabled, and mandatory or optional as wanted.',
  ],
  shellIntro: 'Or in the Exchange Management Shell:',
  shellCommand: (manifestUrl: string) => `New-App -OrganizationApp -Url ${manifestUrl} -DefaultStateForUser Enabled`,
} as const;
