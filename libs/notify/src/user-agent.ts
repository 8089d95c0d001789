/** The User-Agent of every HTTP notification: Alertmanager's form, with the API version Klaxon serves. */
export const NOTIFY_USER_AGENT = 'Alertmanager/0.34.0';
