import type { MessageBundle } from '../types';

/** Browser-mode connection, the desktop menu and who may change shared settings. */
export const securityEdge: MessageBundle = {
  sv: {
    'bridge.notConnected': 'Webbläsaren är inte ansluten till programmet. Starta webbläsarläget igen och öppna den nya adressen det skriver ut.',
    'bridge.tokenSpent': 'Adressen har redan använts en gång. Starta webbläsarläget igen och öppna den nya adressen det skriver ut.',
  },
  en: {
    'bridge.notConnected': 'This browser is not connected to the program. Start browser mode again and open the new address it prints.',
    'bridge.tokenSpent': 'This address has already been used once. Start browser mode again and open the new address it prints.',
  },
};
