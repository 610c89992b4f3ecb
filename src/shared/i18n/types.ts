export type Lang = 'sv' | 'en';
export type Messages = Record<string, string>;
/** One feature's texts; Swedish is the reference language, English must have every key. */
export interface MessageBundle {
  sv: Messages;
  en: Messages;
}
