// The OpenAPI (Swagger 2.0) description of the API v2 Klaxon serves.

const ref = (name: string) => ({ $ref: `#/definitions/${name}` });
const boolQuery = (name: string, description: string) => ({ name, in: 'query', type: 'boolean', default: true, description });
const filterQuery = { name: 'filter', in: 'query', type: 'array', items: { type: 'string' }, collectionFormat: 'multi', description: 'A matcher, e.g. alertname="X"; repeatable' };
const receiverQuery = { name: 'receiver', in: 'query', type: 'string', description: 'A regex the receiver must match (anchored, RE2)' };
const silenceIdPath = { name: 'silenceID', in: 'path', required: true, type: 'string', format: 'uuid' };
const text = (description: string) => ({ description, schema: { type: 'string' } });
const stringMap = { type: 'object', additionalProperties: { type: 'string' } };
const time = { type: 'string', format: 'date-time' };

export function swaggerSpec(basePath: string): Record<string, unknown> {
  return {
    swagger: '2.0',
    info: { title: 'Klaxon (Alertmanager API v2)', version: '0.0.1', description: 'The Prometheus Alertmanager API v2, served by Klaxon' },
    basePath,
    consumes: ['application/json'],
    produces: ['application/json'],
    paths: {
      '/status': { get: { tags: ['general'], operationId: 'getStatus', responses: { 200: { description: 'Status', schema: ref('alertmanagerStatus') } } } },
      '/receivers': {
        get: {
          tags: ['receiver'], operationId: 'getReceivers',
          parameters: [{ name: 'receiver_matchers', in: 'query', type: 'array', items: { type: 'string' }, collectionFormat: 'multi' }],
          responses: { 200: { description: 'Receivers', schema: { type: 'array', items: ref('receiver') } }, 400: text('Bad request') },
        },
      },
      '/silences': {
        get: {
          tags: ['silence'], operationId: 'getSilences',
          parameters: [filterQuery, boolQuery('active', 'Show active silences'), boolQuery('pending', 'Show pending silences'), boolQuery('expired', 'Show expired silences')],
          responses: { 200: { description: 'Silences', schema: { type: 'array', items: ref('gettableSilence') } }, 400: text('Bad request'), 500: text('Internal error') },
        },
        post: {
          tags: ['silence'], operationId: 'postSilences',
          parameters: [{ name: 'silence', in: 'body', required: true, schema: ref('postableSilence') }],
          responses: {
            200: { description: 'Created or updated', schema: { type: 'object', properties: { silenceID: { type: 'string' } } } },
            400: text('Bad request'), 404: text('Silence not found'),
          },
        },
      },
      '/silence/{silenceID}': {
        get: {
          tags: ['silence'], operationId: 'getSilence', parameters: [silenceIdPath],
          responses: { 200: { description: 'The silence', schema: ref('gettableSilence') }, 404: { description: 'Not found' }, 500: text('Internal error') },
        },
        delete: {
          tags: ['silence'], operationId: 'deleteSilence', parameters: [silenceIdPath],
          responses: { 200: { description: 'Expired' }, 404: { description: 'Not found' }, 500: text('Internal error') },
        },
      },
      '/alerts': {
        get: {
          tags: ['alert'], operationId: 'getAlerts',
          parameters: [
            boolQuery('active', 'Show active alerts'), boolQuery('silenced', 'Show silenced alerts'),
            boolQuery('inhibited', 'Show inhibited alerts'), boolQuery('unprocessed', 'Accepted and ignored'),
            filterQuery, receiverQuery,
          ],
          responses: { 200: { description: 'Alerts', schema: { type: 'array', items: ref('gettableAlert') } }, 400: text('Bad request'), 500: text('Internal error') },
        },
        post: {
          tags: ['alert'], operationId: 'postAlerts',
          parameters: [{ name: 'alerts', in: 'body', required: true, schema: { type: 'array', items: ref('postableAlert') } }],
          responses: { 200: { description: 'Stored' }, 400: text('Bad request'), 413: { description: 'Body too large' }, 503: text('Storage unavailable') },
        },
      },
      '/alerts/groups': {
        get: {
          tags: ['alertgroup'], operationId: 'getAlertGroups',
          parameters: [
            boolQuery('active', 'Show active alerts'), boolQuery('silenced', 'Show silenced alerts'),
            boolQuery('inhibited', 'Show inhibited alerts'), boolQuery('muted', 'Show groups muted by time intervals'),
            filterQuery, receiverQuery,
          ],
          responses: { 200: { description: 'Alert groups', schema: { type: 'array', items: ref('alertGroup') } }, 400: text('Bad request'), 500: text('Internal error') },
        },
      },
    },
    definitions: {
      alertmanagerStatus: {
        type: 'object', required: ['cluster', 'versionInfo', 'config', 'uptime'],
        properties: {
          cluster: { type: 'object', properties: { name: { type: 'string' }, status: { type: 'string', enum: ['ready', 'settling', 'disabled'] }, peers: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' }, address: { type: 'string' } } } } } },
          versionInfo: { type: 'object', properties: { version: { type: 'string' }, revision: { type: 'string' }, branch: { type: 'string' }, buildUser: { type: 'string' }, buildDate: { type: 'string' }, goVersion: { type: 'string' } } },
          config: { type: 'object', properties: { original: { type: 'string' } } },
          uptime: time,
        },
      },
      receiver: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, labels: stringMap } },
      matcher: {
        type: 'object', required: ['name', 'value', 'isRegex'],
        properties: { name: { type: 'string' }, value: { type: 'string' }, isRegex: { type: 'boolean' }, isEqual: { type: 'boolean', default: true } },
      },
      postableSilence: {
        type: 'object', required: ['matchers', 'startsAt', 'endsAt', 'createdBy', 'comment'],
        properties: {
          id: { type: 'string' }, matchers: { type: 'array', minItems: 1, items: ref('matcher') }, startsAt: time, endsAt: time,
          createdBy: { type: 'string' }, comment: { type: 'string' }, annotations: stringMap,
        },
      },
      gettableSilence: {
        type: 'object',
        properties: {
          id: { type: 'string' }, status: { type: 'object', properties: { state: { type: 'string', enum: ['expired', 'active', 'pending'] } } },
          updatedAt: time, matchers: { type: 'array', items: ref('matcher') }, startsAt: time, endsAt: time,
          createdBy: { type: 'string' }, comment: { type: 'string' }, annotations: stringMap,
        },
      },
      postableAlert: {
        type: 'object', required: ['labels'],
        properties: { labels: stringMap, annotations: stringMap, startsAt: time, endsAt: time, generatorURL: { type: 'string', format: 'uri' } },
      },
      gettableAlert: {
        type: 'object',
        properties: {
          labels: stringMap, annotations: stringMap, startsAt: time, endsAt: time, updatedAt: time, generatorURL: { type: 'string' },
          fingerprint: { type: 'string' }, receivers: { type: 'array', items: ref('receiver') },
          status: {
            type: 'object',
            properties: {
              state: { type: 'string', enum: ['unprocessed', 'active', 'suppressed'] },
              silencedBy: { type: 'array', items: { type: 'string' } }, inhibitedBy: { type: 'array', items: { type: 'string' } },
              mutedBy: { type: 'array', items: { type: 'string' } },
            },
          },
        },
      },
      alertGroup: {
        type: 'object', required: ['labels', 'receiver', 'alerts'],
        properties: { labels: stringMap, receiver: ref('receiver'), alerts: { type: 'array', items: ref('gettableAlert') } },
      },
    },
  };
}
