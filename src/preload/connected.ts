/**
 * The preload of the unit server's page (team mode): only the connection choice, so an administrator
 * can change the server or go back to standalone. No `window.mdk`: the page calls its server over HTTPS.
 */
import { exposeConnection } from './connection';

exposeConnection();
