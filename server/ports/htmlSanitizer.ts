/** Cleans HTML written by people (event descriptions) with a maintained sanitiser. */
export interface HtmlSanitizer {
  /** The HTML without scripts, handlers, styles or unsafe links; markup that is only formatting stays. */
  sanitize(html: string): Promise<string>;
}
