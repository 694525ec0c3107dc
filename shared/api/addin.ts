import { endpoint } from './endpoint';

/** The Outlook add-in's manifest for admins (the public copy is served at /manifest.xml). */
export const addinEndpoints = {
  manifestDownload: endpoint({
    method: 'get',
    path: '/admin/addin/manifest',
    tag: 'Outlook add-in',
    summary:
      'The Outlook add-in manifest (XML) with every URL pointing at this server, as an attachment named ' +
      'roomserve-manifest.xml, for sideloading in Outlook on the web or installing with New-App.',
    access: 'admin',
  }),
};
