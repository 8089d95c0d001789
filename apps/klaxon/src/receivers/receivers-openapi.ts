// The OpenAPI (Swagger 2.0) description of Klaxon's own API under /api/klaxon/v1: the notification
// history and receiver tests. Served at GET /api/klaxon/v1/openapi.json.
const ref = (name: string) => ({ $ref: `#/definitions/${name}` });
const stringMap = { type: 'object', additionalProperties: { type: 'string' } };
const error = (description: string) => ({ description, schema: ref('error') });

export function receiversOpenApi(routePrefix = '/'): Record<string, unknown> {
  return {
    swagger: '2.0',
    info: { title: 'Klaxon API', version: '1', description: 'Klaxon features beyond the Alertmanager API v2: notification history and receiver tests.' },
    basePath: `${routePrefix.replace(/\/$/, '')}/api/klaxon/v1`,
    produces: ['application/json'],
    paths: {
      '/notifications': {
        get: {
          tags: ['history'],
          operationId: 'listNotifications',
          summary: 'Delivery attempts, newest first',
          parameters: [
            { name: 'receiver', in: 'query', type: 'string' },
            { name: 'integration', in: 'query', type: 'string', enum: ['email', 'pagerduty', 'opsgenie', 'webhook'] },
            { name: 'outcome', in: 'query', type: 'string', enum: ['delivered', 'failed'] },
            { name: 'group_label', in: 'query', type: 'array', items: { type: 'string' }, collectionFormat: 'multi', description: 'name=value that the group labels must contain; repeatable' },
            { name: 'since', in: 'query', type: 'string', description: 'RFC 3339 time or Unix milliseconds (inclusive)' },
            { name: 'until', in: 'query', type: 'string', description: 'RFC 3339 time or Unix milliseconds (inclusive)' },
            { name: 'limit', in: 'query', type: 'integer', minimum: 1, maximum: 1000, default: 100 },
            { name: 'cursor', in: 'query', type: 'string', description: 'nextCursor of the previous page' },
          ],
          responses: { 200: { description: 'One page', schema: ref('notificationPage') }, 400: error('Bad query parameter') },
        },
      },
      '/receivers/{name}/test': {
        post: {
          tags: ['receiver'],
          operationId: 'testReceiver',
          summary: 'Send a test notification through every integration of a receiver',
          parameters: [{ name: 'name', in: 'path', required: true, type: 'string' }],
          responses: { 200: { description: 'Each integration\'s outcome', schema: ref('receiverTestResult') }, 404: error('No such receiver') },
        },
      },
    },
    definitions: {
      error: { type: 'object', required: ['error'], properties: { error: { type: 'string' } } },
      notification: {
        type: 'object',
        required: ['id', 'at', 'receiver', 'integration', 'index', 'groupKey', 'groupLabels', 'alerts', 'reason', 'outcome', 'attempts', 'latencyMs'],
        properties: {
          id: { type: 'string', description: 'Time-ordered ID' },
          at: { type: 'integer', description: 'When the delivery finished (Unix ms)' },
          receiver: { type: 'string' },
          integration: { type: 'string' },
          index: { type: 'integer', description: 'Position among the receiver\'s configs of that integration' },
          groupKey: { type: 'string' },
          groupLabels: stringMap,
          alerts: { type: 'array', items: { type: 'object', properties: { fingerprint: { type: 'string' }, status: { type: 'string', enum: ['firing', 'resolved'] } } } },
          reason: { type: 'string', description: "first notification, new alerts added, all alerts resolved, some alerts resolved, repeat interval elapsed, or test" },
          outcome: { type: 'string', enum: ['delivered', 'failed'] },
          attempts: { type: 'integer' },
          latencyMs: { type: 'integer' },
          error: { type: 'string', description: 'What the receiver answered (failures only)' },
          test: { type: 'boolean', description: 'Sent by the receiver test' },
        },
      },
      notificationPage: {
        type: 'object',
        required: ['notifications'],
        properties: { notifications: { type: 'array', items: ref('notification') }, nextCursor: { type: 'string' } },
      },
      receiverTestResult: {
        type: 'object',
        required: ['receiver', 'results'],
        properties: {
          receiver: { type: 'string' },
          results: {
            type: 'array',
            items: {
              type: 'object',
              required: ['integration', 'index', 'outcome', 'latencyMs'],
              properties: {
                integration: { type: 'string' },
                index: { type: 'integer' },
                outcome: { type: 'string', enum: ['delivered', 'failed'] },
                latencyMs: { type: 'integer' },
                error: { type: 'string' },
              },
            },
          },
        },
      },
    },
  };
}
