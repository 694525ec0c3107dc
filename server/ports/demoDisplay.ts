/**
 * The demo's paired room display (demo/display.ts): the address of its page with the device token
 * in the fragment. Looked up per request, because the demo starts after the application is
 * composed; null whenever the demo is off, so that the link exists only in the demo.
 */
export type DemoDisplayLinkSource = () => string | null;
